import { createGraphSource, GraphTargetError } from '../../../src/housekeeping/sources/graph/graph-source.js';
import { userAgent } from '../../../src/housekeeping/sources/graph/transport.js';
import { FakeGraph, type FakeGraphOptions } from './fake-graph.js';
import { byPath, collect, expectedEntries, fastTime, MemoryStateStore } from './helpers.js';
import { generateTree, type Tree } from './tree.js';

const token = async () => 'test-token';
let tenant = 0;
/** Each test its own tenant, so one test's throttling never pauses another's requests. */
const source = (url: string, extra: Partial<Parameters<typeof createGraphSource>[0]> = {}) =>
  createGraphSource({ baseUrl: url, token, target: { drive: 'd1' }, tenant: `t${++tenant}`, ...fastTime, ...extra });

async function fake(tree: Tree, options: FakeGraphOptions = {}) {
  const graph = new FakeGraph(options);
  const url = await graph.start();
  const ids = graph.loadTree('d1', tree);
  return { graph, url, ids };
}

function expectSameTree(entries: ReturnType<typeof byPath>, tree: Tree) {
  const expected = expectedEntries(tree);
  expect(new Set(entries.keys())).toEqual(new Set(['', ...expected.keys()]));
  for (const [path, e] of expected) {
    const got = entries.get(path)!;
    expect({ path, kind: got.kind, size: got.size, modified: got.modified }).toEqual({ path, ...e });
  }
}

