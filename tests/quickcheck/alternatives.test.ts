import type { CheckCase } from '../../src/quickcheck/index.js';
import { evaluateCase, loadQuickcheckContent, registerSchema } from '../../src/quickcheck/index.js';
import { alternativesFor } from '../../src/quickcheck/register.js';
import { baseCase } from './cases.js';

/**
 * Which alternative a verdict suggests (issue 15): only a contracted tool whose `tasks` include the case's task and
 * whose maxData allows the data; never one for a prohibited practice (AI Act art. 5), where no tool makes it allowed.
 */
const content = loadQuickcheckContent();
const today = new Date('2026-11-23T12:00:00Z');
const check = (changes: Partial<CheckCase>, lang: 'nl' | 'en' = 'nl') =>
  evaluateCase(content, content.register, { ...baseCase, ...changes }, { today, lang });
const reason = (r: ReturnType<typeof check>, ruleId: string) => r.reasons.find((x) => x.ruleId === ruleId)?.text;
const advice = (r: ReturnType<typeof check>, id: string) => r.advice.find((x) => x.id === id)?.text;

describe('alternatives a verdict suggests', () => {
  it('transcribing with free ChatGPT and personal data suggests tools that transcribe, not DeepL', () => {
    const r = check({ tool: 'chatgpt-free', task: 'transcribe', personalData: 'ordinary' });
    expect(r.verdict).toBe('prohibited');
    const text = reason(r, 'not-contracted-with-data')!;
    expect(text).toContain('Een tool die dit wel toestaat: Lokaal taalmodel (eigen server) of Microsoft 365 Copilot.');
    expect(text).not.toContain('DeepL');
  });

  it('emotion recognition at work suggests no tool at all: no tool makes a prohibited practice allowed', () => {
    for (const tool of ['chatgpt-free', 'mistral-le-chat-free', 'deepl-free', 'copilot-chat']) {
      const r = check({ tool, prohibitedPractice: 'emotion-recognition-workplace' });
      expect(r.verdict).toBe('prohibited');
      expect(reason(r, 'prohibited-practice')).toContain('met geen enkele tool');
      expect(r.advice.map((a) => a.id)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/contracted-alternative|sovereign-alternative/)]),
      );
      const everything = [...r.reasons.map((x) => x.text), ...r.advice.map((a) => a.text)].join('\n');
      expect(everything).not.toMatch(/alternatie/i);
      expect(everything).not.toMatch(/Microsoft 365 Copilot\b|DeepL Pro|Lokaal taalmodel/);
    }
  });

  it('a prohibited practice with personal data in an uncontracted tool says no tool allows it, in both languages', () => {
    const changes = { tool: 'chatgpt-free', prohibitedPractice: 'social-scoring', personalData: 'ordinary' } as const;
    expect(reason(check(changes), 'not-contracted-with-data')).toContain(
      'Een tool die dit wel toestaat: geen; een verboden AI-praktijk wordt met geen enkele tool toegestaan.',
    );
    expect(reason(check(changes, 'en'), 'not-contracted-with-data')).toContain(
      'A tool that does allow it: none; no tool makes a prohibited AI practice allowed.',
    );
  });

  it('translating with free DeepL still suggests DeepL Pro, which is meant for translating', () => {
    const r = check({ tool: 'deepl-free', task: 'translate' });
    expect(advice(r, 'contracted-alternative')).toBe(
      'Gecontracteerd alternatief: Lokaal taalmodel (eigen server) of DeepL Pro of Microsoft 365 Copilot.',
    );
  });

  it("a tool's maxData must allow the data: sensitive data leaves only the local model", () => {
    const r = check({ tool: 'm365-copilot', personalData: 'sensitive', task: 'summarize' });
    expect(reason(r, 'data-above-max')).toContain('Een tool die dit wel toestaat: Lokaal taalmodel (eigen server).');
    // Personal data in Copilot Chat (internal at most): the tools that summarise and allow personal data.
    const chat = check({ tool: 'copilot-chat', personalData: 'ordinary', task: 'summarize' });
    expect(reason(chat, 'data-above-max')).toContain(
      'Een tool die dit wel toestaat: Lokaal taalmodel (eigen server) of Microsoft 365 Copilot.',
    );
  });

  it('a task no contracted tool is meant for gets no tool, but the advice to ask the AI team', () => {
    const r = check({ tool: 'chatgpt-free', task: 'analysis-of-people', personalData: 'ordinary' });
    expect(reason(r, 'not-contracted-with-data')).toContain(
      'Een tool die dit wel toestaat: geen tool in het register; vraag het AI-team om een passende tool.',
    );
  });

  it('names the alternatives by their English names in an English verdict', () => {
    const r = check({ tool: 'chatgpt-free', task: 'transcribe', personalData: 'ordinary' }, 'en');
    expect(reason(r, 'not-contracted-with-data')).toContain(
      'A tool that does allow it: Local language model (own server) or Microsoft 365 Copilot.',
    );
    expect(r.tool.name).toBe('ChatGPT (free)');
  });

  it('an entry stored before `tasks` existed still loads, and is never suggested until its tasks are filled in', () => {
    const register = registerSchema.parse({
      version: 'oud-1',
      tools: [
        { id: 'oud', name: 'Oude tool', vendor: 'X', contracted: true, hosting: 'eu', maxData: 'sensitive' },
        {
          id: 'nieuw',
          name: 'Nieuwe tool',
          vendor: 'X',
          contracted: true,
          hosting: 'nl',
          maxData: 'personal',
          tasks: ['summarize'],
        },
      ],
    });
    expect(register.tools[0]!.tasks).toEqual([]);
    const names = (task: 'summarize' | 'code', dataClass: 'personal' | 'sensitive') =>
      alternativesFor(register, { task, dataClass }).map((t) => t.id);
    expect(names('summarize', 'personal')).toEqual(['nieuw']);
    expect(names('summarize', 'sensitive')).toEqual([]);
    expect(names('code', 'personal')).toEqual([]);
  });

  it('refuses a task that is not a task of the check', () => {
    const result = registerSchema.safeParse({
      version: 'x',
      tools: [
        {
          id: 'a',
          name: 'A',
          vendor: 'X',
          contracted: true,
          hosting: 'eu',
          maxData: 'none',
          tasks: ['poems'],
        },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['tools', 0, 'tasks', 0]);
  });
});
