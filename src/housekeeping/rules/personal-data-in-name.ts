import { findPersonalData, maskValue } from '../personal-data.js';
import type { Rule } from './rule.js';

/** A BSN (11-proef), a Dutch IBAN (mod 97) or an e-mail address in a name; the detail shows it masked. */
export function personalDataInNameRule(): Rule {
  return {
    id: 'personal-data-in-name',
    severity: 'high',
    category: 'privacy',
    visit({ entry, name }, report, ctx) {
      const found = findPersonalData(name);
      if (found.length === 0) return;
      const kinds = [...new Set(found.map((f) => ctx.term(f.kind)))];
      report(entry.path, { kind: kinds.join(` ${ctx.term('and')} `), masked: found.map(maskValue).join(', ') });
    },
  };
}
