import { z } from 'zod';
import { ruleIds } from './report.js';

/** The limits the rules apply; every one can be changed with `--config <file>` (YAML or JSON). */
export interface Thresholds {
  /** Longest full path allowed per target: SharePoint/OneDrive counts the decoded path, a share MAX_PATH. */
  maxPathLength: { sharepoint: number; share: number };
  /**
   * Characters the location in front of the scanned root adds to each path. Unset: the root directory's own
   * length on a file system, 0 on Graph (a drive's paths start at its root).
   */
  pathPrefixLength?: number;
  /** Folders deeper than this are too deep (the root's children have depth 1). */
  maxDepth: number;
  /** Direct children a folder may have (the SharePoint list view threshold). */
  maxFolderChildren: number;
  /** A folder whose newest file is older than this many years is stale. */
  staleYears: number;
  /** Loose files allowed directly in the scanned root. */
  maxRootFiles: number;
  /** Files larger than this (bytes) are too large to sync or index well. */
  maxFileBytes: number;
  /** Per-folder scores are given for folders down to this depth. */
  folderScoreDepth: number;
  /** Rules not to run. */
  disabledRules: (typeof ruleIds)[number][];
}

export const defaultThresholds: Thresholds = {
  maxPathLength: { sharepoint: 400, share: 260 },
  maxDepth: 8,
  maxFolderChildren: 5000,
  staleYears: 5,
  maxRootFiles: 25,
  maxFileBytes: 15 * 1024 ** 3,
  folderScoreDepth: 2,
  disabledRules: [],
};

const count = z.number().int().min(0);
const positive = z.number().int().min(1);

/** A config file: every field optional, unknown fields refused (a typo should not silently do nothing). */
export const thresholdsFileSchema = z.strictObject({
  maxPathLength: z.strictObject({ sharepoint: positive.optional(), share: positive.optional() }).optional(),
  pathPrefixLength: count.optional(),
  maxDepth: positive.optional(),
  maxFolderChildren: positive.optional(),
  staleYears: z.number().positive().optional(),
  maxRootFiles: count.optional(),
  maxFileBytes: positive.optional(),
  folderScoreDepth: z.number().int().min(0).max(10).optional(),
  disabledRules: z.array(z.enum(ruleIds)).optional(),
});
export type ThresholdsFile = z.infer<typeof thresholdsFileSchema>;

/** The defaults with a (partial) override laid over them. */
export function mergeThresholds(override: ThresholdsFile | Partial<Thresholds> = {}): Thresholds {
  const { maxPathLength, ...rest } = override;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return {
    ...defaultThresholds,
    ...defined,
    maxPathLength: {
      ...defaultThresholds.maxPathLength,
      ...Object.fromEntries(Object.entries(maxPathLength ?? {}).filter(([, v]) => v !== undefined)),
    },
  };
}
