import type { Rule } from './rule.js';

const yearMs = 365.25 * 24 * 3600 * 1000;

/**
 * Folders whose newest file (anywhere below) is older than the limit. Only the topmost stale folder of a
 * branch: its parent is the root, or holds a newer file elsewhere. Folders without files are not stale
 * (empty-folder covers them), nor are folders with an unreadable part (its newest file is unknown).
 */
export function staleFolderRule(): Rule {
  return {
    id: 'stale-folder',
    severity: 'medium',
    category: 'findability',
    folder(folder, report, ctx) {
      if (folder.depth === 0 || folder.newestFile === 0 || !folder.subtreeComplete) return;
      const cutoff = ctx.now - ctx.thresholds.staleYears * yearMs;
      if (folder.newestFile >= cutoff) return;
      if (folder.depth > 1 && folder.parentNewestFile < cutoff) return;
      report(folder.path, {
        newest: new Date(folder.newestFile).toISOString().slice(0, 10),
        years: ctx.thresholds.staleYears,
      });
    },
  };
}
