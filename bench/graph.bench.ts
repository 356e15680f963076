/**
 * Microsoft Graph source against the local Graph (tests/housekeeping/graph/fake-graph.ts), delta pages of 200:
 * requests used for a drive of N items against the minimum (one delta page per 200 items), with and
 * without 10% of requests throttled, and whether every item arrived (item sets compared). Time is scaled:
 * one Retry-After second lasts 10 ms here (timeScale 10), so "throttled s" is in Graph seconds.
 */
import { createGraphSource } from '../src/housekeeping/sources/graph/graph-source.js';
import { FakeGraph, type Faults } from '../tests/housekeeping/graph/fake-graph.js';
import { MemoryStateStore } from '../tests/housekeeping/graph/helpers.js';
import { generateTree, type Tree } from '../tests/housekeeping/graph/tree.js';
import { median } from './stats.js';

const pageSize = 200;
const runs = 3;

function benchTree(n: number): Tree {
  const folders = Math.max(1, Math.floor(n / 50));
  const tree = generateTree({ seed: n, files: n - folders, folders, plant: false });
  // One file in a hundred shared (half of them with an "anyone" link): the items whose permissions are read.
  let i = 0;
  for (const item of tree.items)
    if (item.kind === 'file' && i++ % 100 === 0) item.sharing = i % 200 === 1 ? 'anonymous' : 'users';
  return tree;
}

interface Row {
  n: number;
  faults: string;
  requests: number;
  batches: number;
  minimum: number;
  ratio: number;
  throttled: number;
  throttledSeconds: number;
  lost: number;
  extra: number;
  ms: number;
}

async function measure(n: number, tree: Tree, faults: Faults, label: string, seed: number): Promise<Row> {
  const graph = new FakeGraph({ pageSize, faults: { ...faults, seed } });
  const url = await graph.start();
  try {
    graph.loadTree('d1', tree);
    const source = createGraphSource({
      baseUrl: url,
      token: async () => 'test-token',
      target: { drive: 'd1' },
      tenant: `bench-${n}-${label}-${seed}`,
      timeScale: 10,
      retry: { maxAttempts: 8, baseMs: 5, capMs: 100, maxThrottles: 100 },
    });
    const t0 = performance.now();
    const seen = new Set<string>();
    for await (const batch of source.entries()) for (const e of batch) if (e.path !== '') seen.add(e.path);
    const ms = performance.now() - t0;
    const expected = new Set(tree.items.map((i) => i.path));
    const lost = [...expected].filter((p) => !seen.has(p)).length;
    const extra = [...seen].filter((p) => !expected.has(p)).length;
    if (source.gaps.length > 0) throw new Error(`gaps: ${JSON.stringify(source.gaps)}`);
    const batches = graph.log.byKind.batch ?? 0;
    const minimum = Math.ceil((n + 1) / pageSize);
    // Everything but the permission batches, against one delta page per 200 items (the drive lookup included).
    const requests = source.stats.requests - batches;
    return {
      n,
      faults: label,
      requests,
      batches,
      minimum,
      ratio: requests / minimum,
      throttled: graph.log.throttled,
      throttledSeconds: source.stats.throttledSeconds,
      lost,
      extra,
      ms,
    };
  } finally {
    await graph.stop();
  }
}

async function rescan(n: number, tree: Tree): Promise<{ requests: number; changed: number }> {
  const graph = new FakeGraph({ pageSize });
  const url = await graph.start();
  try {
    const ids = graph.loadTree('d1', tree);
    const state = new MemoryStateStore();
    const make = () =>
      createGraphSource({
        baseUrl: url,
        token: async () => 'test-token',
        target: { drive: 'd1' },
        tenant: `bench-rescan-${n}`,
        state,
      });
    for await (const _ of make().entries()) void _;
    // One file in a hundred changes between the scans.
    const files = tree.items.filter((i) => i.kind === 'file');
    let changed = 0;
    for (let i = 0; i < files.length; i += 100, changed++)
      graph.update('d1', ids.get(files[i]!.path)!, { content: Buffer.from(`nieuwe inhoud ${i}`) });
    const second = make();
    for await (const _ of second.entries()) void _;
    return { requests: second.stats.requests, changed };
  } finally {
    await graph.stop();
  }
}

export default async function graphBench(): Promise<void> {
  const rows: Row[] = [];
  for (const n of [10_000, 50_000]) {
    const tree = benchTree(n);
    for (const [label, faults] of [
      ['none', {}],
      ['10% 429/503', { throttleRate: 0.1, retryAfter: 1 }],
    ] as [string, Faults][]) {
      const results: Row[] = [];
      for (let r = 0; r < runs; r++) results.push(await measure(n, tree, faults, label, r + 1));
      rows.push({
        ...results[0]!,
        requests: median(results.map((x) => x.requests)),
        batches: median(results.map((x) => x.batches)),
        ratio: median(results.map((x) => x.ratio)),
        throttled: median(results.map((x) => x.throttled)),
        throttledSeconds: median(results.map((x) => x.throttledSeconds)),
        lost: Math.max(...results.map((x) => x.lost)),
        extra: Math.max(...results.map((x) => x.extra)),
        ms: median(results.map((x) => x.ms)),
      });
    }
  }
  console.log(`Graph source, delta pages of ${pageSize}, medians of ${runs} runs (Retry-After second = 10 ms)`);
  console.log(
    [
      'items',
      'faults',
      'requests*',
      'minimum',
      'ratio',
      'perm. $batch',
      'throttled',
      'waited (Graph s)',
      'lost',
      'extra',
      'wall ms',
    ].join(' | '),
  );
  for (const r of rows) {
    console.log(
      [
        r.n,
        r.faults,
        r.requests,
        r.minimum,
        r.ratio.toFixed(3),
        r.batches,
        r.throttled,
        r.throttledSeconds.toFixed(0),
        r.lost,
        r.extra,
        r.ms.toFixed(0),
      ].join(' | '),
    );
  }
  console.log(
    '* all requests except the permission $batch calls, throttled answers included; target ratio <= 1.05 without faults',
  );
  for (const n of [10_000, 50_000]) {
    const { requests, changed } = await rescan(n, benchTree(n));
    console.log(
      `re-scan from the stored delta link, ${n} items, ${changed} changed: ${requests} requests (a full read: ${Math.ceil((n + 1) / pageSize) + 1})`,
    );
  }
}
