/**
 * Data-readiness scan, file-system part (issue 5):
 *  1. Walk speed against `find <dir> -printf '%s %T@ %p\n' > /dev/null` on the same generated tree of
 *     200,000 files, warm cache: the source alone and the full scan, median of 5 runs each, interleaved.
 *  2. Peak memory (max RSS of a child process) of a full scan of a generated tree of 1,000,000 files.
 *  3. Precision and recall of every rule on generated trees with planted problems and near misses.
 * Trees are generated once under $TMPDIR/ai-wijzer-bench and reused (a marker file says they are whole).
 * Files are sparse (a unique header, then a hole up to a log-uniform size of 100 B to 20 MB), so the
 * trees cost little disk while sizes and duplicates behave like a real share.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleIds, type RuleId } from '../src/housekeeping/report.js';
import { runScan } from '../src/housekeeping/scan.js';
import type { Source } from '../src/housekeeping/source.js';
import { filesystemSource } from '../src/housekeeping/sources/filesystem.js';
import { generatePlantedTree } from '../tests/housekeeping/planted.js';
import { median } from './stats.js';

const benchDir = join(tmpdir(), 'ai-wijzer-bench');
const runs = 5;
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

function timeFind(dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('sh', ['-c', `find "$1" -printf '%s %T@ %p\\n' > /dev/null`, 'sh', dir], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`find exited ${code}`)),
    );
  });
}

async function timeWalk(dir: string): Promise<{ ms: number; entries: number }> {
  const t0 = performance.now();
  let entries = 0;
  for await (const batch of filesystemSource(dir).entries()) entries += batch.length;
  return { ms: performance.now() - t0, entries };
}

async function timeScan(dir: string): Promise<{ ms: number; findings: number }> {
  const t0 = performance.now();
  const report = await runScan(filesystemSource(dir));
  return { ms: performance.now() - t0, findings: report.findings.length };
}

async function walkSpeed(): Promise<void> {
  const dir = benchTree(200_000);
  // Warm the cache (and the JIT) once.
  await timeFind(dir);
  await timeWalk(dir);
  await timeScan(dir);
  const find: number[] = [];
  const walk: number[] = [];
  const scan: number[] = [];
  let entries = 0;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    find.push(await timeFind(dir));
    const w = await timeWalk(dir);
    walk.push(w.ms);
    entries = w.entries;
    const s = await timeScan(dir);
    scan.push(s.ms);
    findings = s.findings;
  }
  const f = median(find);
  console.log(`\nWalk of 200,000 files (${entries.toLocaleString('en')} entries), warm cache, median of ${runs} runs:`);
  console.log('  what                                   median ms   ratio to find   runs (ms)');
  const line = (what: string, values: number[]) =>
    console.log(
      `  ${what.padEnd(38)} ${median(values).toFixed(0).padStart(9)}   ${(median(values) / f).toFixed(2).padStart(13)}x   ${values.map((v) => v.toFixed(0)).join(' ')}`,
    );
  line("find -printf '%s %T@ %p\\n'", find);
  line('file-system source (walk only)', walk);
  line(`full scan (14 rules, ${findings} findings)`, scan);
  console.log(`  target: walk <= 1.5x find -> ${median(walk) / f <= 1.5 ? 'met' : 'NOT met'}`);
}

function child(
  mode: 'memory' | 'baseline',
  dir: string,
): Promise<{ maxRssMB: number; ms: number; files?: number; folders?: number; findings?: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, HK_BENCH_CHILD: mode, HK_BENCH_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (c) => (out += c));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`child exited ${code}`)),
    );
  });
}

async function peakMemory(): Promise<void> {
  const dir = benchTree(1_000_000);
  const baseline = await child('baseline', dir);
  const results = [];
  for (let i = 0; i < 3; i++) results.push(await child('memory', dir));
  const r = results[results.length - 1]!;
  console.log(
    `\nPeak memory, full scan of a tree of 1,000,000 files (${(r.files! + r.folders!).toLocaleString('en')} entries), child process max RSS:`,
  );
  console.log(
    `  runs (MB): ${results.map((x) => x.maxRssMB.toFixed(0)).join(' ')}; median ${median(results.map((x) => x.maxRssMB)).toFixed(0)} MB`,
  );
  console.log(
    `  (process baseline, runtime and code loaded, no scan: ${baseline.maxRssMB.toFixed(0)} MB; scan time median ${(median(results.map((x) => x.ms)) / 1000).toFixed(1)} s; ${r.findings} findings)`,
  );
  console.log(`  target: < 400 MB -> ${median(results.map((x) => x.maxRssMB)) < 400 ? 'met' : 'NOT met'}`);
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
    .replace(/medewerker\d+@/, 'm***@');
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

// Child mode: one measured scan in a fresh process, so its max RSS is the scan's own.
if (process.env.HK_BENCH_CHILD) {
  const dir = process.env.HK_BENCH_DIR!;
  const t0 = performance.now();
  let result: Record<string, number> = {};
  if (process.env.HK_BENCH_CHILD === 'memory') {
    const report = await runScan(filesystemSource(dir));
    result = { files: report.stats.files, folders: report.stats.folders, findings: report.findings.length };
  }
  process.stdout.write(
    `${JSON.stringify({ ...result, ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}
