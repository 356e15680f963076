#!/usr/bin/env node
// The installed command runs the compiled CLI (npm run build:server); during development use `npm run -s cli -- <command>`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write(
    'AI-wijzer is nog niet gebouwd: voer eerst npm run build uit. / Not built yet: run npm run build first.\n',
  );
  process.exit(2);
}
await import(compiled.href);
