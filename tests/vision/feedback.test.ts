import { join } from 'node:path';
import {
  chosenExampleQuestions,
  chosenRecord,
  feedbackRecord,
  summariseFeedback,
  unansweredRecord,
  type StoredVisionFeedback,
} from '../../src/vision/feedback.js';
import { readVisionDocuments, type AskResult } from '../../src/vision/index.js';

const at = (i: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, 60 - i)).toISOString();
const headings = new Map([
  ['privacy', 'Privacy'],
  ['wat-is-ai', 'Wat is AI'],
]);

describe('the summary the AI team reads back', () => {
  const records: StoredVisionFeedback[] = [
    {
      id: 6,
      kind: 'feedback',
      helpful: false,
      sectionId: 'privacy',
      question: 'Mag ik klantgegevens in Copilot zetten?',
      createdAt: at(0),
    },
    {
      id: 5,
      kind: 'unanswered',
      outcome: 'suggest',
      sectionId: 'privacy',
      question: 'Wat doen we met BSN-nummers?',
      createdAt: at(1),
    },
    { id: 4, kind: 'unanswered', outcome: 'suggest', sectionId: 'privacy', createdAt: at(2) },
    { id: 3, kind: 'unanswered', outcome: 'abstain', question: 'Hoe laat gaat het stadhuis open?', createdAt: at(3) },
    { id: 2, kind: 'feedback', helpful: true, sectionId: 'wat-is-ai', question: 'Wat is AI?', createdAt: at(4) },
    { id: 1, kind: 'unanswered', outcome: 'suggest', sectionId: 'verdwenen-onderdeel', createdAt: at(5) },
  ];

  it('groups by section, the sections most in need of better questions first, abstentions apart', () => {
    const summary = summariseFeedback(records, headings);
    expect(summary.records).toBe(6);
    expect(summary.since).toBe(at(5));
    expect(summary.sections.map((s) => s.sectionId)).toEqual([
      'privacy',
      undefined,
      'verdwenen-onderdeel',
      'wat-is-ai',
    ]);
    expect(summary.sections[0]).toEqual({
      sectionId: 'privacy',
      heading: 'Privacy',
      suggested: 2,
      abstained: 0,
      helpful: 0,
      notHelpful: 1,
      chosen: 0,
      questions: ['Mag ik klantgegevens in Copilot zetten?', 'Wat doen we met BSN-nummers?'],
      chosenQuestions: [],
    });
    expect(summary.sections[1]).toMatchObject({ abstained: 1, questions: ['Hoe laat gaat het stadhuis open?'] });
    // A section the current vision no longer has keeps its id, without a heading.
    expect(summary.sections[2]!.heading).toBeUndefined();
  });

  it('never lists the question of a helpful answer, and caps the examples per section', () => {
    const summary = summariseFeedback(records, headings, 1);
    expect(summary.sections.find((s) => s.sectionId === 'wat-is-ai')).toMatchObject({ helpful: 1, questions: [] });
    expect(summary.sections[0]!.questions).toHaveLength(1);
  });

  it('holds a question text only when the configuration allowed storing it', () => {
    const result: AskResult = {
      question: 'Mag ik dit?',
      language: 'nl',
      outcome: 'suggest',
      answer: '',
      citations: [],
      confidence: 0.4,
      visionVersion: '2025.1',
      generated: false,
      suggestions: [{ sectionId: 'privacy', heading: 'Privacy', link: '/tab/#visie/privacy' }],
    };
    expect(unansweredRecord(result, false)).toEqual({
      kind: 'unanswered',
      outcome: 'suggest',
      sectionId: 'privacy',
      language: 'nl',
      visionVersion: '2025.1',
    });
    expect(unansweredRecord(result, true)?.question).toBe('Mag ik dit?');
    expect(
      feedbackRecord({ question: 'Mag ik dit?', sectionId: 'privacy', helpful: false }, false, '2025.1').question,
    ).toBeUndefined();
  });

  it('lists the questions of askers who chose a section from suggestions with that section, apart from the others', () => {
    const chosen: StoredVisionFeedback[] = [
      {
        id: 9,
        kind: 'chosen',
        sectionId: 'controle-op-technologie',
        question: 'Kunnen we terug als AI tegenvalt?',
        createdAt: at(0),
      },
      { id: 8, kind: 'chosen', sectionId: 'controle-op-technologie', createdAt: at(1) },
      {
        id: 7,
        kind: 'unanswered',
        outcome: 'suggest',
        sectionId: 'controle-op-technologie',
        question: 'Kunnen we terug als AI tegenvalt?',
        createdAt: at(2),
      },
    ];
    const [section] = summariseFeedback(chosen, headings).sections;
    expect(section).toMatchObject({
      sectionId: 'controle-op-technologie',
      suggested: 1,
      chosen: 2,
      chosenQuestions: ['Kunnen we terug als AI tegenvalt?'],
    });
    expect(section!.questions).toEqual(['Kunnen we terug als AI tegenvalt?']);
    expect(
      chosenRecord(
        { question: 'Kunnen we terug?', sectionId: 'controle-op-technologie', language: 'nl' },
        false,
        '2025.1',
      ),
    ).toEqual({
      kind: 'chosen',
      sectionId: 'controle-op-technologie',
      language: 'nl',
      visionVersion: '2025.1',
    });
    expect(
      chosenRecord({ question: 'Kunnen we terug?', sectionId: 'controle-op-technologie' }, true, '2025.1').question,
    ).toBe('Kunnen we terug?');
  });

  it('says so when there is nothing yet', () => {
    expect(summariseFeedback([], headings)).toEqual({ records: 0, sections: [] });
  });
});

