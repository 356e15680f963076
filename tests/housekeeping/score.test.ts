import { ruleIds, type RuleId } from '../../src/housekeeping/report.js';
import { cappedMaximum, computeScore, labelOf } from '../../src/housekeeping/score.js';
import { runScan } from '../../src/housekeeping/scan.js';
import { memorySource } from './memory-source.js';

const now = new Date(Date.UTC(2026, 10, 23));

/** A small deterministic generator, so the property checks are reproducible. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('score and label', () => {
  it('gives a clean tree 100 and A, in every sub-score', () => {
    expect(computeScore({}, 1000)).toEqual({
      score: 100,
      label: 'A',
      subScores: { technical: 100, findability: 100, privacy: 100 },
      capped: false,
    });
  });

  it('bands labels like the energy label', () => {
    expect([95, 90, 89, 80, 75, 69, 55, 54, 40, 30, 24, 0].map(labelOf)).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'D',
      'D',
      'E',
      'E',
      'F',
      'G',
      'G',
    ]);
  });

  it('never rises when findings are added, for random sets of findings (same items)', () => {
    const next = random(42);
    for (let trial = 0; trial < 500; trial++) {
      const items = 10 + Math.floor(next() * 1000);
      const counts: Partial<Record<RuleId, number>> = {};
      for (const r of ruleIds) if (next() < 0.4) counts[r] = Math.floor(next() * items);
      const before = computeScore(counts, items);
      const rule = ruleIds[Math.floor(next() * ruleIds.length)]!;
      const more = { ...counts, [rule]: (counts[rule] ?? 0) + 1 + Math.floor(next() * 10) };
      const after = computeScore(more, items);
      expect(after.score).toBeLessThanOrEqual(before.score);
      for (const c of ['technical', 'findability', 'privacy'] as const)
        expect(after.subScores[c]).toBeLessThanOrEqual(before.subScores[c]);
      expect(after.score).toBeGreaterThanOrEqual(0);
    }
  });

  it('weighs by the share of items affected and by severity', () => {
    expect(computeScore({ 'empty-folder': 1 }, 1000).score).toBeGreaterThan(
      computeScore({ 'empty-folder': 100 }, 1000).score,
    );
    expect(computeScore({ 'empty-folder': 50 }, 1000).score).toBeGreaterThan(
      computeScore({ 'invalid-name': 50 }, 1000).score,
    );
    expect(computeScore({ 'invalid-name': 50 }, 1000).subScores).toMatchObject({ findability: 100, privacy: 100 });
  });

  it('caps the label at D for any personal data in a name or any anonymous link, however small the share', () => {
    for (const rule of ['personal-data-in-name', 'anonymous-link'] as const) {
      const result = computeScore({ [rule]: 1 }, 1_000_000);
      expect(computeScore({ [rule]: 1 }, 1000).subScores.privacy).toBeLessThan(100);
      expect(result.score).toBe(cappedMaximum);
      expect(result.label).toBe('D');
      expect(result.capped).toBe(true);
    }
    // Already below the cap: the cap changes nothing.
    const low = computeScore({ 'personal-data-in-name': 500, 'duplicate-file': 900 }, 1000);
    expect(low.score).toBeLessThan(cappedMaximum);
    expect(low.capped).toBe(false);
  });

  it('scores folders on their own subtree, and applies the cap per folder', async () => {
    const report = await runScan(
      memorySource([
        'schoon/a.docx',
        'schoon/b.docx',
        'rommelig/Nieuwe map/',
        'rommelig/Temp/',
        'rommelig/Brief 111222333.docx',
        'rommelig/x.docx',
      ]),
      { now },
    );
    const byPath = Object.fromEntries(report.folders!.map((f) => [f.path, f]));
    expect(byPath['schoon']).toMatchObject({ score: 100, label: 'A', findings: 0, items: 3 });
    expect(byPath['rommelig']!.score).toBeLessThanOrEqual(cappedMaximum);
    expect(byPath['rommelig']!.label).toBe('D');
    expect(byPath['rommelig/Nieuwe map']!.findings).toBe(2); // generic and empty
    expect(byPath['rommelig']!.findings).toBe(5);
    expect(Object.keys(byPath).some((p) => p.includes('111222333'))).toBe(false);
    expect(report.label > 'C').toBe(true);
  });
});
