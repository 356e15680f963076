import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { forgetBuild, recordBuild, stateFile, staleTargets } from '../../scripts/build-state.js';

/** A small project as the builds see it: configuration, sources, content, and what the two builds wrote. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'aiw-build-state-'));
  const files: Record<string, string> = {
    'package.json': '{"name":"x"}',
    'package-lock.json': '{"lockfileVersion":3}',
    'tsconfig.json': '{}',
    'tsconfig.build.json': '{}',
    'webpack.config.js': 'export default {};',
    'manifest/color.png': 'png',
    'src/config.ts': 'export const a = 1;',
    'src/vision/engine.ts': 'export const b = 2;',
    'src/vision/content/visie.md': '# Visie',
    'src/quickcheck/rules.yaml': 'rules: []',
    'src/tab/index.tsx': 'export const c = 3;',
    'src/tab/index.html': '<html></html>',
    'dist/cli/main.js': '',
    'dist/tab/index.html': '',
  };
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const stale = (root: string) => staleTargets(root).map(({ target }) => target.name);

/** What `npm start` does after building: record each target's hash. */
function recordAll(root: string): void {
  for (const { target, hash } of staleTargets(root)) recordBuild(root, target.name, hash);
}

describe('whether dist/ is current with its sources (npm start)', () => {
  it('builds everything the first time: no record of an earlier build', () => {
    expect(stale(project())).toEqual(['server', 'tab']);
  });

  it('builds nothing when nothing changed since the recorded builds, whatever the mtimes say', () => {
    const root = project();
    recordAll(root);
    expect(stale(root)).toEqual([]);
    // A checkout writes every file anew: same bytes, new mtime.
    const later = new Date(Date.now() + 3600_000);
    utimesSync(join(root, 'src/vision/engine.ts'), later, later);
    write(root, 'src/tab/index.tsx', 'export const c = 3;');
    expect(stale(root)).toEqual([]);
  });

  it('rebuilds the server and the tab for a changed shared source, only the tab for a changed tab file', () => {
    const root = project();
    recordAll(root);
    write(root, 'src/vision/engine.ts', 'export const b = 20;');
    expect(stale(root)).toEqual(['server', 'tab']);
    recordAll(root);
    write(root, 'src/tab/index.html', '<html lang="nl"></html>');
    expect(stale(root)).toEqual(['tab']);
  });

  it('rebuilds for a new or deleted source file and for changed build configuration', () => {
    const root = project();
    recordAll(root);
    write(root, 'src/vision/new.ts', 'export {};');
    expect(stale(root)).toEqual(['server', 'tab']);
    recordAll(root);
    rmSync(join(root, 'src/vision/new.ts'));
    expect(stale(root)).toEqual(['server', 'tab']);
    recordAll(root);
    write(root, 'tsconfig.build.json', '{"compilerOptions":{}}');
    expect(stale(root)).toEqual(['server']);
    recordAll(root);
    write(root, 'webpack.config.js', 'export default { mode: "production" };');
    expect(stale(root)).toEqual(['tab']);
    recordAll(root);
    write(root, 'package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(stale(root)).toEqual(['server', 'tab']);
  });

  it('does not rebuild for content, which the app reads from src/ at run time', () => {
    const root = project();
    recordAll(root);
    write(root, 'src/vision/content/visie.md', '# Visie\n\nNieuwe alinea.');
    write(root, 'src/quickcheck/rules.yaml', 'rules: [a]');
    expect(stale(root)).toEqual([]);
  });

  it('rebuilds a target whose output is gone, and one whose build broke off', () => {
    const root = project();
    recordAll(root);
    rmSync(join(root, 'dist/tab/index.html'));
    expect(stale(root)).toEqual(['tab']);
    write(root, 'dist/tab/index.html', '');
    forgetBuild(root, 'server');
    expect(stale(root)).toEqual(['server']);
    expect(JSON.parse(readFileSync(join(root, stateFile), 'utf8'))).not.toHaveProperty('server');
  });

  it('treats an unreadable record as no record', () => {
    const root = project();
    recordAll(root);
    writeFileSync(join(root, stateFile), 'niet json');
    expect(stale(root)).toEqual(['server', 'tab']);
    expect(existsSync(join(root, stateFile))).toBe(true);
  });
});
