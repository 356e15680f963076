import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file whether it runs from src/ (tsx, jest) or from dist/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const rootDir = findRoot();
/** Content (Markdown, YAML, SQL) stays in src/ next to the code that reads it; it is not copied on build. */
export const srcDir = join(rootDir, 'src');
export const tabDistDir = join(rootDir, 'dist', 'tab');
export const manifestDir = join(rootDir, 'manifest');
