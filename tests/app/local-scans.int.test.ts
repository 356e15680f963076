import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../src/app/errors.js';
import { openLocalScan, type LocalScanConfig } from '../../src/app/local-scans.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { generateTree } from '../housekeeping/graph/tree.js';

const noGraph: LocalScanConfig = { GRAPH_BASE_URL: 'http://127.0.0.1:9', AAD_AUTHORITY_HOST: 'http://127.0.0.1:9' };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The scans the CLI runs itself go through the application layer: target and thresholds checked before any work. */
describe('openLocalScan', () => {
  let dir: string;
  let graph: FakeGraph;
  let graphUrl: string;
  const tree = generateTree({ seed: 7, files: 40, folders: 5 });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-scans-'));
    await mkdir(join(dir, 'share', 'Beleid'), { recursive: true });
    await writeFile(join(dir, 'share', 'Beleid', 'notitie.docx'), 'x');
    await writeFile(join(dir, 'share', 'Beleid', 'notitie kopie.docx'), 'x');
    graph = new FakeGraph({ pageSize: 20 });
    graphUrl = await graph.start();
    graph.loadTree('d1', tree);
  });
  afterAll(async () => {
    await graph.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the domain scan over a folder, with a source key of this host and folder', async () => {
    const opened = await openLocalScan(noGraph, { path: join(dir, 'share') }, { lang: 'nl' });
    expect(opened.sourceKey).toMatch(/^fs:.+:.+share$/);
    const seen: number[] = [];
    const report = await opened.run({ lang: 'nl', onProgress: (p) => seen.push(p.items) });
    expect(report.complete).toBe(true);
    expect(report.stats.files).toBe(2);
    expect(report.source).toBe('filesystem');
    expect(seen.length).toBeGreaterThan(0);
  });

  it('refuses a path that is no folder, in the caller language, before any work', async () => {
    const error = await rejection(openLocalScan(noGraph, { path: join(dir, 'nergens') }, { lang: 'en' }));
    expect(error.kind).toBe('invalid');
    expect(error.messages.en).toContain('is not an existing directory');
    expect(error.messages.nl).toContain('is geen bestaande map');
  });

  it('refuses a thresholds file with a wrong field, naming it', async () => {
    const file = join(dir, 'grenzen.yaml');
    await writeFile(file, 'maxDepht: 3\n');
    const error = await rejection(
      openLocalScan(noGraph, { path: join(dir, 'share') }, { lang: 'nl', thresholdsFile: file }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.messages.nl).toMatch(/^--config: .*maxDepht/);
  });

  it('says how to set up Graph access when none is, and refuses a malformed or unknown drive', async () => {
    const none = await rejection(openLocalScan(noGraph, { graph: { drive: 'd1' } }, { lang: 'nl' }));
    expect(none.messages.nl).toContain('GRAPH_ACCESS_TOKEN');
    const withToken = { ...noGraph, GRAPH_BASE_URL: graphUrl, GRAPH_ACCESS_TOKEN: 'test-token' };
    const malformed = await rejection(openLocalScan(withToken, { graph: { drive: 'a b/../c' } }, { lang: 'nl' }));
    expect(malformed.problems?.[0]?.field).toBe('drive');
    const unknown = await rejection(openLocalScan(withToken, { graph: { drive: 'bestaat-niet' } }, { lang: 'nl' }));
    expect(unknown.kind).toBe('invalid');
  });

  it('opens a Graph drive with the given token and scans every item of its tree', async () => {
    const withToken = { ...noGraph, GRAPH_BASE_URL: graphUrl, GRAPH_ACCESS_TOKEN: 'test-token' };
    const opened = await openLocalScan(withToken, { graph: { drive: 'd1' } }, { lang: 'en' });
    expect(opened.sourceKey).toBe('graph:drive:d1');
    const report = await opened.run({ lang: 'en' });
    expect(report.complete).toBe(true);
    expect(report.stats.files + report.stats.folders).toBe(tree.items.length);
    expect(report.stats.graphRequests).toBeGreaterThan(1);
  });
});
