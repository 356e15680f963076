import type { Rule } from './rule.js';

// Whole names only, optionally numbered ("Nieuwe map (2)", "Map1", "New folder 3").
const genericFolder =
  /^(?:nieuwe map|new folder|naamloze map|untitled folder|diversen|overig|overige|algemeen|temp|tmp|tijdelijk|test|map|misc|miscellaneous)(?:\s*\(\d+\)|\s*\d+)?$/i;

export function isGenericFolderName(name: string): boolean {
  return genericFolder.test(name.trim());
}

export function genericNameRule(): Rule {
  return {
    id: 'generic-name',
    severity: 'low',
    category: 'findability',
    visit({ entry, name }, report) {
      if (entry.kind === 'folder' && isGenericFolderName(name)) report(entry.path, { name });
    },
  };
}
