/**
 * How sure a figure of the evaluation is: the evaluation sets are small (55 in-scope questions in the test half), so
 * one question is almost two points. 95% intervals, so that a figure is read with its uncertainty.
 */
const z = 1.96;

/** Wilson's score interval for a share of successes out of n (better than the normal one near 0 or 1). */
export function wilsonInterval(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The difference of two shares measured on the same n questions (engine and baseline), with its interval from the
 * discordant pairs: onlyA questions that only A got right, onlyB those that only B got right.
 */
export function pairedDifference(
  onlyA: number,
  onlyB: number,
  n: number,
): { difference: number; interval: [number, number] } {
  if (n === 0) return { difference: 0, interval: [0, 0] };
  const difference = (onlyA - onlyB) / n;
  const se = Math.sqrt(Math.max(0, onlyA + onlyB - (onlyA - onlyB) ** 2 / n)) / n;
  return { difference, interval: [difference - z * se, difference + z * se] };
}
