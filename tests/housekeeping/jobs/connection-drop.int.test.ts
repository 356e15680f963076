import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Entry, Source } from '../../../src/housekeeping/source.js';
import { startScanWorker, type ScanWorker } from '../../../src/housekeeping/jobs/worker.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { scanJobQueue } from '../../../src/store/repositories/scan-jobs.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';

jest.setTimeout(60_000);

const url = process.env.DATABASE_URL ?? '';
/** Connections drop on PostgreSQL only; PGlite runs in the process. */
const onPostgres = url ? describe : describe.skip;

/** A small source that takes its time; `atBatch` runs before the batch with that number is read. */
function slowSource(atBatch: (i: number) => void, batches = 6, delayMs = 60): Source {
  const stats = { requests: 0, throttledSeconds: 0, items: 0 };
  return {
    kind: 'graph',
    root: 'drive d',
    target: 'sharepoint',
    stats,
    gaps: [],
    async *entries(signal?: AbortSignal): AsyncIterable<Entry[]> {
      yield [{ path: '', kind: 'folder', size: 0, modified: Date.UTC(2026, 0, 1) }];
      for (let i = 0; i < batches; i++) {
        atBatch(i);
        await new Promise((r) => setTimeout(r, delayMs));
        signal?.throwIfAborted();
        stats.requests++;
        stats.items++;
        yield [{ path: `map ${i}/bestand.txt`, kind: 'file', size: 10, modified: Date.UTC(2026, 0, 1) }];
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

onPostgres('a scan job while the PostgreSQL connection drops', () => {
  let proxy: TcpProxy;
  let store: Store;
  let direct: Store;
  let worker: ScanWorker | undefined;
  let schema: string;
  const errors: unknown[] = [];

  beforeEach(async () => {
    schema = `test_${randomBytes(6).toString('hex')}`;
    proxy = new TcpProxy({ host: new URL(url).hostname, port: Number(new URL(url).port || 5432) });
    await proxy.start();
    direct = await openStore({ databaseUrl: url, dataDir: 'unused', schema });
    store = await openStore({ databaseUrl: proxy.urlFor(url), dataDir: 'unused', schema, onConnectionError: () => {} });
    errors.length = 0;
    finished.length = 0;
  });

  afterEach(async () => {
    proxy.refuse = false;
    await worker?.stop();
    worker = undefined;
    await store.close();
    await direct.query(`drop schema if exists ${schema} cascade`);
    await direct.close();
    await proxy.stop();
  });

  const finished: string[] = [];
  const start = (atBatch: (i: number) => void) => {
    const runs: string[] = [];
    worker = startScanWorker({
      queue: scanJobQueue(store),
      workerId: 'w',
      concurrency: 1,
      pollMs: 20,
      heartbeatMs: 40,
      staleMs: 800,
      onError: (error) => errors.push(error),
      onFinished: (job) => void finished.push(job.id),
      sourceFor: async (job) => {
        runs.push(job.id);
        return slowSource(atBatch);
      },
    });
    return runs;
  };
  const jobOf = async (id: string) =>
    (
      await direct.query<{ status: string; attempts: number }>('select status, attempts from scan_jobs where id = $1', [
        id,
      ])
    )[0]!;
  const scans = async () => (await direct.query('select id from housekeeping_scans')).length;

  it('goes on walking when its connections are cut mid-walk, and completes the job once', async () => {
    const job = await scanJobQueue(direct).create({ owner: 'u', target: { kind: 'drive', id: 'd' }, lang: 'nl' });
    const runs = start((i) => {
      if (i === 2 || i === 4) proxy.cut();
    });
    await waitFor(async () => (await jobOf(job.id)).status === 'done');
    expect(proxy.cutCount).toBeGreaterThanOrEqual(1);
    expect(runs).toEqual([job.id]);
    expect(await jobOf(job.id)).toEqual({ status: 'done', attempts: 1 });
    expect(await scans()).toBe(1);
  });

  it('survives a database that is away when the job is to be closed: the job is claimed again once stale and completed once, and the worker takes the next job', async () => {
    const queue = scanJobQueue(direct);
    const job = await queue.create({ owner: 'u', target: { kind: 'drive', id: 'd' }, lang: 'nl' });
    let first = true;
    const runs = start((i) => {
      // The last batch of the first run: the database goes away until after the scan has ended.
      if (first && i === 5) {
        first = false;
        proxy.refuse = true;
        proxy.cut();
        setTimeout(() => (proxy.refuse = false), 500);
      }
    });
    await waitFor(async () => (await jobOf(job.id)).status === 'done');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(runs).toEqual([job.id, job.id]);
    expect(await jobOf(job.id)).toEqual({ status: 'done', attempts: 2 });
    expect(await scans()).toBe(1);

    const next = await queue.create({ owner: 'u', target: { kind: 'drive', id: 'e' }, lang: 'nl' });
    await waitFor(async () => (await jobOf(next.id)).status === 'done');
    expect(await scans()).toBe(2);
  });

  it('takes a job whose closing COMMIT answer was lost as done: stored once, not scanned again, and its owner told', async () => {
    const job = await scanJobQueue(direct).create({ owner: 'u', target: { kind: 'drive', id: 'd' }, lang: 'nl' });
    let cut: Promise<void> | undefined;
    const runs = start((i) => {
      // One slot, busy with this job: the next COMMIT is the one of complete().
      if (i === 5 && !cut) cut = proxy.cutOnQuery('commit', 'after-answer');
    });
    await waitFor(async () => finished.length === 1);
    await cut;
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(finished).toEqual([job.id]);
    await new Promise((r) => setTimeout(r, 1_200)); // past staleMs: nothing claims it again
    expect(runs).toEqual([job.id]);
    expect(await jobOf(job.id)).toEqual({ status: 'done', attempts: 1 });
    expect(await scans()).toBe(1);
  });
});
