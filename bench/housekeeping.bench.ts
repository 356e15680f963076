/**
 * Data-readiness scan, file-system part (issues 5 and 16):
 *  1. Walk speed of the built CLI (`npm run build:server`, run with node, as an agent runs it) against
 *     `find <dir> -printf '%s %T@ %p\n' > /dev/null` on the same generated tree (BENCH_FILES, default 200,000
 *     files), warm cache, median of BENCH_RUNS runs (default 5), interleaved: find, the CLI's walk (`ai-wijzer scan
 *     --path <dir> --no-store --json` with every rule switched off in a `--config` file: start-up, the walk, the
 *     counts per folder and the report, no rule work), the CLI's full scan (all 14 rules, the duplicate rule
 *     reading samples of the files whose size collides) and, for reference, the file-system source alone in this
 *     process.
 *  2. Peak memory (max RSS of the process, every thread) of the built CLI's full scan of a generated tree of
 *     BENCH_MEMORY_FILES files (default 1,000,000), median of BENCH_MEMORY_RUNS runs (default 3).
 *  3. Precision and recall of every rule on generated trees with planted problems and near misses.
 * Trees are generated once under $TMPDIR/ai-wijzer-bench and reused (a marker file says they are whole).
 * Files are sparse (a unique header, then a hole up to a log-uniform size of 100 B to 20 MB), so the
 * trees cost little disk while sizes and duplicates behave like a real share.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleIds, type RuleId } from '../src/housekeeping/report.js';
import { runScan } from '../src/housekeeping/scan.js';
import type { Source } from '../src/housekeeping/source.js';
import { filesystemSource } from '../src/housekeeping/sources/filesystem.js';
import { rootDir } from '../src/paths.js';
import { generatePlantedTree } from '../tests/housekeeping/planted.js';
import { median } from './stats.js';

const benchDir = join(tmpdir(), 'ai-wijzer-bench');
const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};
const walkFiles = count('BENCH_FILES', 200_000);
const memoryFiles = count('BENCH_MEMORY_FILES', 1_000_000);
const runs = count('BENCH_RUNS', 5);
const memoryRuns = count('BENCH_MEMORY_RUNS', 3);
const cliMain = join(rootDir, 'dist', 'cli', 'main.js');
const words = [
  'Verslag overleg',
  'Offerte',
  'Besluitenlijst',
  'Notitie',
  'Begroting',
  'Presentatie',
  'Subsidieaanvraag',
  'Projectplan',
  'Evaluatie',
  'Brief',
];
const extensions = ['docx', 'xlsx', 'pdf', 'pptx', 'msg', 'jpg'];

/** A share-like tree: afdelingen / projecten / mappen, 20 files per folder. Reused when already whole. */
function benchTree(files: number): string {
  const root = join(benchDir, `fs-${files}`);
  const marker = `${root}.complete`; // next to the tree, not in it
  if (existsSync(marker)) return root;
  rmSync(root, { recursive: true, force: true });
  const started = performance.now();
  let s = files;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const perFolder = 20;
  const mapsPerProject = 50;
  const projectsPerDept = 20;
  let n = 0;
  for (let a = 0; n < files; a++) {
    for (let b = 0; b < projectsPerDept && n < files; b++) {
      for (let c = 0; c < mapsPerProject && n < files; c++) {
        const dir = join(root, `Afdeling ${a}`, `Project ${a}-${b}`, `Dossier ${a}-${b}-${c}`);
        mkdirSync(dir, { recursive: true });
        for (let i = 0; i < perFolder && n < files; i++, n++) {
          const name = `${words[n % words.length]} ${n} ${2015 + (n % 11)}.${extensions[n % extensions.length]}`;
          const fd = openSync(join(dir, name), 'w');
          writeSync(fd, `bestand ${n}\n`);
          ftruncateSync(fd, Math.floor(Math.exp(Math.log(100) + next() * (Math.log(20e6) - Math.log(100)))));
          closeSync(fd);
        }
      }
    }
  }
  writeFileSync(marker, '');
  console.log(
    `  (tree of ${files.toLocaleString('en')} files generated in ${((performance.now() - started) / 1000).toFixed(0)} s: ${root})`,
  );
  return root;
}

