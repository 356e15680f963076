import type { Rule } from './rule.js';

/** The full path (the root's location plus the relative path) against the target's limit. */
export function pathTooLongRule(): Rule {
  return {
    id: 'path-too-long',
    severity: 'high',
    category: 'technical',
    visit({ entry }, report, ctx) {
      const limit = ctx.thresholds.maxPathLength[ctx.target];
      const length = ctx.pathPrefixLength + (ctx.pathPrefixLength > 0 ? 1 : 0) + entry.path.length;
      if (length > limit) report(entry.path, { length, limit, target: ctx.term(ctx.target) });
    },
  };
}
