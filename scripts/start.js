#!/usr/bin/env node
// `npm start [-- <serve flags>]`: builds only the steps whose inputs changed since their last build
// (scripts/build-state.js), then runs `ai-wijzer serve` in this process. Before a build the configuration is checked
// first, so a wrong variable does not wait for it; with a current build `serve` checks it at once.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { forgetBuild, recordBuild, staleTargets } from './build-state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runNpm(script) {
  // Under npm, npm_execpath is npm's own script: the same npm on every platform, without a shell.
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'run', '-s', script]] : ['npm', ['run', '-s', script]];
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: !npm && process.platform === 'win32' });
}

const stale = staleTargets(root);
if (stale.length === 0) {
  process.stderr.write('AI-wijzer: de build is actueel, niet opnieuw gebouwd / the build is current, no rebuild\n');
} else {
  const check = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'check-config.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (check.status !== 0) process.exit(check.status ?? 1);
  const names = stale.map(({ target }) => target.name).join(', ');
  process.stderr.write(`AI-wijzer: bouwen / building: ${names} (bronnen gewijzigd / sources changed)\n`);
  for (const { target, hash } of stale) {
    forgetBuild(root, target.name);
    const build = runNpm(target.script);
    if (build.status !== 0) {
      process.stderr.write(`AI-wijzer: bouwen mislukt / build failed: npm run ${target.script}\n`);
      process.exit(build.status ?? 1);
    }
    recordBuild(root, target.name, hash);
  }
}

// dist/cli/main.js reads its command and flags from process.argv.slice(2): `serve`, then this script's flags.
process.argv.splice(2, 0, 'serve');
await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
