import { jest } from '@jest/globals';
import type { Entry, Source } from '../../../src/housekeeping/source.js';
import type { ScanJob } from '../../../src/housekeeping/jobs/types.js';
import { startScanWorker, type ScanWorker } from '../../../src/housekeeping/jobs/worker.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { graphDriveStateStore, scanJobQueue } from '../../../src/store/repositories/scan-jobs.js';
import { openTestStore, storeKinds } from '../../helpers/store.js';

jest.setTimeout(60_000);

/** A small source that takes its time, and records which worker ran which job. */
function slowSource(runs: Map<string, string[]>, job: ScanJob, worker: string, batches = 4, delayMs = 40): Source {
  runs.set(job.id, [...(runs.get(job.id) ?? []), worker]);
  const stats = { requests: 0, throttledSeconds: 0, items: 0 };
  return {
    kind: 'graph',
    root: `drive ${job.target.id}`,
    target: 'sharepoint',
    stats,
    gaps: [],
    async *entries(signal?: AbortSignal): AsyncIterable<Entry[]> {
      yield [{ path: '', kind: 'folder', size: 0, modified: Date.UTC(2026, 0, 1) }];
      for (let i = 0; i < batches; i++) {
        await new Promise((r) => setTimeout(r, delayMs));
        signal?.throwIfAborted();
        stats.requests++;
        stats.items++;
        yield [
          { path: `map ${i}/bestand.txt`, kind: 'file', size: 10, modified: Date.UTC(2026, 0, 1) },
          { path: `map ${i}`, kind: 'folder', size: 0, modified: Date.UTC(2026, 0, 1) },
        ];
      }
    },
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(storeKinds)('scan job queue and workers on %s', (kind) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  const extra: Store[] = [];
  const workers: ScanWorker[] = [];

  /** Another app instance: its own connection pool on the same database (PGlite lives in one process: shared). */
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
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    for (const s of extra.splice(0)) await s.close();
    await store.dispose();
  });

  it('never lets two workers run the same job, with several instances claiming side by side', async () => {
    const queue = scanJobQueue(store);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push((await queue.create({ owner: 'u', target: { kind: 'drive', id: `d${i}` }, lang: 'nl' })).id);
    const runs = new Map<string, string[]>();
    for (let w = 0; w < 3; w++) {
      const q = scanJobQueue(await instance());
      const worker: ScanWorker = startScanWorker({
        queue: q,
        workerId: `w${w}`,
        concurrency: 2,
        pollMs: 10,
        heartbeatMs: 50,
        staleMs: 5_000,
        sourceFor: async (job) => slowSource(runs, job, `w${w}`),
      });
      workers.push(worker);
    }
    await waitFor(async () => (await store.query(`select id from scan_jobs where status = 'done'`)).length === 8);
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(runs.get(id)).toHaveLength(1);
    expect(new Set([...runs.values()].flat()).size).toBeGreaterThan(1);
    expect(await store.query('select id from housekeeping_scans')).toHaveLength(8);
  });

  it('claims a job again when its worker died (stale heartbeat), not before', async () => {
    const queue = scanJobQueue(store);
    const job = await queue.create({ owner: 'u', target: { kind: 'drive', id: 'd' }, lang: 'nl' });
    expect((await queue.claim('crashed', 400, 3))!.id).toBe(job.id); // and then it never beats again
    const runs = new Map<string, string[]>();
    const claimedAt = Date.now();
    workers.push(
      startScanWorker({
        queue: scanJobQueue(await instance()),
        workerId: 'heir',
        pollMs: 20,
        heartbeatMs: 50,
        staleMs: 400,
        sourceFor: async (j) => slowSource(runs, j, 'heir'),
      }),
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(runs.size).toBe(0);
    await waitFor(async () => (await queue.get(job.id))!.status === 'done');
    expect(runs.get(job.id)).toEqual(['heir']);
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(400);
    expect((await queue.get(job.id))!.attempts).toBe(2);
  });

  it('a worker that lost its job to another stops and stores nothing; the other finishes it once', async () => {
    const queue = scanJobQueue(store);
    const job = await queue.create({ owner: 'u', target: { kind: 'drive', id: 'd' }, lang: 'nl' });
    const runs = new Map<string, string[]>();
    // The first worker beats too rarely for the others' stale limit (a long GC pause, a frozen VM).
    workers.push(
      startScanWorker({
        queue,
        workerId: 'frozen',
        concurrency: 1,
        pollMs: 10,
        heartbeatMs: 600,
        staleMs: 60_000,
        sourceFor: async (j) => slowSource(runs, j, 'frozen', 10, 100),
      }),
    );
    await waitFor(async () => runs.size === 1);
    workers.push(
      startScanWorker({
        queue: scanJobQueue(await instance()),
        workerId: 'other',
        concurrency: 1,
        pollMs: 20,
        heartbeatMs: 50,
        staleMs: 250,
        sourceFor: async (j) => slowSource(runs, j, 'other'),
      }),
    );
    await waitFor(async () => (await queue.get(job.id))!.status === 'done');
    await new Promise((r) => setTimeout(r, 1_200)); // the frozen worker's scan would have ended by now
    expect(runs.get(job.id)).toEqual(['frozen', 'other']);
    expect(await store.query('select id from housekeeping_scans')).toHaveLength(1);
  });

  it('gives a job back on a clean stop, so the next worker starts it at once', async () => {
    const queue = scanJobQueue(store);
    const job = await queue.create({ owner: 'u', target: { kind: 'drive', id: 'd' }, lang: 'nl' });
    const runs = new Map<string, string[]>();
    const first = startScanWorker({
      queue,
      workerId: 'first',
      concurrency: 1,
      pollMs: 10,
      heartbeatMs: 50,
      staleMs: 60_000,
      sourceFor: async (j) => slowSource(runs, j, 'first', 20, 50),
    });
    await waitFor(async () => runs.size === 1);
    await first.stop();
    expect((await queue.get(job.id))!.status).toBe('queued');
    workers.push(
      startScanWorker({
        queue,
        workerId: 'next',
        concurrency: 1,
        pollMs: 10,
        heartbeatMs: 50,
        staleMs: 60_000,
        sourceFor: async (j) => slowSource(runs, j, 'next'),
      }),
    );
    await waitFor(async () => (await queue.get(job.id))!.status === 'done');
    expect(runs.get(job.id)).toEqual(['first', 'next']);
  });

  it('fails a job whose target could not be read at all, storing no report and logging no error of ours', async () => {
    const queue = scanJobQueue(store);
    const job = await queue.create({ owner: 'u', target: { kind: 'drive', id: 'dicht' }, lang: 'nl' });
    const errors: unknown[] = [];
    const finished: string[] = [];
    workers.push(
      startScanWorker({
        queue,
        workerId: 'w',
        concurrency: 1,
        pollMs: 10,
        onError: (e) => errors.push(e),
        onFinished: (j) => void finished.push(j.id),
        sourceFor: async (j): Promise<Source> => ({
          kind: 'graph',
          root: `drive ${j.target.id}`,
          target: 'sharepoint',
          stats: { requests: 1, throttledSeconds: 0, items: 0 },
          gaps: [{ path: '', reason: 'Deze bibliotheek kon niet volledig worden gelezen (HTTP 403).' }],
          async *entries(): AsyncIterable<Entry[]> {},
        }),
      }),
    );
    await waitFor(async () => (await queue.get(job.id))!.status === 'failed');
    const failed = (await queue.get(job.id))!;
    expect(failed.errorCode).toBe('nothing_read');
    expect(failed.scanId).toBeUndefined();
    expect(errors).toEqual([]);
    await waitFor(async () => finished.length === 1);
    expect(await store.query('select id from housekeeping_scans')).toEqual([]);
  });

  it('keeps delta state per drive and viewer, compressed, and replaces it on the next save', async () => {
    const states = graphDriveStateStore(store);
    const items: [string, string | null, string, number, number, number, string | null][] = Array.from(
      { length: 5000 },
      (_, i) => [
        `id${i}`,
        i === 0 ? null : 'id0',
        `bestand ${i}.docx`,
        i === 0 ? 3 : 0,
        1000 + i,
        1_700_000_000 + i,
        i === 0 ? null : 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      ],
    );
    await states.save('u1|d1|root', { deltaLink: 'https://graph/delta?token=1', items });
    expect(await states.load('u1|d1|root')).toEqual({ deltaLink: 'https://graph/delta?token=1', items });
    expect(await states.load('u2|d1|root')).toBeUndefined();
    const stored = await store.query<{ n: number }>('select octet_length(items) as n from graph_drive_state');
    expect(Number(stored[0]!.n)).toBeLessThan(items.length * 30);
    await states.save('u1|d1|root', { deltaLink: 'https://graph/delta?token=2', items: items.slice(0, 2) });
    expect((await states.load('u1|d1|root'))!.items).toHaveLength(2);
  });
});
