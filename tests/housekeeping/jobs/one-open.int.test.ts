import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ScanJobView } from '../../../src/api/scan-jobs.js';
import { migrate, openStore, type Store } from '../../../src/store/index.js';
import { scanJobQueue } from '../../../src/store/repositories/scan-jobs.js';
import { startTestServer } from '../../helpers/server.js';
import { openTestStore, storeKinds } from '../../helpers/store.js';

jest.setTimeout(60_000);

const openRows = (store: Store, owner: string, target: string) =>
  store.query<{ id: string }>(
    `select id from scan_jobs where owner = $1 and target_id = $2 and status in ('queued', 'running')`,
    [owner, target],
  );

describe.each(storeKinds)('one open scan job per owner and target on %s', (kind) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  const extra: Store[] = [];

  /** Another instance on the same database: a pool of its own (PGlite lives in one process: shared). */
  async function instance(): Promise<Store> {
    if (kind === 'pglite') return store;
    const schema = (await store.query<{ s: string }>('select current_schema() as s'))[0]!.s;
    const other = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: 'unused', schema });
    extra.push(other);
    return other;
  }

  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(async () => {
    for (const s of extra.splice(0)) await s.close();
    await store.dispose();
  });

  it('gives 20 starts at the same moment, from several instances, one job', async () => {
    const queues = [scanJobQueue(store), scanJobQueue(await instance()), scanJobQueue(await instance())];
    const jobs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queues[i % queues.length]!.create({ owner: 'u', target: { kind: 'drive', id: 'd1' }, lang: 'nl' }),
      ),
    );
    expect(new Set(jobs.map((j) => j.id)).size).toBe(1);
    expect(await openRows(store, 'u', 'd1')).toEqual([{ id: jobs[0]!.id }]);
    expect(await store.query('select id from scan_jobs')).toHaveLength(1);
  });

  it('still gives each owner a job of their own for the same target, and a new job once the open one ended', async () => {
    const queue = scanJobQueue(store);
    const [a, b] = await Promise.all([
      queue.create({ owner: 'a', target: { kind: 'site', id: 's' }, lang: 'nl' }),
      queue.create({ owner: 'b', target: { kind: 'site', id: 's' }, lang: 'nl' }),
    ]);
    expect(a.id).not.toBe(b.id);
    const claimed = await queue.claim('w', 60_000, 3);
    await queue.fail(claimed!.id, 'w', 'scan_failed');
    const again = await queue.create({ owner: claimed!.owner, target: { kind: 'site', id: 's' }, lang: 'nl' });
    expect(again.id).not.toBe(claimed!.id);
    expect(again.status).toBe('queued');
  });

  it('the migration closes open jobs that are already doubled: the oldest stays open, the others fail with a reason', async () => {
    // The database as it was before 009: no index, and doubled open jobs that the old check-then-insert let in.
    await store.exec('drop index scan_jobs_one_open');
    await store.query('delete from schema_migrations where version = 9');
    const insert = (id: string, owner: string, target: string, status: string, at: string) =>
      store.query(
        `insert into scan_jobs (id, owner, target_kind, target_id, status, credential, created_at) values ($1, $2, 'drive', $3, $4, 'sealed', $5)`,
        [id, owner, target, status, at],
      );
    const ids = Array.from({ length: 6 }, () => randomUUID());
    await insert(ids[0]!, 'u', 'd', 'running', '2026-01-01T10:00:00Z');
    await insert(ids[1]!, 'u', 'd', 'queued', '2026-01-01T10:00:01Z');
    await insert(ids[2]!, 'u', 'd', 'queued', '2026-01-01T10:00:02Z');
    await insert(ids[3]!, 'u', 'd', 'done', '2026-01-01T09:00:00Z'); // a closed one is not open: untouched
    await insert(ids[4]!, 'v', 'd', 'queued', '2026-01-01T10:00:03Z'); // another owner
    await insert(ids[5]!, 'u', 'e', 'queued', '2026-01-01T10:00:04Z'); // another target
    expect(await migrate(store)).toEqual([9]);
    const rows = await store.query<{
      id: string;
      status: string;
      error_code: string | null;
      credential: string | null;
    }>('select id, status, error_code, credential from scan_jobs order by created_at');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0]!)).toMatchObject({ status: 'running', error_code: null });
    for (const id of [ids[1]!, ids[2]!])
      expect(byId.get(id)).toMatchObject({ status: 'failed', error_code: 'duplicate_open_job', credential: null });
    expect(byId.get(ids[3]!)).toMatchObject({ status: 'done' });
    expect(byId.get(ids[4]!)).toMatchObject({ status: 'queued' });
    expect(byId.get(ids[5]!)).toMatchObject({ status: 'queued' });
    // From now on the database itself refuses a second open job.
    await expect(insert(randomUUID(), 'u', 'd', 'queued', '2026-01-02T00:00:00Z')).rejects.toMatchObject({
      code: '23505',
    });
  });
});

describe('one open scan job over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const concurrency = process.env.SCAN_WORKER_CONCURRENCY;

  beforeAll(async () => {
    // No worker: the job stays queued, so every start below meets the open one.
    process.env.SCAN_WORKER_CONCURRENCY = '0';
    server = await startTestServer({ GRAPH_ACCESS_TOKEN: 'test-token' });
  });
  afterAll(async () => {
    await server.dispose();
    if (concurrency === undefined) delete process.env.SCAN_WORKER_CONCURRENCY;
    else process.env.SCAN_WORKER_CONCURRENCY = concurrency;
  });

  it('answers 20 simultaneous POST /api/scans for one target with the same job', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${server.url}/api/scans`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dev-user': 'teamleider' },
          body: JSON.stringify({ target: { drive: 'd-http' } }),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
    const views = (await Promise.all(responses.map((r) => r.json()))) as ScanJobView[];
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(await server.store.query(`select id from scan_jobs where target_id = 'd-http'`)).toHaveLength(1);
  });
});
