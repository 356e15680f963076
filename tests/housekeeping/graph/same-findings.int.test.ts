import { jest } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, ScanReport } from '../../../src/housekeeping/report.js';
import { runScan } from '../../../src/housekeeping/scan.js';
import { filesystemSource } from '../../../src/housekeeping/sources/filesystem.js';
import { createGraphSource } from '../../../src/housekeeping/sources/graph/graph-source.js';
import { FakeGraph, type FakeGraphOptions } from './fake-graph.js';
import { fastTime } from './helpers.js';
import { generateTree, writeTree } from './tree.js';

jest.setTimeout(120_000);

/**
 * The key property of the two sources: the same tree, on disk and behind (the local) Microsoft Graph, gives
 * the same findings. Only the anonymous link is Graph's alone. Both use SharePoint's limits and no path
 * prefix, so path lengths are measured alike.
 */
const now = new Date(Date.UTC(2026, 10, 1));
const thresholds = { pathPrefixLength: 0 };
const key = (f: Finding) => `${f.rule}\u0000${f.path}\u0000${f.severity}\u0000${f.detail}\u0000${f.advice}`;
const sorted = (report: ScanReport, except: string[] = []) =>
  report.findings
    .filter((f) => !except.includes(f.rule))
    .map(key)
    .sort();

describe('the same tree on disk and on Graph', () => {
  const tree = generateTree({ seed: 41, files: 800, folders: 80, bigFolder: 5_001 });
  let dir: string;
  let disk: ScanReport;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'same-findings-'));
    await writeTree(tree, dir);
    disk = await runScan(filesystemSource(dir, { target: 'sharepoint' }), { now, thresholds });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds every planted problem on disk (the comparison is not between two empty lists)', () => {
    expect(disk.complete).toBe(true);
    const rules = new Set(disk.findings.map((f) => f.rule));
    for (const rule of [
      'path-too-long',
      'invalid-name',
      'deep-nesting',
      'large-folder',
      'empty-folder',
      'duplicate-file',
      'version-in-name',
      'generic-name',
      'stale-folder',
      'personal-data-in-name',
      'root-clutter',
      'temp-file',
    ] as const) {
      expect(rules).toContain(rule);
    }
  });

  const cases: [string, FakeGraphOptions][] = [
    ['a well-behaved Graph', {}],
    [
      'a Graph that throttles, drops connections, truncates pages, asks for a resync and lists children first',
      {
        shuffle: true,
        faults: {
          seed: 9,
          throttleRate: 0.1,
          dropRate: 0.03,
          malformedRate: 0.03,
          goneAt: [9],
          batchThrottleRate: 0.3,
        },
      },
    ],
  ];
  it.each(cases)('gives the same findings from %s', async (_name, options) => {
    const graph = new FakeGraph({ pageSize: 200, ...options });
    const url = await graph.start();
    try {
      graph.loadTree('d1', tree);
      const source = createGraphSource({
        baseUrl: url,
        token: async () => 'test-token',
        target: { drive: 'd1' },
        tenant: `same-${_name}`,
        ...fastTime,
      });
      const cloud = await runScan(source, { now, thresholds });
      expect(cloud.complete).toBe(true);
      expect(source.gaps).toEqual([]);
      expect({ files: cloud.stats.files, folders: cloud.stats.folders, bytes: cloud.stats.bytes }).toEqual({
        files: disk.stats.files,
        folders: disk.stats.folders,
        bytes: disk.stats.bytes,
      });
      expect(sorted(cloud, ['anonymous-link'])).toEqual(sorted(disk));
      // Graph alone sees sharing: the one "anyone" link, not the organisation link.
      expect(cloud.findings.filter((f) => f.rule === 'anonymous-link').map((f) => f.path)).toEqual([
        'Geplant/openbaar gedeeld.pdf',
      ]);
      expect(disk.findings.filter((f) => f.rule === 'anonymous-link')).toEqual([]);
      // Duplicates: the same groups, one finding each (three copies of the policy, not the two empty files).
      const dupes = (r: ScanReport) =>
        r.findings
          .filter((f) => f.rule === 'duplicate-file')
          .map((f) => `${f.path}: ${f.detail}`)
          .sort();
      expect(dupes(cloud)).toEqual(dupes(disk));
      expect(dupes(cloud)).toHaveLength(1);
      expect(dupes(cloud)[0]).toMatch(/\b3\b/);
    } finally {
      await graph.stop();
    }
  });
});