describe('Graph source against the local Graph', () => {
  const tree = generateTree({ seed: 11, files: 400, folders: 50 });

  it('rebuilds every path of the drive from parent ids, with sizes, times, hashes and child counts', async () => {
    const { graph, url } = await fake(tree, { pageSize: 60 });
    try {
      const src = source(url);
      const entries = byPath(await collect(src));
      expectSameTree(entries, tree);
      expect(entries.get('')).toMatchObject({ kind: 'folder' });
      const geplant = tree.items.filter((i) => i.path.startsWith('Geplant/') && !i.path.slice(8).includes('/')).length;
      expect(entries.get('Geplant')!.childCount).toBe(geplant);
      const dup = entries.get('Geplant/beleid.docx')!;
      expect(dup.hash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
      expect([...entries.values()].filter((e) => e.hash === dup.hash && e.size === dup.size)).toHaveLength(3);
      expect(src.gaps).toEqual([]);
      // One request for the drive, one per page of 60, and one $batch for the two shared items.
      expect(src.stats.requests).toBe(1 + Math.ceil((tree.items.length + 1) / 60) + 1);
      expect(graph.log.userAgents).toEqual(new Set([userAgent]));
      expect(graph.log.deltaPrefer).toEqual(
        new Set(['deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges']),
      );
    } finally {
      await graph.stop();
    }
  });

  it('reads permissions only for shared items and marks the one with an anyone link', async () => {
    const { graph, url } = await fake(tree);
    try {
      const src = source(url);
      const entries = await collect(src);
      expect(src.permissionReads).toBe(2);
      expect(graph.log.byKind.permissions ?? 0).toBe(0);
      expect(graph.log.batched).toBe(2);
      expect(entries.filter((e) => e.anonymousLink === true).map((e) => e.path)).toEqual([
        'Geplant/openbaar gedeeld.pdf',
      ]);
      expect(entries.find((e) => e.path === 'Geplant/intern gedeeld.pdf')!.anonymousLink).toBe(false);
    } finally {
      await graph.stop();
    }
  });

  it('handles children before parents and items that appear twice (the last one wins)', async () => {
    const { graph, url } = await fake(tree, { shuffle: true, pageSize: 45 });
    try {
      const src = source(url);
      expectSameTree(byPath(await collect(src)), tree);
      expect(src.gaps).toEqual([]);
    } finally {
      await graph.stop();
    }
  });

  it('loses nothing through throttling, 503s, dropped connections, truncated pages, 410 resyncs and 429s inside $batch', async () => {
    const { graph, url } = await fake(tree, {
      pageSize: 40,
      faults: {
        seed: 5,
        throttleRate: 0.1,
        dropRate: 0.05,
        malformedRate: 0.05,
        goneAt: [6],
        batchThrottleRate: 0.5,
        retryAfter: 1,
      },
    });
    try {
      const src = source(url);
      const entries = byPath(await collect(src));
      expectSameTree(entries, tree);
      expect(entries.get('Geplant/openbaar gedeeld.pdf')!.anonymousLink).toBe(true);
      expect(src.gaps).toEqual([]);
      expect(graph.log).toMatchObject({
        throttled: expect.any(Number),
        dropped: expect.any(Number),
        malformed: expect.any(Number),
        gone: 1,
      });
      expect(Math.min(graph.log.throttled, graph.log.dropped, graph.log.malformed)).toBeGreaterThan(0);
      expect(src.stats.throttledSeconds).toBeGreaterThanOrEqual(1);
      expect(src.resyncs.length).toBeGreaterThan(0);
      expect(src.stats.requests).toBe(graph.log.total);
    } finally {
      await graph.stop();
    }
  });

  it('says the scan is incomplete when a library keeps failing, and yields none of its items', async () => {
    const graph = new FakeGraph({ faults: { brokenDrives: ['b'] } });
    const url = await graph.start();
    try {
      graph.addDrive('a', 'Bibliotheek a');
      graph.loadTree('a', generateTree({ seed: 3, files: 20, folders: 3, plant: false }));
      graph.addDrive('b', 'Bibliotheek b');
      graph.loadTree('b', generateTree({ seed: 4, files: 20, folders: 3, plant: false }));
      graph.sites.set('s1', ['a', 'b']);
      const src = source(url, {
        target: { site: 's1' },
        retry: { maxAttempts: 3, baseMs: 1, capMs: 2, maxThrottles: 3 },
      });
      const entries = await collect(src);
      expect(entries.filter((e) => e.path.startsWith('Bibliotheek a/'))).toHaveLength(23);
      expect(entries.filter((e) => e.path.startsWith('Bibliotheek b'))).toEqual([]);
      expect(src.gaps).toEqual([{ path: 'Bibliotheek b', reason: expect.stringMatching(/niet volledig.*503/) }]);
      expect(graph.log.byKind.delta).toBe(1 + 3); // a: one page; b: three attempts, then given up
    } finally {
      await graph.stop();
    }
  });

  it('gives up a drive that stays throttled beyond the cap, and says so', async () => {
    const { graph, url } = await fake(tree, { faults: { burst: { from: 2, to: 10_000 }, retryAfter: 0 } });
    try {
      const src = source(url, { retry: { maxAttempts: 3, baseMs: 1, capMs: 2, maxThrottles: 4 } });
      expect(await collect(src)).toEqual([]);
      expect(src.gaps).toEqual([{ path: '', reason: expect.stringMatching(/429/) }]);
      expect(graph.log.total).toBe(1 + 5); // the drive lookup, then the first page five times
    } finally {
      await graph.stop();
    }
  });

  it('never follows a link to another host with the token', async () => {
    const { graph, url } = await fake(tree, { pageSize: 50, faults: { foreignLinks: true } });
    try {
      const src = source(url);
      expect(await collect(src)).toEqual([]);
      expect(src.gaps).toEqual([{ path: '', reason: expect.stringMatching(/buiten GRAPH_BASE_URL/) }]);
      expect(graph.log.total).toBe(2);
    } finally {
      await graph.stop();
    }
  });

  it('names a target that does not exist', async () => {
    const { graph, url } = await fake(tree);
    try {
      const src = source(url, { target: { team: 'onbekend' } });
      await expect(collect(src)).rejects.toThrow(GraphTargetError);
      await expect(collect(src)).rejects.toThrow(/niet gevonden/);
    } finally {
      await graph.stop();
    }
  });

  it('refuses a token Graph does not accept', async () => {
    const { graph, url } = await fake(tree);
    try {
      const src = source(url, { token: async () => 'wrong' });
      await expect(collect(src)).rejects.toThrow(/weigert het token/);
    } finally {
      await graph.stop();
    }
  });

  it('pauses every worker of the tenant on Retry-After, not only the throttled one', async () => {
    const graph = new FakeGraph({ pageSize: 20, faults: { burst: { from: 12, to: 12 }, retryAfter: 5 } });
    const url = await graph.start();
    try {
      for (const id of ['a', 'b', 'c']) {
        graph.addDrive(id, `Bibliotheek ${id}`);
        graph.loadTree(id, generateTree({ seed: id.charCodeAt(0), files: 150, folders: 10, plant: false }));
      }
      graph.sites.set('s1', ['a', 'b', 'c']);
      const src = source(url, { target: { site: 's1' }, timeScale: 100 });
      const entries = await collect(src);
      expect(src.gaps).toEqual([]);
      expect(entries.filter((e) => e.path.startsWith('Bibliotheek b/'))).toHaveLength(160);
      // Request 12 was told to wait 5 s (500 ms here). The other two workers may each have had one request
      // on the wire already; nothing else may arrive in that window (ungated, they send one every few ms).
      const throttledAt = graph.log.arrivals[11]!;
      const during = graph.log.arrivals.filter((t) => t > throttledAt && t < throttledAt + 480);
      expect(during.length).toBeLessThanOrEqual(2);
      expect(graph.log.arrivals.filter((t) => t >= throttledAt + 500).length).toBeGreaterThan(10);
      expect(src.stats.throttledSeconds).toBeGreaterThanOrEqual(4);
    } finally {
      await graph.stop();
    }
  });
});

describe('Graph source re-scans from the stored delta link', () => {
  it('reads only the changes and merges them with the stored items', async () => {
    const tree = generateTree({ seed: 21, files: 300, folders: 30 });
    const { graph, url, ids } = await fake(tree, { pageSize: 50 });
    try {
      const state = new MemoryStateStore();
      const first = source(url, { state, stateOwner: 'u1' });
      await collect(first);
      expect(state.drives.size).toBe(1);

      // Changes: a new file, a renamed folder (its subtree moves with it), a deleted folder, a new anyone link.
      const folder = tree.items.find(
        (i) => i.kind === 'folder' && i.path.split('/').length === 1 && i.path !== 'Geplant',
      )!;
      graph.add('d1', ids.get('Geplant')!, {
        name: 'nieuw.txt',
        kind: 'file',
        modified: Date.UTC(2026, 9, 1),
        content: Buffer.from('nieuw'),
      });
      graph.update('d1', ids.get(folder.path)!, { name: `${folder.path} hernoemd` });
      graph.remove('d1', ids.get('Oud project')!);
      graph.update('d1', ids.get('Geplant/intern gedeeld.pdf')!, { sharing: 'anonymous' });

      const before = graph.log.total;
      const second = source(url, { state, stateOwner: 'u1' });
      const incremental = byPath(await collect(second));
      expect(graph.log.total - before).toBe(3); // the drive, one delta page, one $batch for the newly shared item
      expect(second.permissionReads).toBe(1);

      const full = byPath(await collect(source(url)));
      expect(new Set(incremental.keys())).toEqual(new Set(full.keys()));
      for (const [path, e] of full) expect(incremental.get(path)).toEqual(e);
      expect(incremental.has('Geplant/nieuw.txt')).toBe(true);
      expect(incremental.has('Oud project/Stukken/eindrapport.pdf')).toBe(false);
      expect([...incremental.keys()].some((p) => p.startsWith(`${folder.path} hernoemd/`))).toBe(true);
      expect(incremental.get('Geplant/intern gedeeld.pdf')!.anonymousLink).toBe(true);
      expect(incremental.get('Geplant/openbaar gedeeld.pdf')!.anonymousLink).toBe(true);
    } finally {
      await graph.stop();
    }
  });

  it('resyncs from the Location header when the delta link has expired, and ends with the right tree', async () => {
    const tree = generateTree({ seed: 22, files: 100, folders: 10 });
    const { graph, url, ids } = await fake(tree, { pageSize: 50 });
    try {
      const state = new MemoryStateStore();
      await collect(source(url, { state }));
      graph.remove('d1', ids.get('Geplant/Thumbs.db')!);
      graph.setFaults({ seed: 1, goneAt: [graph.log.total + 2] }); // the drive lookup, then the stored delta link
      const second = source(url, { state, maxResyncs: 1 });
      const entries = byPath(await collect(second));
      expect(second.resyncs).toEqual(['drive d1']);
      expect(second.gaps).toEqual([]);
      expect(entries.has('Geplant/Thumbs.db')).toBe(false);
      expect(entries.size).toBe(tree.items.length); // the root in, Thumbs.db out
    } finally {
      await graph.stop();
    }
  });
});

describe('Graph source for a team', () => {
  it('reads the group drive, the other libraries and a private channel folder, each under its own name', async () => {
    const graph = new FakeGraph({ pageSize: 30 });
    const url = await graph.start();
    try {
      graph.addDrive('g', 'Documenten');
      graph.loadTree('g', generateTree({ seed: 1, files: 40, folders: 5, plant: false }));
      graph.addDrive('lib', 'Archief');
      graph.loadTree('lib', generateTree({ seed: 2, files: 30, folders: 4, plant: false }));
      graph.addDrive('priv', 'Documenten');
      const privIds = graph.loadTree('priv', {
        items: [
          { kind: 'folder', path: 'Geheim kanaal', modified: Date.UTC(2026, 0, 1) },
          {
            kind: 'file',
            path: 'Geheim kanaal/notulen.docx',
            content: Buffer.from('x'),
            modified: Date.UTC(2026, 0, 2),
          },
          { kind: 'file', path: 'elders.docx', content: Buffer.from('y'), modified: Date.UTC(2026, 0, 2) },
        ],
      });
      const generalId = graph.add('g', 'g-root', { name: 'Algemeen', kind: 'folder' }).id;
      graph.groups.set('team1', 'g');
      graph.sites.set('site-team1', ['g', 'lib']);
      graph.teams.set('team1', {
        group: 'g',
        channels: [
          { id: 'c1', name: 'Algemeen', driveId: 'g', folderId: generalId },
          { id: 'c2', name: 'Geheim kanaal', driveId: 'priv', folderId: privIds.get('Geheim kanaal')! },
        ],
      });
      const src = source(url, { target: { team: 'team1' } });
      const entries = byPath(await collect(src));
      expect(src.root).toBe('team team1');
      expect(src.gaps).toEqual([]);
      expect(entries.get('')!.childCount).toBe(3);
      expect(entries.get('Documenten/Algemeen')!.kind).toBe('folder');
      expect([...entries.keys()].filter((p) => p.startsWith('Archief/')).length).toBeGreaterThan(30);
      expect(entries.get('Geheim kanaal/notulen.docx')).toMatchObject({ kind: 'file', size: 1 });
      expect(entries.has('Geheim kanaal/elders.docx')).toBe(false);
    } finally {
      await graph.stop();
    }
  });
});
