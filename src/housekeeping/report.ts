/**
 * The shape of a scan's result, shared by the scan, the CLI, the API, the store and the tab.
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
}

/** Progress of a running scan, for a progress bar (CLI) or a job's status (API). */
export interface ScanProgress {
  items: number;
  requests: number;
  throttledSeconds: number;
}
