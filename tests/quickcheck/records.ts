import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { CheckCase } from '../../src/api/checks.js';
import type { CliIO } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';
import { loadQuickcheckContent, runCheck } from '../../src/quickcheck/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { quickcheckRecordStore } from '../../src/store/repositories/quickcheck.js';
import { baseCase } from './cases.js';

export const content = loadQuickcheckContent();

/**
 * A new PGlite data directory runs initdb (seconds); one is made and migrated once per test file, and each test
 * gets a copy of it, which opens in well under a second.
 */
let pgliteTemplate: Promise<string> | undefined;
function templateDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quickcheck-template-'));
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
  const dataDir = mkdtempSync(join(tmpdir(), 'quickcheck-db-'));
  if (kind === 'pglite') cpSync(await templateDir(), dataDir, { recursive: true });
  const schema = `test_qc_${randomBytes(5).toString('hex')}`;
  const url = process.env.DATABASE_URL ?? '';
  const env: Record<string, string> =
    kind === 'postgres' ? { DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`, DATA_DIR: dataDir } : { DATA_DIR: dataDir, DATABASE_URL: '' };
  const open = (): Promise<Store> => (kind === 'postgres' ? openStore({ databaseUrl: url, dataDir, schema }) : openStore({ dataDir }));
  let store = await open();
  return {
    env,
    get store() {
      return store;
    },
    /** PGlite keeps its files locked while open: close before the CLI opens the same directory. */
    async release() {
      if (kind === 'pglite') await store.close();
    },
    async reopen() {
      if (kind === 'pglite') store = await open();
    },
    async dispose() {
      if (kind === 'postgres') await store.query(`drop schema if exists ${schema} cascade`);
      await store.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function recordChecks(store: Store, who: string, cases: Partial<CheckCase>[]) {
  const records = quickcheckRecordStore(store);
  const out = [];
  for (const c of cases) out.push(await runCheck({ ruleSet: content, register: content.register, records, who, case: { ...baseCase, ...c } }));
  return out;
}

export async function cli(args: string[], env: Record<string, string>, input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  const io: CliIO = { stdout, stderr, stdin, env: { ...process.env, LOG_LEVEL: 'silent', ...env } };
  const code = await runCli(args, io);
  return { code, stdout: out, stderr: err };
}
