import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/run.js';
import { rootDir } from '../../src/paths.js';

const isRoot = process.getuid?.() === 0;
/** Whether user nobody can reach the repository (every folder above it searchable by others), to run the CLI from it. */
function othersCanReach(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}
// chmod 000 stops no one running as root: then the CLI runs as user nobody, which needs a checkout others can reach;
// in a private folder (mktemp -d) these cases are skipped, visibly.
const itUnreadable = isRoot && !othersCanReach(rootDir) ? it.skip : it;

/** The CLI as a real process with pipes for stdin, stdout and stderr; as user nobody when this runs as root. */
function spawnCli(args: string[], options: { asNobody?: boolean } = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(join(rootDir, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', ...args], {
      cwd: rootDir,
      env: { ...process.env, LOG_LEVEL: 'silent', HOME: tmpdir(), TSX_DISABLE_CACHE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.asNobody && isRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const code = await runCli(args, { stdout: out, stderr: err, stdin: new PassThrough(), env });
  return { code, stdout, stderr };
}

describe('ai-wijzer scan', () => {
  let base: string;
  let share: string;
  let dataDir: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'hk-cli-'));
    share = join(base, 'afdeling');
    dataDir = join(base, 'data');
    mkdirSync(join(share, 'Beleid'), { recursive: true });
    mkdirSync(join(share, 'Nieuwe map'));
    writeFileSync(join(share, 'Beleid', 'Nota v2.docx'), 'inhoud');
    writeFileSync(join(share, 'Beleid', 'Nota.docx'), 'inhoud');
    writeFileSync(join(share, 'los.txt'), 'los');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('prints exactly one JSON object with --json, stores the scan and shows the trend the second time', async () => {
    const first = await cli(['scan', '--path', share, '--json'], { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(Object.keys(report).slice(0, 9)).toEqual([
      'source',
      'root',
      'complete',
      'startedAt',
      'finishedAt',
      'stats',
      'score',
      'label',
      'findings',
    ]);
    expect(report).toMatchObject({
      source: 'filesystem',
      root: share,
      complete: true,
      stats: { files: 3, folders: 2, bytes: 15, graphRequests: 0 },
    });
    expect(report.findings.map((f: { rule: string; path: string }) => `${f.rule}:${f.path}`).sort()).toEqual(
      [
        'duplicate-file:Beleid/Nota v2.docx',
        'empty-folder:Nieuwe map',
        'generic-name:Nieuwe map',
        'version-in-name:Beleid/Nota v2.docx',
      ].sort(),
    );
    expect(report.trend).toBeUndefined();

    rmSync(join(share, 'Nieuwe map'), { recursive: true });
    const second = await cli(['scan', '--path', share], { DATA_DIR: dataDir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Sinds de vorige scan');
    expect(second.stdout).toMatch(/Lege map\s+1 → 0 \(-1\)/);
    expect(second.stdout).toMatch(/Label: [A-G]/);
  });

  it('shows a progress bar in files and folders on stderr when it is a terminal', async () => {
    const plain = await cli(['scan', '--path', share, '--no-store']);
    expect(plain.stderr).not.toContain('Scannen |');
    const tty = () =>
      Object.assign(new PassThrough(), {
        isTTY: true,
        columns: 120,
        cursorTo: () => true,
        clearLine: () => true,
        moveCursor: () => true,
      });
    const out = tty();
    const err = tty();
    let stderr = '';
    err.on('data', (c) => (stderr += c));
    const code = await runCli(['scan', '--path', share, '--no-store'], {
      stdout: out,
      stderr: err,
      stdin: new PassThrough(),
      env: {},
    });
    expect(code).toBe(0);
    // The first test removed "Nieuwe map": 3 files in 1 folder are left.
    expect(stderr).toMatch(/Scannen \| 3 bestanden, 1 map gelezen/);
    expect(stderr).not.toContain('verzoeken'); // a folder scan makes no Graph requests
  });

  it('prints plain progress lines to stderr when it is no terminal, and keeps stdout the report alone', async () => {
    const piped = await spawnCli(['scan', '--path', share, '--json', '--no-store']);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ complete: true, stats: { files: 3, folders: 1 } });
    expect(piped.stdout.trim().split('\n')).toHaveLength(1);
    const lines = piped.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(/^Scannen: \d+ (bestand|bestanden), \d+ (map|mappen) gelezen$/);
    expect(lines.at(-1)).toBe('Scannen: 3 bestanden, 1 map gelezen');
    // No redrawing, no escape codes.
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).not.toContain('\u001b');
  }, 60_000);

  it('writes CSV and Excel files and answers in English when asked', async () => {
    const csv = join(base, 'r.csv');
    const xlsx = join(base, 'r.xlsx');
    const run = await cli(['scan', '--path', share, '--csv', csv, '--xlsx', xlsx, '--lang', 'en', '--no-store']);
    expect(run.code).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFrule;finding')).toBe(true);
    expect(existsSync(xlsx)).toBe(true);
    expect(run.stdout).toContain('Data-readiness scan of');
    expect(run.stdout).toContain('Remove version markers');
  });

  it('applies thresholds from a YAML or JSON --config and refuses a wrong one with exit 2 naming the field', async () => {
    const yaml = join(base, 'grenzen.yaml');
    writeFileSync(yaml, 'maxRootFiles: 0\ndisabledRules: [duplicate-file]\n');
    const withConfig = await cli(['scan', '--path', share, '--config', yaml, '--json', '--no-store']);
    const rules = JSON.parse(withConfig.stdout).findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('root-clutter');
    expect(rules).not.toContain('duplicate-file');

    const json = join(base, 'fout.json');
    writeFileSync(json, JSON.stringify({ maxDepth: 'diep' }));
    const bad = await cli(['scan', '--path', share, '--config', json, '--no-store']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('maxDepth');
    writeFileSync(json, JSON.stringify({ maxDeph: 3 }));
    const typo = await cli(['scan', '--path', share, '--config', json, '--no-store']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('maxDeph');
    writeFileSync(yaml, 'maxDepth: [\n');
    const broken = await cli(['scan', '--path', share, '--config', yaml, '--no-store']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/regel \d/);
  });

  it('refuses wrong usage with exit 2 and a Dutch message', async () => {
    expect((await cli(['scan'])).code).toBe(2);
    expect((await cli(['scan', '--path', join(base, 'bestaat-niet')])).stderr).toContain('is geen bestaande map');
    expect((await cli(['scan', '--graph'])).stderr).toContain('precies één van --drive, --site of --team');
    expect((await cli(['scan', '--path', share, '--drive', 'x'])).code).toBe(2);
    expect((await cli(['scan', '--path', share, '--lang', 'de'])).code).toBe(2);
    expect((await cli(['scan', '--path', share, '--upload', 'https://ai-wijzer.example'])).stderr).toContain(
      'SCAN_UPLOAD_TOKEN',
    );
  });

  it('checks the --csv and --xlsx paths before it walks a file, with exit code 2 and nothing written', async () => {
    const big = join(base, 'groot');
    for (let d = 0; d < 40; d++) {
      mkdirSync(join(big, `Map ${d}`), { recursive: true });
      for (let f = 0; f < 250; f++) writeFileSync(join(big, `Map ${d}`, `Bestand ${f}.txt`), `${d}-${f}`);
    }
    const data = join(base, 'data-snel');
    const cases: [string[], RegExp][] = [
      [
        ['--csv', join(base, 'bestaat-niet', 'r.csv')],
        /^--csv: de map .*bestaat-niet bestaat niet; maak hem eerst aan/,
      ],
      [['--xlsx', share], /^--xlsx: .*afdeling is een map; geef een bestandsnaam/],
      [['--csv', join(share, 'los.txt', 'r.csv')], /^--csv: .*los\.txt is geen map\./],
      [
        ['--csv', join(base, 'r.dubbel'), '--xlsx', join(base, 'r.dubbel')],
        /--csv en --xlsx wijzen naar hetzelfde bestand/,
      ],
    ];
    const before = readdirSync(base).sort();
    for (const [flags, message] of cases) {
      const run = await cli(['scan', '--path', big, ...flags], { DATA_DIR: data });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toContain('Scannen'); // the walk never started: no progress line
      expect(run.stdout).toBe('');
    }
    expect(readdirSync(base).sort()).toEqual(before); // no report and no database written
    expect(existsSync(data)).toBe(false);
    rmSync(big, { recursive: true, force: true });
  });

  itUnreadable(
    'refuses an output folder it may not write to before the scan (as root: the CLI runs as nobody)',
    async () => {
      const locked = join(base, 'alleen-lezen');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      chmodSync(base, 0o755);
      try {
        const run = isRoot
          ? await spawnCli(['scan', '--path', share, '--csv', join(locked, 'r.csv'), '--no-store'], { asNobody: true })
          : await cli(['scan', '--path', share, '--csv', join(locked, 'r.csv'), '--no-store']);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/--csv: geen schrijfrechten in de map .*alleen-lezen/);
        expect(run.stderr).not.toContain('Scannen');
        expect(readdirSync(locked)).toEqual([]);
      } finally {
        chmodSync(locked, 0o755);
        chmodSync(base, 0o700);
      }
    },
    60_000,
  );

  itUnreadable(
    'ends a share whose root it may not read as not read: no score or label in any output, exit code 1',
    async () => {
      const closed = join(base, 'dicht');
      const out = join(base, 'uit');
      mkdirSync(join(closed, 'Binnen'), { recursive: true });
      writeFileSync(join(closed, 'Binnen', 'nota.docx'), 'x');
      mkdirSync(out);
      chmodSync(out, 0o777);
      chmodSync(base, 0o755);
      chmodSync(closed, 0o000);
      try {
        const asked = [
          'scan',
          '--path',
          closed,
          '--no-store',
          '--csv',
          join(out, 'r.csv'),
          '--xlsx',
          join(out, 'r.xlsx'),
        ];
        const run = (args: string[]) => (isRoot ? spawnCli(args, { asNobody: true }) : cli(args));
        const json = await run([...asked, '--json']);
        expect(json.code).toBe(1);
        const report = JSON.parse(json.stdout);
        expect(report).toMatchObject({
          complete: false,
          read: false,
          incompleteReason: 'De map kon niet worden gelezen: geen toegang.',
          stats: { files: 0, folders: 0 },
        });
        for (const key of ['score', 'label', 'findings']) expect(report).not.toHaveProperty(key);
        expect(json.stderr).toContain('Het rapport is niet opgeslagen en niet geüpload: er is niets gelezen.');

        const csv = readFileSync(join(out, 'r.csv'), 'utf8');
        expect(csv).toContain('niet-gelezen;Niet gelezen;;;(hoofdmap);geen toegang;');
        expect(csv.trim().split('\r\n')).toHaveLength(2);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(out, 'r.xlsx'));
        const cells: string[] = [];
        wb.getWorksheet('Samenvatting')!.eachRow((row) => cells.push(String(row.getCell(1).value)));
        expect(cells).toContain('Waarom niet volledig');
        expect(cells).not.toContain('Score (0-100)');
        expect(cells).not.toContain('Label');

        const text = await run(asked);
        expect(text.code).toBe(1);
        expect(text.stdout).toContain('NIET GELEZEN: De map kon niet worden gelezen: geen toegang.');
        expect(text.stdout).toContain('Geen score en geen label');
        expect(text.stdout).not.toMatch(/Score:|Label:|100/);
      } finally {
        chmodSync(closed, 0o755);
        chmodSync(base, 0o700);
      }
    },
    120_000,
  );

  itUnreadable(
    'says which parts of a readable share it could not read, and gives no clean label',
    async () => {
      const partly = join(base, 'deels');
      mkdirSync(join(partly, 'Open'), { recursive: true });
      mkdirSync(join(partly, 'Dicht 0612345678', 'Binnen'), { recursive: true });
      writeFileSync(join(partly, 'Open', 'nota.docx'), 'x');
      chmodSync(base, 0o755);
      chmodSync(join(partly, 'Dicht 0612345678'), 0o000);
      try {
        const args = ['scan', '--path', partly, '--no-store'];
        const run = isRoot ? await spawnCli(args, { asNobody: true }) : await cli(args);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain(
          'LET OP: niet volledig gelezen. 1 onderdeel kon niet worden gelezen. Dicht 06-******78: geen toegang.',
        );
        expect(run.stdout).toMatch(/Label: [A-G] {2}\(onvolledig: score en label gelden alleen voor wat gelezen is\)/);
        expect(run.stdout).toContain('Niet gelezen (1):\n  - Dicht 06-******78: geen toegang');
        expect(run.stdout + run.stderr).not.toContain('0612345678');
        expect(run.stderr).toContain('Let op: de scan is niet volledig.');
      } finally {
        chmodSync(join(partly, 'Dicht 0612345678'), 0o755);
        chmodSync(base, 0o700);
      }
    },
    60_000,
  );

  it('runs as a real process: npx tsx src/cli/main.ts scan --path <dir> --json', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'src/cli/main.ts', 'scan', '--path', share, '--json', '--no-store'],
      { cwd: rootDir, env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ source: 'filesystem', complete: true, stats: { files: 3 } });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