describe('new example questions from the sections askers chose', () => {
  // The fixture vision: "privacy" has the alternate question "Wanneer moet ik een DPIA doen?".
  const documents = readVisionDocuments(join(import.meta.dirname ?? __dirname, 'fixtures', 'valid'));
  const chosen = (id: number, sectionId: string, question?: string, language?: 'nl' | 'en'): StoredVisionFeedback => ({
    id,
    kind: 'chosen',
    sectionId,
    ...(question ? { question } : {}),
    ...(language ? { language } : {}),
    createdAt: at(10 - id),
  });
  // Most recent first, as the store lists them.
  const records: StoredVisionFeedback[] = [
    chosen(8, 'privacy', 'Mag ik een klantbestand in Copilot zetten?', 'nl'),
    chosen(7, 'privacy', 'Do I need a DPIA?', 'en'),
    chosen(6, 'parkeren', 'Waar mag ik parkeren?', 'nl'),
    chosen(5, 'privacy', undefined, 'nl'),
    chosen(4, 'privacy', 'wanneer moet ik een dpia doen', 'nl'),
    chosen(3, 'scholing', 'Is er een cursus prompten?', 'nl'),
    chosen(2, 'privacy', 'Wat doen we met BSN-nummers?'),
    chosen(1, 'privacy', 'Wat doen we met BSN-nummers?', 'nl'),
    {
      id: 0,
      kind: 'unanswered',
      outcome: 'suggest',
      sectionId: 'privacy',
      question: 'Mag AI mijn mail lezen?',
      language: 'nl',
      createdAt: at(10),
    },
  ];

  it('are the chosen questions of that language per section, oldest first, each once, new to the section', () => {
    expect(chosenExampleQuestions(records, documents.nl)).toEqual({
      privacy: ['Wat doen we met BSN-nummers?', 'Mag ik een klantbestand in Copilot zetten?'],
      scholing: ['Is er een cursus prompten?'],
    });
    expect(chosenExampleQuestions(records, documents.en)).toEqual({ privacy: ['Do I need a DPIA?'] });
  });
});
