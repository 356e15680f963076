import type { Rule } from './rule.js';

// LibreOffice's lock file of an open document is .~lock.<name>#.
const tempName = /^~\$|^\.~lock\..+#$|\.tmp$|^thumbs\.db$|^\.ds_store$|^desktop\.ini$/i;

/** Office owner files (~$...), LibreOffice lock files, *.tmp and the system files Windows and macOS leave behind. */
export function isTempName(name: string): boolean {
  return tempName.test(name);
}

export function tempFileRule(): Rule {
  return {
    id: 'temp-file',
    severity: 'low',
    category: 'findability',
    visit({ entry, name, temp }, report) {
      if (temp && entry.kind === 'file') report(entry.path, { name });
    },
  };
}
