import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootDir } from '../../src/paths.js';

/**
 * `npm start` (scripts/start.js) in a project of its own: the real start script, build record and configuration
 * check, with build steps that log that they ran and write a dist/cli/main.js that prints what it was started with.
 */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'aiw-start-'));
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'src', 'tab'), { recursive: true });
  for (const file of [
    'scripts/start.js',
    'scripts/build-state.js',
    'scripts/check-config.ts',
    'src/config.ts',
    'src/config-error.ts',
  ]) {
    copyFileSync(join(rootDir, file), join(root, file));
  }
  symlinkSync(join(rootDir, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'src', 'tab', 'index.tsx'), 'export const tab = 1;\n');
  const build = [
    "import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';",
    'const target = process.argv[2];',
    "appendFileSync('builds.log', target + '\\n');",
    'if (process.env.FAIL_BUILD === target) process.exit(3);',
    "if (target === 'server') {",
    "  mkdirSync('dist/cli', { recursive: true });",
    "  writeFileSync('dist/cli/main.js', 'console.log(JSON.stringify(process.argv.slice(2)));');",
    "} else { mkdirSync('dist/tab', { recursive: true }); writeFileSync('dist/tab/index.html', '<html></html>'); }",
  ].join('\n');
  writeFileSync(join(root, 'fake-build.js'), build);
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'start-test',
      private: true,
      type: 'module',
      scripts: { 'build:server': 'node fake-build.js server', 'build:tab': 'node fake-build.js tab' },
    }),
  );
  return root;
}

function start(root: string, args: string[], env: Record<string, string> = {}) {
  const { PORT: _port, ...inherited } = process.env;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.js', ...args], {
      cwd: root,
      env: { ...inherited, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const builds = (root: string) =>
  existsSync(join(root, 'builds.log')) ? readFileSync(join(root, 'builds.log'), 'utf8').trim().split('\n') : [];

describe('npm start (scripts/start.js)', () => {
  it('reports a wrong configuration before it builds anything', async () => {
    const root = project();
    const result = await start(root, [], { PORT: 'abc' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Ongeldige configuratie / invalid configuration:');
    expect(result.stderr).toContain('PORT: moet een poortnummer zijn');
    expect(builds(root)).toEqual([]);
  });

  it('builds what is stale, then serves with the flags given; builds nothing when the build is current', async () => {
    const root = project();
    const first = await start(root, ['--port', '0']);
    expect(first.code).toBe(0);
    expect(builds(root)).toEqual(['server', 'tab']);
    expect(JSON.parse(first.stdout)).toEqual(['serve', '--port', '0']);

    const second = await start(root, ['--port', '0']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('de build is actueel');
    expect(builds(root)).toEqual(['server', 'tab']);
    expect(JSON.parse(second.stdout)).toEqual(['serve', '--port', '0']);

    writeFileSync(join(root, 'src', 'tab', 'index.tsx'), 'export const tab = 2;\n');
    const third = await start(root, []);
    expect(third.code).toBe(0);
    expect(builds(root)).toEqual(['server', 'tab', 'tab']);
  });

  it('stops on a failed build without serving, and builds that step again the next time', async () => {
    const root = project();
    const failed = await start(root, [], { FAIL_BUILD: 'tab' });
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('bouwen mislukt / build failed: npm run build:tab');
    expect(failed.stdout).toBe('');
    const next = await start(root, []);
    expect(next.code).toBe(0);
    expect(builds(root)).toEqual(['server', 'tab', 'tab']);
  });
});
