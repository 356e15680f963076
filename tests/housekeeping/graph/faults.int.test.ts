import { NothingReadError, runScan } from '../../../src/housekeeping/scan.js';
import { createGraphSource } from '../../../src/housekeeping/sources/graph/graph-source.js';
import type { RetryPolicy } from '../../../src/housekeeping/sources/graph/transport.js';
import { FakeGraph, type Faults } from './fake-graph.js';
import { byPath, collect, expectedEntries, fastTime } from './helpers.js';
import { generateTree, type Tree } from './tree.js';

/**
 * Answers that are not Graph's: an HTML page from a gateway, a 200 whose JSON is cut off, headers that come late,
 * a body that stalls beyond the client's timeout. Each scan either reads exactly the tree (after retries) or says
 * it is incomplete and why; it never throws, and never reports a short list as complete.
 */
const token = async () => 'test-token';
let tenant = 0;
/** Attempts time out after 150 ms here; the slow faults hold an answer back for 600 ms. */
const retry: RetryPolicy = { ...fastTime.retry, timeoutMs: 150 };
const source = (url: string, extra: Partial<Parameters<typeof createGraphSource>[0]> = {}) =>
  createGraphSource({
    baseUrl: url,
    token,
    target: { drive: 'd1' },
    tenant: `faults${++tenant}`,
    ...fastTime,
    retry,
    ...extra,
  });

function expectSameTree(entries: ReturnType<typeof byPath>, tree: Tree) {
  const expected = expectedEntries(tree);
  expect(new Set(entries.keys())).toEqual(new Set(['', ...expected.keys()]));
  for (const [path, e] of expected) {
    const got = entries.get(path)!;
    expect({ path, kind: got.kind, size: got.size, modified: got.modified }).toEqual({ path, ...e });
  }
}

describe('Graph source against answers that are not Graph', () => {
  const tree = generateTree({ seed: 31, files: 300, folders: 30 });
  let graph: FakeGraph;
  let url: string;

  beforeEach(async () => {
    graph = new FakeGraph({ pageSize: 30 });
    url = await graph.start();
    graph.loadTree('d1', tree);
  });
  afterEach(() => graph.stop());

  it('reads every item through HTML 502 pages, truncated JSON, late headers and stalled bodies', async () => {
    graph.setFaults({
      seed: 9,
      htmlErrorRate: 0.1,
      malformedRate: 0.1,
      slowHeadersRate: 0.1,
      slowHeadersMs: 600,
      stallRate: 0.1,
      stallMs: 600,
    });
    const src = source(url);
    const entries = byPath(await collect(src));
    expectSameTree(entries, tree);
    expect(src.gaps).toEqual([]);
    expect(entries.get('Geplant/openbaar gedeeld.pdf')!.anonymousLink).toBe(true);
    const { html, malformed, slow, stalled } = graph.log;
    expect(Math.min(html, malformed, slow, stalled)).toBeGreaterThan(0);
    // Every fault cost one more request, and nothing else did.
    const pages = Math.ceil((tree.items.length + 1) / 30);
    expect(src.stats.requests).toBe(graph.log.total);
    expect(graph.log.total).toBe(1 + pages + 1 + html + malformed + slow + stalled);
  });

  it('retries a page whose answer is late within the timeout: no timeout, no retry', async () => {
    graph.setFaults({ seed: 2, slowHeadersRate: 1, slowHeadersMs: 30 });
    const src = source(url);
    expectSameTree(byPath(await collect(src)), tree);
    expect(graph.log.total).toBe(1 + Math.ceil((tree.items.length + 1) / 30) + 1);
  });

  it.each<[string, Faults, RegExp]>([
    ['a gateway that answers only HTML 502 pages', { htmlErrorRate: 1 }, /HTML error page \(status 502\)/],
    ['a Graph whose JSON is always cut off', { malformedRate: 1 }, /malformed JSON after 3 attempts/],
    ['headers that never come in time', { slowHeadersRate: 1, slowHeadersMs: 600 }, /no answer within the timeout/],
    ['a body that always stalls', { stallRate: 1, stallMs: 600 }, /stalled beyond the timeout after 3 attempts/],
  ])('ends incomplete with the reason for %s, and yields nothing of the drive', async (_name, faults, reason) => {
    const src = source(url, { retry: { ...retry, maxAttempts: 3 } });
    await src.prepare(); // the drive was found; the faults start with its first page
    graph.setFaults({ seed: 3, ...faults });
    // Nothing of the drive was read: the scan says so (an unread scan, complete: false, with the reason).
    const error = await runScan(src).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NothingReadError);
    const { scan } = error as NothingReadError;
    expect(scan).toMatchObject({ complete: false, read: false, stats: { files: 0, folders: 0 } });
    expect(scan.gaps).toEqual([{ path: '', reason: expect.stringMatching(reason) }]);
    expect(scan.incompleteReason).toEqual(expect.any(String));
    expect(graph.log.total).toBe(1 + 3);
  });

  it('yields no half drive when a later page keeps failing: the library is a gap, the other one complete', async () => {
    graph.addDrive('d2', 'Tweede');
    const tree2 = generateTree({ seed: 4, files: 20, folders: 3, plant: false });
    const tree2Files = tree2.items.filter((i) => i.kind === 'file').length;
    graph.loadTree('d2', tree2);
    graph.addDrive('d3', 'Derde');
    graph.loadTree('d3', tree);
    graph.sites.set('s1', ['d2', 'd3']);
    const src = source(url, { target: { site: 's1' }, concurrency: 1, retry: { ...retry, maxAttempts: 2 } });
    // Request 1 lists the site's drives, 2 is d2's only page, 3 the first page of d3; then the gateway fails.
    graph.setFaults({ htmlFrom: 4 });
    const report = await runScan(src);
    expect(src.gaps).toEqual([{ path: 'Derde', reason: expect.stringMatching(/HTML error page/) }]);
    expect(report.complete).toBe(false);
    expect(report.incompleteReason).toMatch(/Derde/);
    // Only the second library's files: none of the first page of the failed one.
    expect(report.stats.files).toBe(tree2Files);
  });
});
