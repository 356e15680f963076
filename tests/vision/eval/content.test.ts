import { fold } from '../../../src/vision/analysis/fold.js';
import { detectIntent, readVisionDocuments } from '../../../src/vision/index.js';
import {
  loadOwnQuestions,
  loadQuestions,
  questionsPath,
  validation2QuestionsPath,
  validation3QuestionsPath,
  validationQuestionsPath,
} from './evaluate.js';

/**
 * The question sets measure whether AI-wijzer understands questions nobody wrote down for it, so none of them may
 * end up in the content (src/vision/content/README.md). Two questions count as the same when their words, folded,
 * are the same, or when most of them are: shared words over all words (Jaccard) at or above the limit.
 */
const words = (text: string) => new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? []);
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

const sets = {
  evaluation: await loadQuestions(questionsPath),
  validation: await loadQuestions(validationQuestionsPath),
  validation2: await loadQuestions(validation2QuestionsPath),
  validation3: await loadQuestions(validation3QuestionsPath),
  own: (await loadOwnQuestions()).map((q) => ({ ...q, split: 'dev' as const })),
};
const all = Object.values(sets).flat();
const heldOut = all.filter((q) => q.split === 'test' && !q.id.startsWith('v-'));
const documents = readVisionDocuments();
const sections = [...documents.nl.sections, ...documents.en.sections];

function copies(content: string[], questions: typeof all, limit: number): string[] {
  const found: string[] = [];
  const index = questions.map((q) => ({ id: q.id, words: words(q.question) }));
  for (const text of content) {
    const own = words(text);
    for (const q of index) if (similarity(own, q.words) >= limit) found.push(`${q.id} ~ "${text}"`);
  }
  return found;
}

describe('content holds no questions of the evaluation sets', () => {
  it('has held-out questions (the test half and the second and third validation sets) to guard', () => {
    expect(heldOut.length).toBeGreaterThan(350);
    expect([...sets.validation2, ...sets.validation3].every((q) => heldOut.includes(q))).toBe(true);
  });

  it('no example question (voorbeeldvragen) is, or is close to, a question of any set', () => {
    expect(
      copies(
        sections.flatMap((s) => s.examples),
        all,
        0.6,
      ),
    ).toEqual([]);
  });

  it('no alternate question of the editor is, or is close to, a held-out question', () => {
    expect(
      copies(
        sections.flatMap((s) => s.questions),
        heldOut,
        0.75,
      ),
    ).toEqual([]);
  });

  it('recognises a copy with other capitals, accents and punctuation, and one word changed', () => {
    const question = sets.validation2[0]!.question;
    expect(copies([question.toUpperCase().replace(/\?/g, '!')], heldOut, 0.75)).toHaveLength(1);
    const changed = question.replace(/\p{L}+/u, 'anders');
    expect(similarity(words(changed), words(question))).toBeGreaterThanOrEqual(0.6);
  });
});

describe('conversational intents', () => {
  it('take no question of any set: those are searched', () => {
    expect(all.filter((q) => detectIntent(q.question) !== undefined).map((q) => q.id)).toEqual([]);
  });
});
