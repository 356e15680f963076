import type { Rule } from './rule.js';

/** Items shared with an "anyone" link (only Graph knows; the file system never sets it). */
export function anonymousLinkRule(): Rule {
  return {
    id: 'anonymous-link',
    severity: 'high',
    category: 'privacy',
    visit({ entry }, report) {
      if (entry.anonymousLink === true) report(entry.path, {});
    },
  };
}
