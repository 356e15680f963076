import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../src/store/index.js';
import { runQuietly } from './cli.js';

/**
 * A new PGlite data directory runs initdb (seconds); one is made and migrated once per test file, and each test
 * gets a copy of it, which opens in well under a second.
 */
let pgliteTemplate: Promise<string> | undefined;
function templateDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ai-wijzer-template-'));
    await (await openStore({ dataDir: dir })).close();
    return dir;
  })();
  return pgliteTemplate;
}

/**
 * A database of its own that the CLI can open from configuration too: PGlite in a temporary DATA_DIR, or
 * PostgreSQL in a fresh schema (reached by the CLI through search_path in DATABASE_URL).
 */
export async function freshDatabase(kind: 'pglite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-wijzer-db-'));
  if (kind === 'pglite') cpSync(await templateDir(), dataDir, { recursive: true });
  const schema = `test_db_${randomBytes(5).toString('hex')}`;
  const url = process.env.DATABASE_URL ?? '';
  const env: Record<string, string> =
    kind === 'postgres'
      ? {
          DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
          DATA_DIR: dataDir,
        }
      : { DATA_DIR: dataDir, DATABASE_URL: '' };
  const open = (): Promise<Store> =>
    kind === 'postgres' ? openStore({ databaseUrl: url, dataDir, schema }) : openStore({ dataDir });
  let store = await open();
  /** PGlite keeps its files locked while open: close before the CLI opens the same directory. */
  const release = async () => {
    if (kind === 'pglite') await store.close();
  };
  const reopen = async () => {
    if (kind === 'pglite') store = await open();
  };
  return {
    env,
    get store() {
      return store;
    },
    release,
    reopen,
    /** Runs the CLI in-process on this database (PGlite: closed here meanwhile, one process at a time), quietly. */
    async cli(args: string[], extra: Record<string, string> = {}, input = '') {
      await release();
      try {
        return await runQuietly(args, { ...env, ...extra }, input);
      } finally {
        await reopen();
      }
    },
    async dispose() {
      if (kind === 'postgres') await store.query(`drop schema if exists ${schema} cascade`);
      await store.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
