/**
 * `npm run bench [-- <name>]`: runs every bench/<name>.bench.ts in turn (or only those whose name contains
 * the argument). Each module's default export runs its measurements and prints them; figures are medians
 * or ratios of several runs, because this machine is shared and noisy.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`Geen benchmarks gevonden${filter ? ` voor '${filter}'` : ''}.`);
  process.exit(2);
}
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> };
  await mod.default();
}
