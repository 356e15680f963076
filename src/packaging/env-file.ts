import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { PackagingError } from './errors.js';

const envName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'gebruik kleine letters, cijfers en -, bijvoorbeeld dev of prod');

/** Reads env/.env.<name> and, over it, env/.env.<name>.user (secrets, not in git), as the Agents Toolkit does. */
export function readEnvFiles(envDir: string, name: string): Record<string, string> {
  const valid = envName.safeParse(name);
  if (!valid.success) throw new PackagingError([`--env '${name}': ${valid.error.issues[0]?.message}`]);
  const main = join(envDir, `.env.${name}`);
  if (!existsSync(main)) {
    throw new PackagingError([`Het bestand ${main} bestaat niet. Maak het aan naar het voorbeeld env/.env.dev.`]);
  }
  const values: Record<string, string> = {};
  for (const file of [main, `${main}.user`]) {
    if (!existsSync(file)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
      if (value !== undefined) values[key] = value;
    }
  }
  return values;
}
