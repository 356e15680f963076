import { jest } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { startServer, type RunningServer } from '../../../src/server/start.js';
import type { ScanJobView } from '../../../src/api/scan-jobs.js';
import { FakeGraph } from '../graph/fake-graph.js';
import { generateTree } from '../graph/tree.js';

jest.setTimeout(90_000);

// The worker polls and beats fast in tests; read by the route module from the environment.
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

const tree = generateTree({ seed: 31, files: 300, folders: 30 });

async function boot(graphUrl: string, dataDir: string, schema: string): Promise<RunningServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    LOG_LEVEL: 'silent',
    GRAPH_BASE_URL: graphUrl,
    GRAPH_ACCESS_TOKEN: 'test-token',
  });
  return startServer(config, { host: '127.0.0.1', schema, logger: createLogger('silent') });
}

const api = (server: RunningServer, path: string, init: RequestInit & { user?: string; lang?: string } = {}) =>
  fetch(`${server.url}/api${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      'x-dev-user': init.user ?? 'teamleider',
      ...(init.lang ? { 'accept-language': init.lang } : {}),
    },
  });

async function until(
  server: RunningServer,
  id: string,
  done: (v: ScanJobView) => boolean,
  timeoutMs = 60_000,
): Promise<ScanJobView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const view = (await (await api(server, `/scans/${id}`)).json()) as ScanJobView;
    if (done(view)) return view;
    if (Date.now() > end) throw new Error(`job ${id} stuck: ${JSON.stringify(view).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('scan jobs over HTTP', () => {
  let graph: FakeGraph;
  let server: RunningServer;
  let dir: string;
  const schema = `test_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    graph = new FakeGraph({ pageSize: 100 });
    const url = await graph.start();
    graph.loadTree('d1', tree);
    dir = await mkdtemp(join(tmpdir(), 'scan-jobs-'));
    server = await boot(url, 'memory://', schema);
  });

  afterAll(async () => {
    if (server.store.kind === 'postgres') await server.store.query(`drop schema if exists ${schema} cascade`);
    await server.stop(500);
    await graph.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a target that is not exactly one drive, site or team, in the caller language, and creates nothing', async () => {
    const cases = [
      {},
      { target: {} },
      { target: { drive: 'a', site: 'b' } },
      { target: { drive: 'a/../b' } },
      { target: { disk: 'x' } },
    ];
    for (const body of cases) {
      const res = await api(server, '/scans', { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: { code: string; problems: { field: string }[] } }).error;
      expect(error.code).toBe('invalid_input');
      expect(error.problems.length).toBeGreaterThan(0);
    }
    const en = await api(server, '/scans', {
      method: 'POST',
      body: JSON.stringify({ target: { drive: 'a', team: 'b' } }),
      lang: 'en',
    });
    expect(((await en.json()) as { error: { problems: { message: string }[] } }).error.problems[0]!.message).toMatch(
      /exactly one/,
    );
    expect(await server.store.query('select id from scan_jobs')).toEqual([]);
  });

  it('starts a scan, answers 202 at once, and gives progress and then the report to its owner only', async () => {
    const res = await api(server, '/scans', { method: 'POST', body: JSON.stringify({ target: { drive: 'd1' } }) });
    expect(res.status).toBe(202);
    const started = (await res.json()) as ScanJobView;
    expect(started.status).toBe('queued');
    expect(res.headers.get('location')).toBe(`/api/scans/${started.id}`);

    expect((await api(server, `/scans/${started.id}`, { user: 'iemand-anders' })).status).toBe(404);

    const done = await until(server, started.id, (v) => v.status === 'done' || v.status === 'failed');
    expect(done.status).toBe('done');
    const report = done.report!;
    expect(report).toMatchObject({ source: 'graph', root: 'drive d1', complete: true });
    expect(report.stats.files + report.stats.folders).toBe(tree.items.length);
    expect(report.stats.graphRequests).toBe(1 + Math.ceil((tree.items.length + 1) / 100) + 1);
    expect(done.progress.requests).toBe(report.stats.graphRequests);
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const rule of [
      'anonymous-link',
      'duplicate-file',
      'temp-file',
      'personal-data-in-name',
      'deep-nesting',
      'stale-folder',
    ] as const)
      expect(rules).toContain(rule);
    expect((await api(server, `/scans/${started.id}`, { user: 'iemand-anders' })).status).toBe(404);
  });

  it('re-scans from the stored delta link (two requests), and says so when Graph asked for a resync', async () => {
    const scan = async () => {
      const res = await api(server, '/scans', { method: 'POST', body: JSON.stringify({ target: { drive: 'd1' } }) });
      const { id } = (await res.json()) as ScanJobView;
      return until(server, id, (v) => v.status === 'done' || v.status === 'failed');
    };
    const first = await scan(); // the previous test's scan stored the delta state already
    const findings = (v: ScanJobView) => v.report!.findings.map((f) => `${f.rule} ${f.path}`).sort();
    expect(first.report!.stats.graphRequests).toBe(2); // the drive and one delta page without changes
    expect(first.notes).toEqual([]);
    expect(first.report!.trend).toBeDefined();

    graph.setFaults({ goneAt: [graph.log.total + 2] }); // the stored delta link has expired
    const resynced = await scan();
    graph.setFaults({});
    expect(resynced.status).toBe('done');
    expect(resynced.notes).toEqual([expect.stringMatching(/opnieuw volledig gelezen.*resync/)]);
    expect(resynced.report!.complete).toBe(true);
    expect(findings(resynced)).toEqual(findings(first));
    expect(resynced.report!.stats.graphRequests).toBe(1 + 1 + Math.ceil((tree.items.length + 1) / 100) + 1);
  });

  it('names a target Graph does not know', async () => {
    const res = await api(server, '/scans', {
      method: 'POST',
      body: JSON.stringify({ target: { team: 'bestaat-niet' } }),
    });
    const { id } = (await res.json()) as ScanJobView;
    const failed = await until(server, id, (v) => v.status === 'failed' || v.status === 'done');
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({ code: 'target_not_found', message: expect.stringMatching(/niet gevonden/) });
  });
});

describe('a scan job survives a server restart', () => {
  it('is finished by the next server on the same database after the first stops mid-scan', async () => {
    // Slow enough that a loaded CI machine still stops it mid-scan (about 25 pages of 250 ms).
    const slow = new FakeGraph({ pageSize: 20, delayMs: 250 });
    const url = await slow.start();
    slow.loadTree('d1', tree);
    const dir = await mkdtemp(join(tmpdir(), 'scan-restart-'));
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const dataDir = process.env.DATABASE_URL ? 'memory://' : dir;
    let second: RunningServer | undefined;
    try {
      const first = await boot(url, dataDir, schema);
      const res = await api(first, '/scans', { method: 'POST', body: JSON.stringify({ target: { drive: 'd1' } }) });
      const { id } = (await res.json()) as ScanJobView;
      // Asking again while it runs gives the same job, not a second scan.
      const again = await api(first, '/scans', { method: 'POST', body: JSON.stringify({ target: { drive: 'd1' } }) });
      expect(((await again.json()) as ScanJobView).id).toBe(id);
      await until(first, id, (v) => v.status === 'running' && v.progress.requests >= 3);
      const before = slow.log.total;
      await first.stop(500);
      expect(slow.log.total).toBeLessThan(Math.ceil((tree.items.length + 1) / 20)); // it really stopped mid-scan

      second = await boot(url, dataDir, schema);
      const done = await until(second, id, (v) => v.status === 'done' || v.status === 'failed');
      expect(done.status).toBe('done');
      expect(done.report!.complete).toBe(true);
      expect(done.report!.stats.files + done.report!.stats.folders).toBe(tree.items.length);
      expect(slow.log.total).toBeGreaterThan(before);
      // Given back on the clean stop, so only the second run counts as an attempt.
      const rows = await second.store.query<{ attempts: number }>('select attempts from scan_jobs where id = $1', [id]);
      expect(Number(rows[0]!.attempts)).toBe(1);
      expect(await second.store.query('select id from housekeeping_scans')).toHaveLength(1);
    } finally {
      if (second) {
        if (second.store.kind === 'postgres') await second.store.query(`drop schema if exists ${schema} cascade`);
        await second.stop(500);
      }
      await slow.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
