import { pairedDifference, wilsonInterval } from './intervals.js';

describe('intervals of the evaluation figures', () => {
  it("Wilson's interval: around the share, inside 0..1, narrower with more questions", () => {
    const [lo, hi] = wilsonInterval(43, 55);
    expect(lo).toBeCloseTo(0.656, 3);
    expect(hi).toBeCloseTo(0.871, 3);
    const [lo2, hi2] = wilsonInterval(430, 550);
    expect(hi2 - lo2).toBeLessThan((hi - lo) / 2);
    expect(wilsonInterval(55, 55)[1]).toBeCloseTo(1, 10);
    expect(wilsonInterval(55, 55)[0]).toBeGreaterThan(0.9);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('a paired difference counts only the questions one side got and the other did not', () => {
    // 12 questions only the engine got, 3 only the baseline: 9 of 55 = 16.4 points.
    const { difference, interval } = pairedDifference(12, 3, 55);
    expect(difference).toBeCloseTo(0.1636, 4);
    expect(interval[0]).toBeCloseTo(0.0326, 3);
    expect(interval[1]).toBeCloseTo(0.2947, 3);
    expect(pairedDifference(0, 0, 55)).toEqual({ difference: 0, interval: [0, 0] });
  });
});
