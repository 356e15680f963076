// Whether dist/ is current with its sources, by content: a SHA-256 over the inputs of each build step, kept in
// dist/.build-state.json after that step succeeded. Content rather than mtimes, since a git checkout or a copy
// gives every file a new mtime without changing what a build makes of it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const stateFile = 'dist/.build-state.json';

/** Files that compile: content (Markdown, YAML, SQL) is read from src/ at run time (src/paths.ts), never built. */
const compiled = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/;
const shared = ['package.json', 'package-lock.json'];

/**
 * The build steps in the order `npm run build` runs them, each with what it reads: its configuration files, and
 * which files under src/ (paths relative to the root, with forward slashes). A new input of a build (a loader for
 * another kind of file, an asset outside src/tab) belongs here too.
 */
export const buildTargets = [
  {
    name: 'server',
    script: 'build:server',
    output: 'dist/cli/main.js',
    files: [...shared, 'tsconfig.json', 'tsconfig.build.json'],
    fromSrc: (path) => compiled.test(path) && !path.startsWith('src/tab/'),
  },
  {
    name: 'tab',
    script: 'build:tab',
    output: 'dist/tab/index.html',
    files: [...shared, 'webpack.config.js', 'manifest/color.png'],
    fromSrc: (path) => path.startsWith('src/tab/') || compiled.test(path),
  },
];

function filesUnder(root, dir) {
  const found = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  if (existsSync(join(root, dir))) walk(dir);
  return found;
}

/** The hash of one target's inputs: each path and its bytes, in path order; a missing file counts as missing. */
export function inputHash(root, target) {
  const paths = [...target.files, ...filesUnder(root, 'src').filter(target.fromSrc)].sort();
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = join(root, path);
    hash.update(`${path}\0`);
    hash.update(existsSync(full) ? readFileSync(full) : '\0missing\0');
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readState(root) {
  try {
    const state = JSON.parse(readFileSync(join(root, stateFile), 'utf8'));
    return state && typeof state === 'object' && !Array.isArray(state) ? state : {};
  } catch {
    return {};
  }
}

function writeState(root, state) {
  mkdirSync(dirname(join(root, stateFile)), { recursive: true });
  writeFileSync(join(root, stateFile), `${JSON.stringify(state, null, 2)}\n`);
}

/** The targets to build, in build order, each with the hash to record once it is built. */
export function staleTargets(root, targets = buildTargets) {
  const state = readState(root);
  return targets
    .map((target) => ({ target, hash: inputHash(root, target) }))
    .filter(({ target, hash }) => !existsSync(join(root, target.output)) || state[target.name] !== hash);
}

/** Before a build: a build that breaks off leaves its target stale, whatever it had written. */
export function forgetBuild(root, name) {
  const state = readState(root);
  delete state[name];
  writeState(root, state);
}

/** After a successful build: the hash of the inputs it was started on. */
export function recordBuild(root, name, hash) {
  writeState(root, { ...readState(root), [name]: hash });
}
