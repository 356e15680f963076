import type { Entry } from '../source.js';
import type { Thresholds } from '../thresholds.js';
import type { RuleId, ScoreCategory, Severity } from '../report.js';
import type { Lang } from '../../lang.js';

/** One entry as the rules see it: the names and depth are worked out once, not by every rule. */
export interface EntryView {
  entry: Entry;
  /** The last path segment. */
  name: string;
  /** Segments in the path: the root's children have depth 1. */
  depth: number;
  /** The parent folder's path ('' for the root's children). */
  parent: string;
  /** A temporary or system file (temp-file): other name rules leave it alone. */
  temp: boolean;
}

/** A folder after the walk, with what the scan aggregated for it. */
export interface FolderFacts {
  path: string;
  depth: number;
  /** Direct children seen (or reported by the source, when more). */
  children: number;
  /** Files directly in it. */
  files: number;
  /** Newest modification of any file in its subtree (ms), 0 when it holds no files. */
  newestFile: number;
  /** The same for its parent (the root included). */
  parentNewestFile: number;
  /** False when the folder itself could not be read (its children are unknown). */
  readable: boolean;
  /** False when some folder in its subtree could not be read (its newest file is unknown). */
  subtreeComplete: boolean;
}

export interface RuleContext {
  readonly thresholds: Thresholds;
  readonly target: 'sharepoint' | 'share';
  /** Characters in front of every relative path (the root's own location). */
  readonly pathPrefixLength: number;
  /** "Now" for staleness, ms since the epoch. */
  readonly now: number;
  readonly lang: Lang;
  /** A localised term from the advice file, placeholders filled. */
  term(name: string, params?: Record<string, string | number>): string;
  /** The content hash of a file (sources without a free hash). */
  readonly hash?: (path: string) => Promise<string>;
  /** A fingerprint of a large file's first and last 4 kB (file system), to skip reading most non-duplicates. */
  readonly sample?: (path: string) => Promise<string>;
  /** A file whose content could not be read for comparison (makes the scan incomplete). */
  gap(path: string, reason: string): void;
  readonly signal?: AbortSignal;
}

/**
 * Reports a finding of the rule at a path (unmasked: the scan masks). `affected` items count for the score. A
 * finding about several items (the copies of a duplicate) names them in `members`: each counts for the score of
 * the folder it is in, not only the folder of `path`.
 */
export type Report = (
  path: string,
  params: Record<string, string | number>,
  affected?: number,
  members?: readonly string[],
) => void;

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  readonly category: ScoreCategory;
  /** Every entry except the root, once, in the order the source yields them. */
  visit?(item: EntryView, report: Report, ctx: RuleContext): void;
  /** Every folder after the walk, the root included (path '', depth 0). */
  folder?(folder: FolderFacts, report: Report, ctx: RuleContext): void;
  /** Once at the end (for rules that compare entries). */
  finish?(report: Report, ctx: RuleContext): Promise<void>;
}
