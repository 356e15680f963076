import type { Rule, RuleContext } from './rule.js';

const invalidChar = /["*:<>?\\|]/;
const reserved = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.[^.]*)?$/i;

/** Why a name cannot go to SharePoint/OneDrive or Windows; empty when it can. */
export function invalidNameReasons(name: string, ctx: Pick<RuleContext, 'term'>): string[] {
  const reasons: string[] = [];
  const char = invalidChar.exec(name);
  if (char) reasons.push(ctx.term('invalid-char', { char: char[0] }));
  if (name.startsWith(' ')) reasons.push(ctx.term('leading-space'));
  if (name.endsWith(' ')) reasons.push(ctx.term('trailing-space'));
  if (name.endsWith('.')) reasons.push(ctx.term('trailing-period'));
  if (reserved.test(name) || name.toLowerCase() === '.lock')
    reasons.push(ctx.term('reserved-name', { reserved: name.split('.')[0] || '.lock' }));
  if (name.toLowerCase().includes('_vti_')) reasons.push(ctx.term('vti'));
  return reasons;
}

export function invalidNameRule(): Rule {
  return {
    id: 'invalid-name',
    severity: 'high',
    category: 'technical',
    visit({ entry, name, temp }, report, ctx) {
      if (temp) return;
      const reasons = invalidNameReasons(name, ctx);
      if (reasons.length > 0) report(entry.path, { reason: reasons.join(', ') });
    },
  };
}
