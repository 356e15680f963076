import type { CheckCase } from '../../src/quickcheck/index.js';
import { evaluateCase, loadQuickcheckContent } from '../../src/quickcheck/index.js';
import { baseCase } from './cases.js';

/** The example scenarios of issue 4, one named test each. */
const content = loadQuickcheckContent();
const today = new Date('2026-11-23T12:00:00Z');
const check = (changes: Partial<CheckCase>, lang: 'nl' | 'en' = 'nl') =>
  evaluateCase(
    content,
    content.register,
    { ...baseCase, ...changes },
    { today, lang, contact: 'privacy@groningen.nl' },
  );
const ruleIds = (r: ReturnType<typeof check>) => r.reasons.map((x) => x.ruleId);
const sourceIds = (r: ReturnType<typeof check>, ruleId: string) =>
  r.reasons.find((x) => x.ruleId === ruleId)?.sources.map((s) => s.id) ?? [];

describe('quick check scenarios', () => {
  it('a prohibited practice of AI Act article 5 -> prohibited, even in the best tool', () => {
    const r = check({ tool: 'lokaal-taalmodel', prohibitedPractice: 'emotion-recognition-workplace' });
    expect(r.verdict).toBe('prohibited');
    expect(ruleIds(r)).toContain('prohibited-practice');
    expect(sourceIds(r, 'prohibited-practice')).toContain('ai-act-art5');
    expect(r.conditions).toEqual([]);
  });

  it('free ChatGPT with personal data -> prohibited, naming a registered tool that does allow it', () => {
    const r = check({ tool: 'ChatGPT', personalData: 'ordinary', task: 'summarize' });
    expect(r.verdict).toBe('prohibited');
    expect(r.tool).toEqual({
      id: 'chatgpt-free',
      name: 'ChatGPT (gratis)',
      matched: { on: 'alias', label: 'chatgpt' },
    });
    const reason = r.reasons.find((x) => x.ruleId === 'not-contracted-with-data')!;
    expect(reason.text).toContain('Microsoft 365 Copilot');
    expect(reason.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['gov-voorlopig-standpunt-2023', 'gdpr-art28']),
    );
  });

  it('a non-contracted tool with confidential information -> prohibited', () => {
    expect(check({ tool: 'DeepL Translator', confidentialData: true, task: 'translate' }).verdict).toBe('prohibited');
  });

  it('data above the register maxData -> prohibited, with a tool that allows it', () => {
    const r = check({ tool: 'Copilot Chat', personalData: 'ordinary', task: 'summarize' });
    expect(r.verdict).toBe('prohibited');
    const reason = r.reasons.find((x) => x.ruleId === 'data-above-max')!;
    expect(reason.text).toContain('niet-openbare werkinformatie');
    expect(reason.text).toContain('gewone persoonsgegevens');
    // The DPIA of M365 Copilot and of the local model covers summarising; both allow personal data.
    expect(reason.text).toMatch(/Lokaal taalmodel \(eigen server\)|Microsoft 365 Copilot\b/);
  });

  it('sensitive data in a tool that allows only ordinary personal data -> prohibited, pointing to the local model', () => {
    const r = check({ tool: 'm365-copilot', personalData: 'sensitive', task: 'summarize' });
    expect(r.verdict).toBe('prohibited');
    expect(r.reasons.find((x) => x.ruleId === 'data-above-max')!.text).toContain('Lokaal taalmodel (eigen server)');
  });

  it('a decision about a person without a human who reviews every outcome -> prohibited (vision; GDPR art. 22)', () => {
    const r = check({ tool: 'lokaal-taalmodel', decisionAboutPerson: 'other', humanReview: false });
    expect(r.verdict).toBe('prohibited');
    expect(sourceIds(r, 'decision-without-review')).toEqual(
      expect.arrayContaining(['vision-menselijke-tussenkomst', 'gdpr-art22']),
    );
  });

  it('"weet ik niet" on a prohibited practice, personal data or a decision -> consult', () => {
    expect(ruleIds(check({ prohibitedPractice: 'unknown' }))).toContain('practice-unknown');
    expect(check({ prohibitedPractice: 'unknown' }).verdict).toBe('consult');
    expect(check({ tool: 'lokaal-taalmodel', personalData: 'unknown' }).verdict).toBe('consult');
    expect(ruleIds(check({ tool: 'lokaal-taalmodel', personalData: 'unknown' }))).toContain('personal-data-unknown');
    expect(check({ decisionAboutPerson: 'unknown' }).verdict).toBe('consult');
  });

  it('a tool not in the register -> consult: intake with privacy officer, CISO and information management', () => {
    const r = check({ tool: 'Perplexity' });
    expect(r.verdict).toBe('consult');
    expect(r.tool).toEqual({ id: null, name: 'Perplexity' });
    const reason = r.reasons.find((x) => x.ruleId === 'tool-not-registered')!;
    expect(reason.consult?.who).toMatch(/privacy officer.*CISO.*informatiebeheer/);
    expect(reason.text).toMatch(/soevereine|Europese/);
  });

  it('an Annex III decision (benefits) with human review -> consult: DPIA, FRIA before use (from 2 December 2027), IAMA', () => {
    const r = check({ tool: 'lokaal-taalmodel', decisionAboutPerson: 'benefits', humanReview: true });
    expect(r.verdict).toBe('consult');
    const reason = r.reasons.find((x) => x.ruleId === 'annex-iii-decision')!;
    expect(reason.consult?.assessment).toMatch(/DPIA.*FRIA.*IAMA/);
    const fria = r.conditions.find((c) => c.text.includes('FRIA'))!;
    expect(fria.appliesFrom).toBe('2027-12-02');
    expect(fria.text).toContain('verplicht vanaf 2 december 2027; stand van 23 november 2026');
    expect(reason.sources.find((s) => s.id === 'ai-act-art27')).toMatchObject({
      appliesFrom: '2027-12-02',
      asOf: '2026-11-23',
    });
  });

  it.each(['benefits', 'permits', 'enforcement', 'employment', 'education'] as const)(
    'decisions about %s are Annex III',
    (area) => {
      expect(ruleIds(check({ tool: 'lokaal-taalmodel', decisionAboutPerson: area }))).toContain('annex-iii-decision');
    },
  );

  it('sensitive personal data, even in a contracted tool that allows it -> consult with the data protection officer', () => {
    const r = check({ tool: 'lokaal-taalmodel', personalData: 'sensitive', task: 'summarize' });
    expect(r.verdict).toBe('consult');
    expect(r.reasons.find((x) => x.ruleId === 'sensitive-personal-data')!.consult?.who).toContain(
      'functionaris gegevensbescherming',
    );
  });

  it('citizen-facing use in production -> consult (experiment internally first; article 50 notice)', () => {
    const r = check({ tool: 'lokaal-taalmodel', task: 'chatbot-citizens', audience: 'citizens', phase: 'production' });
    expect(r.verdict).toBe('consult');
    expect(sourceIds(r, 'citizen-facing-production')).toEqual(
      expect.arrayContaining(['vision-van-binnen-naar-buiten', 'ai-act-art50-1']),
    );
  });

  it('a non-contracted tool without any personal or confidential data -> never allowed; the contracted alternative is proposed', () => {
    const r = check({ tool: 'deepl-free', task: 'translate' });
    expect(r.verdict).toBe('conditional');
    expect(r.conditions.map((c) => c.text)).toContain(
      'Voer alleen openbare informatie in, zonder persoonsgegevens en niets vertrouwelijks.',
    );
    expect(r.advice.find((a) => a.id === 'contracted-alternative')!.text).toContain('DeepL Pro');
  });

  it('ordinary personal data in a contracted tool within maxData whose DPIA covers the task -> conditional (data minimisation)', () => {
    const r = check({ tool: 'm365-copilot', personalData: 'ordinary', task: 'summarize' });
    expect(r.verdict).toBe('conditional');
    expect(ruleIds(r)).toEqual(['ordinary-personal-data']);
    expect(r.conditions.map((c) => c.text).join(' ')).toContain('dataminimalisatie');
  });

  it('ordinary personal data in a contracted tool whose DPIA does not cover the task -> consult to extend the DPIA', () => {
    const r = check({ tool: 'm365-copilot', personalData: 'ordinary', task: 'code' });
    expect(r.verdict).toBe('consult');
    expect(ruleIds(r)).toContain('dpia-purpose-not-covered');
  });

  it('published output or synthetic media -> conditional: label it (article 50)', () => {
    const published = check({ audience: 'published' });
    expect(published.verdict).toBe('conditional');
    expect(sourceIds(published, 'published-output')).toContain('ai-act-art50-4');
    const synthetic = check({ syntheticMedia: true, task: 'image' });
    expect(synthetic.verdict).toBe('conditional');
    expect(synthetic.conditions.map((c) => c.text)).toContain('Markeer beeld, geluid en video als door AI gemaakt.');
  });

  it('no AI training yet -> conditional: AI literacy (article 4)', () => {
    const r = check({ trainingDone: false });
    expect(r.verdict).toBe('conditional');
    expect(sourceIds(r, 'training-missing')).toEqual(['ai-act-art4', 'vision-ai-geletterdheid']);
  });

  it('a contracted tool, internal use, no personal data and human review -> allowed, without conditions', () => {
    const r = check({});
    expect(r.verdict).toBe('allowed');
    expect(ruleIds(r)).toEqual(['allowed']);
    expect(r.conditions).toEqual([]);
    expect(r.advice.map((a) => a.id)).toContain('smallest-tool');
  });

  it('shows every reason, strictest first, when several rules apply', () => {
    const r = check({
      tool: 'ChatGPT',
      personalData: 'sensitive',
      trainingDone: false,
      audience: 'published',
      decisionAboutPerson: 'unknown',
    });
    expect(r.verdict).toBe('prohibited');
    expect(r.reasons.map((x) => x.verdict)).toEqual(['prohibited', 'consult', 'consult', 'conditional', 'conditional']);
  });

  it('advises on the algorithm register and sovereign alternatives without changing the verdict', () => {
    const r = check({ tool: 'lokaal-taalmodel', task: 'chatbot-citizens', audience: 'citizens', phase: 'experiment' });
    expect(r.verdict).toBe('conditional');
    expect(r.advice.map((a) => a.id)).toContain('algorithm-register');
    expect(check({ tool: 'github copilot', task: 'code' }).advice.map((a) => a.id)).toContain('sovereign-alternative');
  });

  it('answers in English when asked, with the same rules', () => {
    const nl = check({ tool: 'ChatGPT', personalData: 'ordinary' });
    const en = check({ tool: 'ChatGPT', personalData: 'ordinary' }, 'en');
    expect(ruleIds(en)).toEqual(ruleIds(nl));
    expect(en.reasons[0]!.text).toMatch(/^The municipality has no contract/);
  });
});
