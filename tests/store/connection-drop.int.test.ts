import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { recordedCheckSchema } from '../../src/api/checks.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { rootDir } from '../../src/paths.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { baseCase } from '../quickcheck/cases.js';

jest.setTimeout(60_000);

// No scan worker: its claims would be transactions of their own through the proxy.
process.env.SCAN_WORKER_CONCURRENCY = '0';

const url = process.env.DATABASE_URL ?? '';
/** Connections drop on PostgreSQL only; PGlite runs in the process. */
const onPostgres = url ? describe : describe.skip;

onPostgres('the PostgreSQL connection drops', () => {
  it('a process whose connections the server ends (idle in the pool, or inside a transaction) keeps running, and the transaction is rolled back', async () => {
    const schema = `test_drop_${randomBytes(5).toString('hex')}`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(rootDir, 'tests', 'store', 'fixtures', 'connection-drop-child.ts')],
      { cwd: rootDir, env: { ...process.env, DROP_URL: url, DROP_SCHEMA: schema, LOG_LEVEL: 'warn' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();

    expect({ code, stderr: stderr.slice(0, 2000) }).toEqual({ code: 0, stderr: '' });
    const result = JSON.parse(
      stdout
        .split('\n')
        .find((l) => l.startsWith('RESULT '))!
        .slice(7),
    ) as Record<string, unknown>;
    expect(result.idleTerminated).toBeGreaterThanOrEqual(1);
    expect(result.afterIdle).toBe(1);
    expect(result.transactionError).toMatch(/connection/i);
    // The first insert went with the transaction; only the later one is there.
    expect(result.afterTransaction).toBe(0);
    expect(result.rows).toEqual([3]);
    // Each lost connection was logged as a warning, with nothing but the error's kind and code.
    const warnings = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } });
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    for (const w of warnings) expect(w).toMatchObject({ level: 40, msg: 'database connection lost' });
    expect(stdout).not.toContain(schema);
  });

  describe('during a check', () => {
    let proxy: TcpProxy;
    let server: RunningServer;
    let direct: pg.Client;
    const schema = `test_${randomBytes(6).toString('hex')}`;

    beforeAll(async () => {
      proxy = new TcpProxy({ host: new URL(url).hostname, port: Number(new URL(url).port || 5432) });
      await proxy.start();
      const config = loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        DATA_DIR: 'memory://',
        DATABASE_URL: proxy.urlFor(url),
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_USER: '100000',
        RATE_LIMIT_PER_IP: '100000',
      });
      server = await startServer(config, { host: '127.0.0.1', schema, logger: createLogger('silent') });
      direct = new pg.Client({ connectionString: url });
      await direct.connect();
      await direct.query(`set search_path = ${schema}`);
    });

    afterAll(async () => {
      proxy.refuse = false;
      await direct.query(`drop schema if exists ${schema} cascade`);
      await direct.end();
      await server.stop(500);
      await proxy.stop();
    });

    const post = (lang?: string, key?: string) =>
      fetch(`${server.url}/api/checks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-dev-user': 'anna',
          ...(lang ? { 'accept-language': lang } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(baseCase),
      });
    /** What the database holds, asked past the proxy. */
    const records = async () =>
      (await direct.query<{ seq: number; hash: string }>('select seq, hash from quickcheck_records order by seq')).rows;
    const verify = async () =>
      (await (await fetch(`${server.url}/api/checks?limit=50`, { headers: { 'x-dev-user': 'anna' } })).json()) as {
        checks: { seq: number }[];
      };

    it('records a check once when the answer to its COMMIT is lost, and says it is recorded', async () => {
      expect((await post()).status).toBe(201); // a warm pool, and the register read
      const before = await records();
      const cut = proxy.cutOnQuery('commit', 'after-answer');
      const res = await post();
      await cut;
      expect(res.status).toBe(201);
      const made = recordedCheckSchema.parse(await res.json());
      const after = await records();
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)).toEqual({ seq: made.record.seq, hash: made.record.hash });
      expect((await verify()).checks.filter((c) => c.seq === made.record.seq)).toHaveLength(1);
    });

    it('records nothing when the connection drops before COMMIT reaches the server, says so in Dutch, and a retry records it once', async () => {
      const before = await records();
      const cut = proxy.cutOnQuery('commit', 'before');
      const res = await post();
      await cut;
      expect(res.status).toBe(503);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('store_unavailable');
      expect(error.message).toContain('Er is niets vastgelegd');
      expect(await records()).toEqual(before);
      const retry = await post();
      expect(retry.status).toBe(201);
      expect(await records()).toHaveLength(before.length + 1);
    });

    it('says it cannot tell (not "nothing recorded") when the database stays away after a lost COMMIT answer; a retry with the same key records nothing more', async () => {
      const before = await records();
      const key = randomBytes(16).toString('hex');
      const cut = proxy.cutOnQuery('commit', 'after-answer');
      const answer = post(undefined, key);
      await cut;
      proxy.refuse = true;
      const res = await answer;
      proxy.refuse = false;
      expect(res.status).toBe(503);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('check_outcome_unknown');
      expect(error.message).toContain('weet niet zeker of hij is vastgelegd');
      // It was recorded after all, once; My checks shows it.
      const after = await records();
      expect(after).toHaveLength(before.length + 1);
      expect((await verify()).checks.map((c) => c.seq)).toContain(after.at(-1)!.seq);
      // The retry of that submission (the tab sends the same Idempotency-Key) gets that record, and adds none.
      const retry = await post(undefined, key);
      expect(retry.status).toBe(201);
      expect(recordedCheckSchema.parse(await retry.json()).record).toMatchObject(after.at(-1)!);
      expect(await records()).toEqual(after);

      const en = proxy.cutOnQuery('commit', 'after-answer');
      const english = post('en');
      await en;
      proxy.refuse = true;
      const enRes = await english;
      proxy.refuse = false;
      expect(((await enRes.json()) as { error: { message: string } }).error.message).toContain(
        'cannot tell whether it was recorded',
      );
    });
  });
});
