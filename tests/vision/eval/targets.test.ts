import { evaluate } from './evaluate.js';

/** The targets on the test half (never tuned on); behaviour, not timing. */
describe('evaluation on the test half', () => {
  it('quotes only exact text and keeps out-of-scope false answers at or below 5%', async () => {
    const { splits } = await evaluate(['test']);
    const { engine, baseline } = splits.test;
    expect(engine.quotes).toBeGreaterThan(0);
    expect(engine.quoteFidelity).toBe(1);
    expect(engine.falseAnswerRate).toBeLessThanOrEqual(0.05);
    // The baseline answers everything; the engine must not do worse at ranking.
    expect(engine.hit1).toBeGreaterThanOrEqual(baseline.hit1);
  });
});
