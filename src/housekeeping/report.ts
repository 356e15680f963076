import type { Lang } from '../lang.js';

/**
 * The shape of a scan's result, shared by the scan, the CLI, the API and the store.
 * (The zod schema of the same shape, for uploads and the API, lives in src/api/scans.ts.)
 */
export const ruleIds = [
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
  'anonymous-link',
  'root-clutter',
  'temp-file',
  'large-file',
] as const;
export type RuleId = (typeof ruleIds)[number];

export type Severity = 'high' | 'medium' | 'low';
export type Label = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Relative to the scanned root, '/' separators, no leading slash, '' for the root; personal data masked. */
  path: string;
  detail: string;
  advice: string;
  /** When to act on it (follows the severity): urgent, within a year, desirable. */
  group?: AdviceGroup;
}

/** The triage of Dutch clean-up programmes: urgent / within a year / desirable. */
export const adviceGroups = ['urgent', 'within-a-year', 'desirable'] as const;
export type AdviceGroup = (typeof adviceGroups)[number];

/** The three sub-scores: technical limits; findability and AI readiness; access and privacy. */
export const scoreCategories = ['technical', 'findability', 'privacy'] as const;
export type ScoreCategory = (typeof scoreCategories)[number];

export interface ScoreSummary {
  score: number;
  label: Label;
  subScores: Record<ScoreCategory, number>;
  /** True when personal data in names or an anonymous link lowered the score to the cap (label D). */
  capped: boolean;
}

/** The score of one folder's subtree (the folders down to the configured depth). */
export interface FolderScore extends ScoreSummary {
  path: string;
  items: number;
  findings: number;
  /** False when a part of this subtree could not be read: the score is of what was read (absent when whole). */
  complete?: boolean;
}

/** One line of the advice summary: a rule, how often it was found and what to do. */
export interface AdviceLine {
  rule: RuleId;
  title: string;
  count: number;
  advice: string;
}

/** Change against the previous scan of the same source. */
export interface ScanTrend {
  previousId: string;
  previousFinishedAt: string;
  previousScore: number;
  previousLabel: Label;
  scoreDelta: number;
  /** Per rule: findings then and now (only rules present in either scan). */
  rules: { rule: RuleId; before: number; now: number; delta: number }[];
}

export interface ScanStats {
  files: number;
  folders: number;
  bytes: number;
  graphRequests: number;
}

export interface ScanReport {
  source: 'filesystem' | 'graph';
  root: string;
  complete: boolean;
  /** Why the scan is not complete (unreadable folders, throttling budget, cancelled); absent when complete. */
  incompleteReason?: string;
  startedAt: string;
  finishedAt: string;
  stats: ScanStats;
  score: number;
  label: Label;
  findings: Finding[];
  /** Extensions (optional, so uploads from older agents still validate). */
  subScores?: Record<ScoreCategory, number>;
  capped?: boolean;
  /** Findings per rule (all rule ids, zeros included). */
  ruleCounts?: Partial<Record<RuleId, number>>;
  folders?: FolderScore[];
  advice?: Record<AdviceGroup, AdviceLine[]>;
  /** What could not be read (paths masked). */
  gaps?: { path: string; reason: string }[];
  lang?: Lang;
  /** Version of the rules and advice texts that produced this report. */
  rulesVersion?: string;
  target?: 'sharepoint' | 'share';
  trend?: ScanTrend;
}

/**
 * A scan that read nothing: its root (or every part of it) could not be read, or it was cancelled first. It has no
 * findings, no score and no label, only why; the surfaces show it as not read and never store it as a result.
 */
export interface UnreadScan {
  source: 'filesystem' | 'graph';
  root: string;
  complete: false;
  read: false;
  /** Why nothing was read, in the scan's language: "De map kon niet worden gelezen: geen toegang." */
  incompleteReason: string;
  startedAt: string;
  finishedAt: string;
  stats: ScanStats;
  /** What could not be read (paths masked, reasons in the scan's language). */
  gaps: { path: string; reason: string }[];
  lang: Lang;
  rulesVersion: string;
  target: 'sharepoint' | 'share';
}

/** What a scan ends as: a report of what it read, or nothing read. */
export type ScanResult = ScanReport | UnreadScan;

export function isUnread(result: ScanResult): result is UnreadScan {
  return (result as Partial<UnreadScan>).read === false;
}

/** Progress of a running scan, for a progress bar (CLI) or a job's status (API). */
export interface ScanProgress {
  items: number;
  requests: number;
  throttledSeconds: number;
  /** Files and folders seen so far (absent in progress stored by older versions). */
  files?: number;
  folders?: number;
}
