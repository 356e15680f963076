import { isGenericFolderName } from './generic-name.js';
import type { Rule } from './rule.js';

/**
 * Version words as whole tokens: a letter or digit on either side makes it part of another word
 * ("Oudejaarsnacht", "Versiebeheer", "Finale" are not findings). "(1)" is the copy marker of Windows and
 * browsers; on a generic folder name ("Nieuwe map (2)") generic-name already covers it.
 */
const versionWord =
  /(?<![\p{L}\p{N}])(v\d+(?:\.\d+)*|versie[ _-]?\d+(?:\.\d+)*|concept|definitief|def|final|oud|old|backup|kopie|copy)(?![\p{L}\p{N}])|\(\d{1,3}\)/iu;
const extension = /\.[A-Za-z0-9]{1,5}$/;

export function versionWordIn(name: string, kind: 'file' | 'folder'): string | undefined {
  const stem = kind === 'file' ? name.replace(extension, '') : name;
  const match = versionWord.exec(stem);
  if (!match) return undefined;
  if (match[1] === undefined && kind === 'folder' && isGenericFolderName(name)) return undefined;
  return match[0];
}

export function versionInNameRule(): Rule {
  return {
    id: 'version-in-name',
    severity: 'low',
    category: 'findability',
    visit({ entry, name, temp }, report) {
      if (temp) return;
      const word = versionWordIn(name, entry.kind);
      if (word !== undefined) report(entry.path, { word });
    },
  };
}
