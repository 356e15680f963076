import { askExtractive, loadVision, type AskResult } from '../../../src/vision/index.js';
import { loadQuestions, questionsPath } from './evaluate.js';
import { fakeChatModels, startFakeChat } from './fake-chat.js';
import { answerQuotes, evaluateGenerative } from './generative.js';

const vision = loadVision();
const privacy = vision.languages.nl.document.sections.find((s) => s.id === 'privacy')!;
const duurzaamheid = vision.languages.nl.document.sections.find((s) => s.id === 'duurzaamheid')!;
const sentence = (body: string) => body.split(/(?<=\.)\s+/)[0]!.replace(/^-\s+/, '');

/** A generated answer as ask() returns it: citations in the order their numbers first appear in the text. */
const generated = (answer: string, sections: string[]): AskResult => ({
  question: 'vraag',
  language: 'nl',
  outcome: 'answer',
  answer,
  citations: sections.map((sectionId) => ({ sectionId, heading: sectionId, quote: '' })),
  confidence: 1,
  visionVersion: vision.version,
  generated: true,
});

describe('quote fidelity of a generated answer', () => {
  it('checks each quoted stretch against the section its citation names', () => {
    const own = sentence(privacy.body);
    const other = sentence(duurzaamheid.body);
    const quotes = answerQuotes(
      generated(`De visie zegt: "${own}" [1]. En ook “${other}” [2]. Maar niet "${other}" [1].`, [
        'privacy',
        'duurzaamheid',
      ]),
      vision,
    );
    expect(quotes.map((q) => [q.sectionId, q.exact])).toEqual([
      ['privacy', true],
      ['duurzaamheid', true],
      ['privacy', false],
    ]);
  });

  it('catches a changed word and an invented quote, and lets a quote start inside its sentence', () => {
    const own = sentence(privacy.body);
    const changed = own.replace(/\b(\p{Ll}{5,})\b/u, 'nooit');
    expect(changed).not.toBe(own);
    const lower = own[0]!.toLowerCase() + own.slice(1);
    const quotes = answerQuotes(
      generated(`Dus "${changed}" [1], "de gemeente verkoopt geen gegevens" [1] en ook dat "${lower}" [1]`, [
        'privacy',
      ]),
      vision,
    );
    expect(quotes.map((q) => q.exact)).toEqual([false, false, true]);
  });

  it('attributes a quote after the last citation to that citation', () => {
    const own = sentence(privacy.body);
    expect(answerQuotes(generated(`Zie [1]: "${own}"`, ['privacy']), vision)).toEqual([
      { quote: own.replace(/[.]$/, ''), sectionId: 'privacy', exact: true },
    ]);
  });
});

describe('the generative evaluation against the local fake endpoint (real HTTP)', () => {
  it('keeps every faithful answer and none with a misquote: the engine refuses those and keeps its quote', async () => {
    const dev = (await loadQuestions(questionsPath)).filter((q) => q.split === 'dev' && q.scope === 'in');
    const answered = dev.filter((q) => askExtractive(vision, q.question, { contact: 'x' }).outcome === 'answer');
    const questions = [
      ...answered.filter((q) => q.lang === 'nl').slice(0, 6),
      ...answered.filter((q) => q.lang === 'en').slice(0, 2),
    ];
    expect(questions.length).toBe(8);
    const results = Object.fromEntries((await evaluateGenerative(vision, questions)).map((r) => [r.model, r] as const));
    expect(Object.keys(results)).toEqual([...fakeChatModels]);
    for (const r of Object.values(results)) expect(r.asked).toBe(questions.length);
    expect(results.faithful!.kept).toBe(questions.length);
    expect(results.faithful!.fidelity.rate).toBe(1);
    expect(results.faithful!.misquotedAnswers.count).toBe(0);
    // A changed word, an invented quote, a real quote under another section: each is refused (src/vision/generative.ts).
    for (const model of ['changed-quote', 'invented-quote', 'other-section-quote'] as const)
      expect(results[model]!.kept).toBe(0);
    // The model that misquotes now and then: only its faithful answers are kept, and all of them are exact.
    expect(results.misquoting!.kept).toBeGreaterThan(0);
    expect(results.misquoting!.kept).toBeLessThan(questions.length);
    expect(results.misquoting!.misquotedAnswers.count).toBe(0);
  });

  it('serves only the models it knows, on the local machine', async () => {
    const fake = await startFakeChat({ nl: [], en: [] });
    try {
      expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const reply = await fetch(`${fake.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4', messages: [] }),
      });
      expect(reply.status).toBe(404);
    } finally {
      await fake.close();
    }
  });
});
