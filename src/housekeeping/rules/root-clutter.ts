import type { Rule } from './rule.js';

/** Too many loose files directly in the scanned root: one finding at path '', weighing as many items. */
export function rootClutterRule(): Rule {
  return {
    id: 'root-clutter',
    severity: 'medium',
    category: 'findability',
    folder(folder, report, ctx) {
      if (folder.depth === 0 && folder.files > ctx.thresholds.maxRootFiles) {
        report('', { count: folder.files, limit: ctx.thresholds.maxRootFiles }, folder.files);
      }
    },
  };
}
