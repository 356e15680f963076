import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { scanListSchema, type ScanJobView } from '../../../src/api/scan-jobs.js';
import { recordedCheckSchema } from '../../../src/api/checks.js';
import { rootDir } from '../../../src/paths.js';
import { runCaptured } from '../../helpers/cli.js';
import { freshDatabase } from '../../helpers/database.js';
import { FakeGraph } from '../graph/fake-graph.js';
import { generateTree } from '../graph/tree.js';
import { baseCase } from '../../quickcheck/cases.js';

jest.setTimeout(60_000);

const kinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const tree = generateTree({ seed: 17, files: 300, folders: 30 });
const auditKey = 'een-auditsleutel-voor-de-kill-test';

/** The real server in a process of its own (`ai-wijzer serve` through tsx), and the port it listens on. */
async function serve(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; closed: Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(rootDir, 'src', 'cli', 'main.ts'), 'serve', '--port', '0'],
    {
      cwd: rootDir,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        AUDIT_KEY: auditKey,
        GRAPH_ACCESS_TOKEN: 'test-token',
        SCAN_WORKER_POLL_MS: '50',
        SCAN_WORKER_HEARTBEAT_MS: '100',
        ...env,
      },
    },
  );
  let output = '';
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listens on: [\d.]+:(\d+)/.exec(output);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => reject(new Error(`server stopped (${code}): ${output.slice(0, 1500)}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, closed };
}

const api = (url: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', 'x-dev-user': 'teamleider' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

async function until<T>(get: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 25_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`stuck: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(kinds)('kill -9 of the server during a scan, on %s', (kind) => {
  let graph: FakeGraph;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    // A slow Graph: the walk takes seconds, so the kill lands in the middle of it.
    graph = new FakeGraph({ pageSize: 20, delayMs: 120 });
    graph.loadTree('d1', tree);
    await graph.start();
    db = await freshDatabase(kind);
    await db.release();
  });

  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await graph.stop();
    await db.dispose();
  });

  it('the job ends after the restart (done by a new attempt, or failed with a reason), and the audit chain is whole with every acknowledged check', async () => {
    const env = { ...db.env, GRAPH_BASE_URL: graph.url };
    const first = await serve(env);
    children.push(first.child);
    const acknowledged: { seq: number; hash: string }[] = [];
    for (const purpose of ['een interne notitie herschrijven', 'een tekst inkorten']) {
      const res = await api(first.url, '/checks', { method: 'POST', body: { ...baseCase, purpose } });
      expect(res.status).toBe(201);
      const { record } = recordedCheckSchema.parse(await res.json());
      acknowledged.push({ seq: record.seq, hash: record.hash });
    }
    const started = await api(first.url, '/scans', { method: 'POST', body: { target: { drive: 'd1' } } });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as ScanJobView;
    // Mid-walk: running, some pages read, far from all.
    const running = await until(
      async () => (await (await api(first.url, `/scans/${id}`)).json()) as ScanJobView,
      (v) => v.status === 'running' && v.progress.requests >= 4,
    );
    expect(running.progress.items).toBeLessThan(tree.items.length);
    process.kill(first.child.pid!, 'SIGKILL');
    await first.closed;
    expect(first.child.signalCode).toBe('SIGKILL');

    // The restart takes over the embedded database's lock of the killed process, and the stale job.
    const second = await serve({ ...env, SCAN_WORKER_STALE_MS: '1000' });
    children.push(second.child);
    const ended = await until(
      async () => (await (await api(second.url, `/scans/${id}`)).json()) as ScanJobView,
      (v) => v.status === 'done' || v.status === 'failed',
    );
    if (ended.status === 'failed') expect(ended.error?.code).toEqual(expect.any(String));
    else {
      // Done means a whole new walk, not the half one of before the kill.
      expect(ended.report).toMatchObject({ complete: true });
      expect(ended.report!.stats.files + ended.report!.stats.folders).toBe(tree.items.length);
    }
    // A check after the restart goes on the same chain.
    const after = await api(second.url, '/checks', { method: 'POST', body: baseCase });
    expect(after.status).toBe(201);
    expect(recordedCheckSchema.parse(await after.json()).record.seq).toBe(acknowledged.at(-1)!.seq + 1);
    // Every check acknowledged before the kill is there, as it was acknowledged.
    for (const a of acknowledged) {
      const res = await api(second.url, `/checks/${a.seq}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { record: { seq: number; hash: string } }).record).toMatchObject(a);
    }
    // One job, and it is not left open.
    const { jobs } = scanListSchema.parse(await (await api(second.url, '/scans')).json());
    expect(jobs.map((j) => [j.id, j.status])).toEqual([[id, ended.status]]);
    second.child.kill('SIGTERM');
    await second.closed;

    const verify = await runCaptured(['audit', 'verify', '--json'], {
      ...env,
      AUDIT_KEY: auditKey,
      LOG_LEVEL: 'silent',
    });
    expect(verify.stderr).toBe('');
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, count: acknowledged.length + 1 });
  });
});
