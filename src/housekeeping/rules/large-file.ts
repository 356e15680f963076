import { formatBytes } from '../advice.js';
import type { Rule } from './rule.js';

export function largeFileRule(): Rule {
  return {
    id: 'large-file',
    severity: 'medium',
    category: 'technical',
    visit({ entry }, report, ctx) {
      if (entry.kind === 'file' && entry.size > ctx.thresholds.maxFileBytes) {
        report(entry.path, {
          size: formatBytes(entry.size, ctx.lang),
          limit: formatBytes(ctx.thresholds.maxFileBytes, ctx.lang),
        });
      }
    },
  };
}
