import type { Rule } from './rule.js';

/** Folders without children; the scanned root and folders that could not be read are never reported. */
export function emptyFolderRule(): Rule {
  return {
    id: 'empty-folder',
    severity: 'low',
    category: 'findability',
    folder(folder, report) {
      if (folder.depth > 0 && folder.readable && folder.children === 0) report(folder.path, {});
    },
  };
}
