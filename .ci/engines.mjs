#!/usr/bin/env node
// CI's engines step: every package in package-lock.json (every platform's, installed here or not) must accept the
// lowest release of each Node line that package.json's engines names, and the Node running this. npm itself warns
// (EBADENGINE) only for the Node it runs on; this catches a dependency that drops Node 20 or 22 before anyone
// installs on it. Exit 0 all accepted, 1 a package refuses one (each is listed).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

const supported = manifest.engines?.node;
if (!supported || !semver.validRange(supported)) {
  process.stderr.write(`engines: package.json names no valid engines.node (${supported})\n`);
  process.exit(1);
}
// The lowest version of each alternative: "^20.19.0 || ^22.13.0 || >=24" gives 20.19.0, 22.13.0 and 24.0.0.
const lowest = new semver.Range(supported).set.map(
  (comparators) => semver.minVersion(comparators.map((c) => c.value).join(' ')).version,
);
const versions = [...new Set([...lowest, semver.clean(process.version)])];

const refusals = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  const range = entry.engines?.node;
  if (!path || typeof range !== 'string') continue;
  const refused = versions.filter((v) => !semver.satisfies(v, range));
  if (refused.length > 0) {
    refusals.push(
      `${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}: not ${refused.join(', ')}`,
    );
  }
}
if (refusals.length > 0) {
  process.stderr.write(
    `engines: ${refusals.length} packages refuse a supported Node (${supported}):\n${refusals.map((r) => `  - ${r}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`engines: every locked package accepts Node ${versions.join(', ')} (${supported})\n`);