/** Compiles src/ to dist/ (`npm run build:server`), so that the CLI measured is the code of this checkout. */
function buildServer(): void {
  const started = performance.now();
  const tsc = spawnSync(
    process.execPath,
    [join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: rootDir,
      encoding: 'utf8',
    },
  );
  if (tsc.status !== 0) throw new Error(`npm run build:server failed:\n${tsc.stdout}${tsc.stderr}`);
  console.log(
    `  (built dist/ as npm run build:server does, in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}

/** Runs a command to its end; its wall time from spawn to exit, stdout when asked. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, keepStdout = false) {
  return new Promise<{ ms: number; stdout: string }>((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - t0, stdout })
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}

/** find's wall time, and its CPU time (user + system) as the shell's `times` reports its children. */
async function timeFind(dir: string): Promise<{ ms: number; cpuMs: number }> {
  const { ms, stdout } = await timed(
    'sh',
    ['-c', `find "$1" -printf '%s %T@ %p\\n' > /dev/null; times`, 'sh', dir],
    process.env,
    true,
  );
  const children = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(stdout);
  const seconds = children
    ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])
    : NaN;
  return { ms, cpuMs: seconds * 1000 };
}

/** A `--config` file that switches every rule off: the CLI then only walks, counts per folder and reports. */
function walkOnlyConfig(): string {
  const file = join(benchDir, 'walk-only.json');
  writeFileSync(file, JSON.stringify({ disabledRules: ruleIds }));
  return file;
}

/** Loaded into the CLI process (`--import`): at exit it writes its max RSS (KB) and CPU time (µs), all threads. */
const usageHook = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const c = process.cpuUsage(); writeFileSync(process.env.HK_BENCH_USAGE_FILE, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, cpu: c.user + c.system })); });",
)}`;
const usageFile = join(benchDir, 'cli-usage.json');

/** The built CLI's scan of a folder, not stored, the JSON report read back for its counts; its RSS and CPU time. */
async function timeCli(dir: string, config?: string) {
  const args = [
    '--import',
    usageHook,
    cliMain,
    'scan',
    '--path',
    dir,
    '--no-store',
    '--json',
    ...(config ? ['--config', config] : []),
  ];
  rmSync(usageFile, { force: true });
  const { ms, stdout } = await timed(process.execPath, args, { ...process.env, HK_BENCH_USAGE_FILE: usageFile }, true);
  const report = JSON.parse(stdout) as { stats: { files: number; folders: number }; findings: unknown[] };
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; cpu: number };
  return {
    ms,
    cpuMs: usage.cpu / 1000,
    maxRssMB: usage.maxRSS / 1024,
    files: report.stats.files,
    folders: report.stats.folders,
    findings: report.findings.length,
  };
}

/** The file-system source alone in this process (tsx), for reference: wall and CPU time (all threads). */
async function timeSource(dir: string): Promise<{ ms: number; cpuMs: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for await (const batch of filesystemSource(dir).entries()) void batch;
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

async function walkSpeed(): Promise<void> {
  const dir = benchTree(walkFiles);
  buildServer();
  const config = walkOnlyConfig();
  // Warm the cache once.
  await timeFind(dir);
  await timeCli(dir, config);
  await timeCli(dir);
  await timeSource(dir);
  type Run = { ms: number; cpuMs: number };
  const find: Run[] = [];
  const walk: Run[] = [];
  const scan: Run[] = [];
  const source: Run[] = [];
  let entries = 0;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    find.push(await timeFind(dir));
    const w = await timeCli(dir, config);
    walk.push(w);
    entries = w.files + w.folders;
    const s = await timeCli(dir);
    scan.push(s);
    findings = s.findings;
    source.push(await timeSource(dir));
  }
  const f = median(find.map((r) => r.ms));
  const fCpu = median(find.map((r) => r.cpuMs));
  console.log(
    `\nWalk of ${walkFiles.toLocaleString('en')} files (${entries.toLocaleString('en')} entries), warm cache, built CLI (node dist/cli/main.js), median of ${runs} interleaved runs:`,
  );
  console.log(
    '  what                                          median ms   ratio to find   CPU ms (ratio)     runs (ms)',
  );
  const line = (what: string, values: Run[]) => {
    const ms = median(values.map((r) => r.ms));
    const cpu = median(values.map((r) => r.cpuMs));
    console.log(
      `  ${what.padEnd(45)} ${ms.toFixed(0).padStart(9)}   ${(ms / f).toFixed(2).padStart(13)}x   ${`${cpu.toFixed(0)} (${(cpu / fCpu).toFixed(2)}x)`.padStart(14)}   ${values.map((r) => r.ms.toFixed(0)).join(' ')}`,
    );
  };
  line("find -printf '%s %T@ %p\\n'", find);
  line('CLI walk (scan, every rule off)', walk);
  line(`CLI full scan (14 rules, ${findings} findings)`, scan);
  line('file-system source alone, in this process', source);
  console.log(
    `  target: CLI walk <= 1.5x find (wall, median) -> ${median(walk.map((r) => r.ms)) / f <= 1.5 ? 'met' : 'NOT met'}`,
  );
}

async function peakMemory(): Promise<void> {
  const dir = benchTree(memoryFiles);
  if (!existsSync(cliMain)) buildServer();
  const empty = join(benchDir, 'empty');
  mkdirSync(empty, { recursive: true });
  writeFileSync(join(empty, 'een.txt'), 'een bestand');
  const baseline = await timeCli(empty);
  const results = [];
  for (let i = 0; i < memoryRuns; i++) results.push(await timeCli(dir));
  const r = results[results.length - 1]!;
  const rss = results.map((x) => x.maxRssMB);
  console.log(
    `\nPeak memory, built CLI full scan of a tree of ${memoryFiles.toLocaleString('en')} files (${(r.files + r.folders).toLocaleString('en')} entries), max RSS of the process (all threads), ${memoryRuns} runs:`,
  );
  console.log(`  runs (MB): ${rss.map((x) => x.toFixed(0)).join(' ')}; median ${median(rss).toFixed(0)} MB`);
  console.log(
    `  (the CLI scanning a folder of one file: ${baseline.maxRssMB.toFixed(0)} MB; scan time median ${(median(results.map((x) => x.ms)) / 1000).toFixed(1)} s; ${r.findings} findings)`,
  );
  console.log(`  target: < 500 MB -> ${median(rss) < 500 ? 'met' : 'NOT met'}`);
}

/** The file-system source with "anyone" links marked, as the Graph source would report them. */
function withAnonymousLinks(source: Source, paths: Set<string>): Source {
  return Object.assign(Object.create(source) as Source, {
    async *entries(signal?: AbortSignal) {
      for await (const batch of source.entries(signal))
        yield batch.map((e) => (paths.has(e.path) ? { ...e, anonymousLink: true } : e));
    },
  });
}

/** Findings carry masked paths; the planted paths are masked the same way to compare. */
function maskedPlanted(path: string): string {
  return path
    .replace(/Besluit \d{6}(\d{3})/, 'Besluit ******$1')
    .replace(/NL\d\d([A-Z]{4})\d{6}(\d{4})/, 'NL**$1******$2')
    .replace(/medewerker\d+@/, 'm***@')
    .replace(/(?:06-?|\+31 6 )\d{2,4} ?\d{2,4}(\d\d)\./, '06-******$1.')
    .replace(/050-\d{5}(\d\d)\./, '050-*****$1.');
}

async function precisionRecall(): Promise<void> {
  const seeds = [11, 12, 13, 14, 15];
  const totals = new Map<RuleId, { planted: number; tp: number; fp: number; fn: number }>(
    ruleIds.map((r) => [r, { planted: 0, tp: 0, fp: 0, fn: 0 }]),
  );
  for (const seed of seeds) {
    const root = join(benchDir, `planted-${seed}`);
    rmSync(root, { recursive: true, force: true });
    const tree = generatePlantedTree(root, seed, { scale: 1 + (seed % 3) });
    const report = await runScan(withAnonymousLinks(filesystemSource(root), tree.anonymous), { now: tree.now });
    for (const rule of ruleIds) {
      const expected = new Set([...(tree.expected.get(rule) ?? [])].map(maskedPlanted));
      const found = new Set(report.findings.filter((f) => f.rule === rule).map((f) => f.path));
      const t = totals.get(rule)!;
      t.planted += expected.size;
      for (const p of found)
        if (expected.has(p)) t.tp++;
        else t.fp++;
      for (const p of expected) if (!found.has(p)) t.fn++;
    }
    rmSync(root, { recursive: true, force: true });
  }
  console.log(
    `\nPrecision and recall per rule, ${seeds.length} generated trees with planted problems and near misses:`,
  );
  console.log('  rule                     planted   found   false pos.   missed   precision   recall');
  let allGood = true;
  for (const [rule, t] of totals) {
    const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
    const recall = t.planted === 0 ? 1 : t.tp / t.planted;
    if (precision < 1 || recall < 1) allGood = false;
    console.log(
      `  ${rule.padEnd(24)} ${String(t.planted).padStart(7)} ${String(t.tp + t.fp).padStart(7)} ${String(t.fp).padStart(12)} ${String(t.fn).padStart(8)} ${(precision * 100).toFixed(1).padStart(10)}% ${(recall * 100).toFixed(1).padStart(7)}%`,
    );
  }
  console.log(`  target: 100% recall, no false positives -> ${allGood ? 'met' : 'NOT met'}`);
}

/** HK_BENCH_PARTS=precision,walk,memory runs only those parts (default: all three). */
export default async function housekeepingBench(): Promise<void> {
  mkdirSync(benchDir, { recursive: true });
  const parts = (process.env.HK_BENCH_PARTS ?? 'precision,walk,memory').split(',');
  if (parts.includes('precision')) await precisionRecall();
  if (parts.includes('walk')) await walkSpeed();
  if (parts.includes('memory')) await peakMemory();
}
