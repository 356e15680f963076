import type { Rule } from './rule.js';

/** Folders (the root included) with more direct children than the SharePoint list view threshold. */
export function largeFolderRule(): Rule {
  return {
    id: 'large-folder',
    severity: 'medium',
    category: 'technical',
    folder(folder, report, ctx) {
      const limit = ctx.thresholds.maxFolderChildren;
      if (folder.children > limit)
        report(folder.path, {
          count: folder.children.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB'),
          limit: limit.toLocaleString(ctx.lang === 'nl' ? 'nl-NL' : 'en-GB'),
        });
    },
  };
}
