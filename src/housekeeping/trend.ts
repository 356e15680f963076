import { ruleIds, type Label, type RuleId, type ScanReport, type ScanTrend } from './report.js';

/** What a trend needs of an earlier scan. */
export interface ScanSummary {
  id: string;
  finishedAt: string;
  score: number;
  label: Label;
  ruleCounts: Partial<Record<RuleId, number>>;
}

/** Findings per rule of a report (older reports may lack ruleCounts). */
export function ruleCountsOf(report: Pick<ScanReport, 'findings' | 'ruleCounts'>): Record<RuleId, number> {
  const counts = Object.fromEntries(ruleIds.map((r) => [r, 0])) as Record<RuleId, number>;
  if (report.ruleCounts) {
    for (const r of ruleIds) counts[r] = report.ruleCounts[r] ?? 0;
    return counts;
  }
  for (const f of report.findings) counts[f.rule]++;
  return counts;
}

/** The change from an earlier scan to this one: score and findings per rule. */
export function computeTrend(
  current: Pick<ScanReport, 'score' | 'findings' | 'ruleCounts'>,
  previous: ScanSummary,
): ScanTrend {
  const now = ruleCountsOf(current);
  const rules = ruleIds
    .map((rule) => ({
      rule,
      before: previous.ruleCounts[rule] ?? 0,
      now: now[rule],
      delta: now[rule] - (previous.ruleCounts[rule] ?? 0),
    }))
    .filter((r) => r.before > 0 || r.now > 0);
  return {
    previousId: previous.id,
    previousFinishedAt: previous.finishedAt,
    previousScore: previous.score,
    previousLabel: previous.label,
    scoreDelta: current.score - previous.score,
    rules,
  };
}
