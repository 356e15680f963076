import { evaluate, validation2QuestionsPath, validation3QuestionsPath } from './evaluate.js';

/**
 * The targets on the held-out halves (never tuned on); behaviour, not timing.
 * Hit@1: the issue asks for 0.90 and for 20 points above the lunr baseline. Neither is met: on the test half 0.782
 * (baseline 0.618), on the second validation set, written later by another hand, 0.860 (baseline 0.805), and on
 * the third, written after that without the questions the content already held, 0.829 (baseline 0.813), all
 * measured in November 2026 after seven alternate questions that were near-copies of held-out questions had been
 * taken out of the content (tests/vision/eval/content.test.ts now guards that) and example questions had been added.
 * This asserts the figures reached, rounded down to 0.05, and the targets that are met: exact quotes and at most 5%
 * answered out-of-scope questions. Raise the floors as the engine improves.
 */
const heldOut = [
  { name: 'evaluation set, test half', path: undefined, hit1Reached: 0.75 },
  { name: 'second validation set', path: validation2QuestionsPath, hit1Reached: 0.85 },
  { name: 'third validation set', path: validation3QuestionsPath, hit1Reached: 0.8 },
];

describe.each(heldOut)('held-out questions: $name', ({ path, hit1Reached }) => {
  it('quotes only exact text, keeps out-of-scope false answers at or below 5% and holds the Hit@1 reached', async () => {
    const { splits } = await evaluate(['test'], undefined, path);
    const { engine, baseline } = splits.test;
    expect(engine.quotes).toBeGreaterThan(0);
    expect(engine.quoteFidelity).toBe(1);
    expect(engine.falseAnswerRate).toBeLessThanOrEqual(0.05);
    expect(engine.hit1).toBeGreaterThanOrEqual(hit1Reached);
    // The baseline answers everything; the engine must not do worse at ranking.
    expect(engine.hit1).toBeGreaterThanOrEqual(baseline.hit1);
  });
});
