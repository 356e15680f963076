import type { CheckCase } from '../../src/quickcheck/index.js';
import {
  AmbiguousToolError,
  evaluateCase,
  formatVerdict,
  loadQuickcheckContent,
  matchTool,
} from '../../src/quickcheck/index.js';
import { contactText } from '../../src/quickcheck/evaluate.js';
import { registeredToolsIn } from '../../src/quickcheck/tool-names.js';
import { baseCase } from './cases.js';

/** Which register entry a verdict is about, and why (issue 15): what matched, and a name that fits several asks. */
const content = loadQuickcheckContent();
const register = content.register;
const check = (changes: Partial<CheckCase>, lang: 'nl' | 'en' = 'nl', contact?: string) =>
  evaluateCase(content, register, { ...baseCase, ...changes }, { lang, ...(contact ? { contact } : {}) });
const idsOf = (m: ReturnType<typeof matchTool>) =>
  m.kind === 'registered' ? [m.tool.id] : m.kind === 'ambiguous' ? m.candidates.map((t) => t.id) : [];

describe('the register entry a check uses', () => {
  it('matches on the id, the name (Dutch or English) or an alias, and says which', () => {
    expect(matchTool(register, 'chatgpt-free')).toMatchObject({ matched: { on: 'id', label: 'chatgpt-free' } });
    expect(matchTool(register, 'ChatGPT (gratis)')).toMatchObject({
      matched: { on: 'name', label: 'ChatGPT (gratis)' },
    });
    expect(matchTool(register, 'deepl translator (FREE)')).toMatchObject({
      tool: { id: 'deepl-free' },
      matched: { on: 'name', label: 'DeepL Translator (free)' },
    });
    expect(matchTool(register, 'Chat-GPT')).toMatchObject({ matched: { on: 'alias', label: 'chat-gpt' } });
    expect(matchTool(register, 'Chat GPT')).toMatchObject({ matched: { on: 'alias', label: 'chat gpt' } });
    expect(matchTool(register, 'Microsoft 365 Copilot')).toMatchObject({ tool: { id: 'm365-copilot' } });
    expect(matchTool(register, 'Perplexity')).toEqual({ kind: 'unregistered', name: 'Perplexity' });
  });

  it('finds a name that fits several entries ambiguous, exactly as the front door does with a sentence', () => {
    expect(idsOf(matchTool(register, 'copilot'))).toEqual(['m365-copilot', 'copilot-chat', 'github-copilot-free']);
    expect(idsOf(matchTool(register, 'DeepL'))).toEqual(['deepl-free', 'deepl-pro']);
    for (const name of [
      'copilot',
      'DeepL',
      'chatgpt',
      'deepl pro',
      'github copilot',
      'copilot in word',
      'lokaal model',
    ]) {
      const inSentence = registeredToolsIn(`mag ik ${name} gebruiken`, register)!;
      const match = matchTool(register, name);
      expect(match.kind).toBe(inSentence.kind);
      expect(idsOf(match)).toEqual(
        inSentence.kind === 'ambiguous'
          ? inSentence.candidates.map((t) => t.id)
          : [(inSentence as { tool: { id: string } }).tool.id],
      );
    }
  });

  it('does not judge a case whose tool fits several entries: it never picks one for the person', () => {
    expect(() => check({ tool: 'copilot' })).toThrow(AmbiguousToolError);
    try {
      check({ tool: 'Copilot' });
    } catch (error) {
      expect((error as AmbiguousToolError).candidates.map((t) => t.id)).toHaveLength(3);
    }
  });

  it('names the entry and why in the verdict and in its text', () => {
    const r = check({ tool: 'ChatGPT' });
    expect(r.tool).toEqual({
      id: 'chatgpt-free',
      name: 'ChatGPT (gratis)',
      matched: { on: 'alias', label: 'chatgpt' },
    });
    expect(formatVerdict(r)).toContain("Tool: ChatGPT (gratis) uit het register, herkend aan de alias 'chatgpt'");
    const en = check({ tool: 'chatgpt-free' }, 'en');
    expect(en.tool.name).toBe('ChatGPT (free)');
    expect(formatVerdict(en, 'en')).toContain(
      "Tool: ChatGPT (free) from the register, recognised by its id 'chatgpt-free'",
    );
    expect(formatVerdict(check({ tool: 'Perplexity' }))).toContain('Tool: Perplexity (niet in het register)');
  });
});

describe('the contact a verdict names', () => {
  it('never nests parentheses, and says the default team in English in an English verdict', () => {
    const contact = 'het AI- en privacyteam (privacy@groningen.nl)';
    expect(contactText(contact, 'nl')).toBe('het AI- en privacyteam, privacy@groningen.nl');
    expect(contactText(contact, 'en')).toBe('the AI and privacy team, privacy@groningen.nl');
    expect(contactText('Team Privacy (t.privacy@groningen.nl)', 'en')).toBe('Team Privacy, t.privacy@groningen.nl');
    expect(contactText('privacy@groningen.nl', 'nl')).toBe('privacy@groningen.nl');
    expect(contactText(undefined, 'en')).toBe('the AI and privacy team');
    for (const lang of ['nl', 'en'] as const) {
      const r = check({ tool: 'Perplexity', personalData: 'unknown' }, lang, contact);
      const who = r.reasons.flatMap((x) => (x.consult ? [x.consult.who] : []));
      expect(who.length).toBeGreaterThan(0);
      for (const line of who) expect(line).not.toMatch(/\([^)]*\(/);
      expect(who.join(' ')).toContain(lang === 'nl' ? 'het AI- en privacyteam' : 'the AI and privacy team');
    }
  });
});
