import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/run.js';
import { rootDir } from '../../src/paths.js';

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

  it('shows a progress bar on stderr only when both outputs are terminals', async () => {
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
    // A folder scan speaks of files and folders (a Graph scan adds its requests and waiting).
    expect(stderr).toMatch(/Scannen \| \d+ bestanden, \d+ mappen? gelezen/);
    expect(stderr).not.toMatch(/verzoeken/);
  });

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
