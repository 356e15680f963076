import type { Label, RuleId, ScoreCategory, ScoreSummary, Severity } from './report.js';
import { ruleIds, scoreCategories } from './report.js';
import { ruleMeta } from './rules/index.js';

/**
 * The score, like the Dutch energy label.
 *
 *   share(r)   = min(1, affected items of rule r / items scanned)        (files + folders, the root excluded)
 *   penalty(r) = weight(severity of r) * sqrt(share(r))                   weights: high 0.6, medium 0.35, low 0.15
 *   sub-score  = 100 * product over the category's rules of (1 - penalty(r))
 *   score      = 100 * product over all rules of (1 - penalty(r))         (= the sub-scores multiplied, scaled)
 *
 * Why so: the share makes one bad file in a million weigh little and a problem everywhere weigh fully; the
 * square root lets the first percent count (1% affected already costs a tenth of the rule's weight); the
 * product keeps every score within 0..100 and makes each rule's findings lower it, never raise it (for
 * the same items). A problem in any category lowers the overall score.
 *
 * Label: A >= 90, B >= 80, C >= 70, D >= 55, E >= 40, F >= 25, G below. Any personal data in a name or
 * any anonymous link caps the result at D: the score is held at 69 at most, so score and label agree.
 */
export const severityWeight: Record<Severity, number> = { high: 0.6, medium: 0.35, low: 0.15 };
const bands: [number, Label][] = [
  [90, 'A'],
  [80, 'B'],
  [70, 'C'],
  [55, 'D'],
  [40, 'E'],
  [25, 'F'],
];
export const cappedMaximum = 69;
const capRules: RuleId[] = ['personal-data-in-name', 'anonymous-link'];

export function labelOf(score: number): Label {
  for (const [min, label] of bands) if (score >= min) return label;
  return 'G';
}

/** Scores a set of counts: affected items per rule out of the items scanned. */
export function computeScore(affected: Partial<Record<RuleId, number>>, items: number): ScoreSummary {
  const total = Math.max(1, items);
  const factor: Record<ScoreCategory, number> = { technical: 1, findability: 1, privacy: 1 };
  for (const rule of ruleIds) {
    const count = affected[rule] ?? 0;
    if (count <= 0) continue;
    const { severity, category } = ruleMeta[rule];
    const share = Math.min(1, count / total);
    factor[category] *= 1 - severityWeight[severity] * Math.sqrt(share);
  }
  const subScores = Object.fromEntries(scoreCategories.map((c) => [c, Math.round(100 * factor[c])])) as Record<
    ScoreCategory,
    number
  >;
  let score = Math.round(100 * factor.technical * factor.findability * factor.privacy);
  const capped = capRules.some((r) => (affected[r] ?? 0) > 0) && score > cappedMaximum;
  if (capped) score = cappedMaximum;
  return { score, label: labelOf(score), subScores, capped };
}
