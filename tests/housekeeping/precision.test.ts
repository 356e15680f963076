import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleIds } from '../../src/housekeeping/report.js';
import { runScan } from '../../src/housekeeping/scan.js';
import type { Source } from '../../src/housekeeping/source.js';
import { filesystemSource } from '../../src/housekeeping/sources/filesystem.js';
import { generatePlantedTree, type PlantedTree } from './planted.js';

/** The file-system source, with "anyone" links marked as Graph would report them. */
export function withAnonymousLinks(source: Source, paths: Set<string>): Source {
  return Object.assign(Object.create(source) as Source, {
    async *entries(signal?: AbortSignal) {
      for await (const batch of source.entries(signal))
        yield batch.map((e) => (paths.has(e.path) ? { ...e, anonymousLink: true } : e));
    },
  });
}

describe('rules on a generated tree with planted problems', () => {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'hk-planted-'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.each([1, 2])('finds every planted problem and nothing else (seed %i)', async (seed) => {
    const tree: PlantedTree = generatePlantedTree(join(base, `t${seed}`), seed, { scale: 1, clutter: seed === 1 });
    const report = await runScan(withAnonymousLinks(filesystemSource(tree.root), tree.anonymous), { now: tree.now });
    expect(report.complete).toBe(true);
    for (const rule of ruleIds) {
      const found = report.findings
        .filter((f) => f.rule === rule)
        .map((f) => f.path)
        .sort();
      // Paths with personal data are masked in findings; compare the masked forms.
      const expected = [...(tree.expected.get(rule) ?? [])]
        .map((p) =>
          p
            .replace(/Besluit \d{6}(\d{3})/, 'Besluit ******$1')
            .replace(/NL\d\d([A-Z]{4})\d{6}(\d{4})/, 'NL**$1******$2')
            .replace(/medewerker\d+@/, 'm***@')
            .replace(/(?:06-?|\+31 6 )\d{2,4} ?\d{2,4}(\d\d)\./, '06-******$1.')
            .replace(/050-\d{5}(\d\d)\./, '050-*****$1.'),
        )
        .sort();
      expect({ rule, found }).toEqual({ rule, found: expected });
    }
  });
});
