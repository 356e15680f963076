import type { Rule } from './rule.js';

/**
 * Folders deeper than the limit. Only the topmost too-deep folder of each branch: that is exactly a
 * folder one level past the limit, so the rule needs no memory of the tree.
 */
export function deepNestingRule(): Rule {
  return {
    id: 'deep-nesting',
    severity: 'medium',
    category: 'findability',
    visit({ entry, depth }, report, ctx) {
      if (entry.kind === 'folder' && depth === ctx.thresholds.maxDepth + 1)
        report(entry.path, { depth, limit: ctx.thresholds.maxDepth });
    },
  };
}
