import type { Rule } from './rule.js';

/** Folders without children; the scanned root itself is never reported. */
export function emptyFolderRule(): Rule {
  return {
    id: 'empty-folder',
    severity: 'low',
    category: 'findability',
    folder(folder, report) {
      if (folder.depth > 0 && folder.children === 0) report(folder.path, {});
    },
  };
}
