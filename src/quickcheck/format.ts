import type { CheckTool, CheckVerdict, VerdictValue } from './verdict.js';
import type { Lang } from '../lang.js';

/** The verdict in one line, as every surface shows it first. */
export const verdictHeadline: Record<VerdictValue, Record<Lang, string>> = {
  prohibited: { nl: 'Nee, dit mag niet.', en: 'No, this is not allowed.' },
  consult: { nl: 'Eerst overleggen.', en: 'Consult first.' },
  conditional: { nl: 'Ja, onder voorwaarden.', en: 'Yes, under conditions.' },
  allowed: { nl: 'Ja, dit mag.', en: 'Yes, this is allowed.' },
};

const matchedWords = {
  nl: {
    on: { id: 'de id', name: 'de naam', alias: 'de alias' },
    line: (name: string, on: string, label: string) => `${name} uit het register, herkend aan ${on} '${label}'`,
  },
  en: {
    on: { id: 'its id', name: 'its name', alias: 'its alias' },
    line: (name: string, on: string, label: string) => `${name} from the register, recognised by ${on} '${label}'`,
  },
} as const;

/**
 * The tool a verdict is about, and why: "ChatGPT (gratis) uit het register, herkend aan de alias 'chatgpt'", or the
 * name with "niet in het register"; a verdict recorded before `matched` existed gives the name alone.
 */
export function toolLine(tool: CheckTool, lang: Lang): string {
  if (!tool.id) return `${tool.name} (${words[lang].notInRegister})`;
  if (!tool.matched) return tool.name;
  const w = matchedWords[lang];
  return w.line(tool.name, w.on[tool.matched.on], tool.matched.label);
}

const words = {
  nl: {
    tool: 'Tool',
    notInRegister: 'niet in het register',
    reasons: 'Waarom',
    consultWith: 'Overleg met',
    assessment: 'Beoordeling',
    conditions: 'Voorwaarden (afvinklijst)',
    advice: 'Advies',
    sources: 'Bronnen',
    version: 'Regels',
    register: 'register',
    vision: 'De AI-visie',
  },
  en: {
    tool: 'Tool',
    notInRegister: 'not in the register',
    reasons: 'Why',
    consultWith: 'Consult',
    assessment: 'Assessment',
    conditions: 'Conditions (checklist)',
    advice: 'Advice',
    sources: 'Sources',
    version: 'Rules',
    register: 'register',
    vision: 'The AI vision',
  },
};

/** The verdict as plain text for a terminal or a chat message: verdict first, then every reason with its sources. */
export function formatVerdict(verdict: CheckVerdict, lang: Lang = 'nl'): string {
  const w = words[lang];
  const lines = [
    verdictHeadline[verdict.verdict][lang],
    `${w.tool}: ${toolLine(verdict.tool, lang)}`,
    '',
    `${w.reasons}:`,
  ];
  for (const reason of verdict.reasons) {
    lines.push(`- ${reason.text}`);
    if (reason.consult)
      lines.push(`  ${w.consultWith}: ${reason.consult.who}. ${w.assessment}: ${reason.consult.assessment}.`);
    lines.push(
      `  ${w.sources}: ${reason.sources.map((s) => (s.kind === 'vision' ? `${s.title} (#${s.ref})` : s.title)).join('; ')}`,
    );
    const quote = reason.sources.find((s) => s.quote)?.quote;
    if (quote) lines.push(`  ${w.vision}: "${quote}"`);
  }
  if (verdict.conditions.length > 0) {
    lines.push('', `${w.conditions}:`);
    for (const c of verdict.conditions) lines.push(`[ ] ${c.text}`);
  }
  if (verdict.advice.length > 0) {
    lines.push('', `${w.advice}:`);
    for (const a of verdict.advice) lines.push(`- ${a.text}`);
  }
  lines.push('', `${w.version} ${verdict.rulesVersion}, ${w.register} ${verdict.registerVersion}`);
  return `${lines.join('\n')}\n`;
}
