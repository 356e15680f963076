import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultContentDir, detectIntent, readVisionDocuments } from '../../../src/vision/index.js';
import {
  loadOwnQuestions,
  loadQuestions,
  questionsPath,
  validation2QuestionsPath,
  validation3QuestionsPath,
  validationQuestionsPath,
} from './evaluate.js';
import {
  describePair,
  heldOutOverlapLimit,
  heldOutQuestions,
  indexedQuestions,
  overlap,
  overlappingPairs,
  words,
  type HeldOutQuestion,
} from './overlap.js';

/**
 * The question sets measure whether AI-wijzer understands questions nobody wrote down for it, so none of them may
 * end up in the content (src/vision/content/README.md). Two questions count as (nearly) the same when their word
 * overlap (overlap.ts: shared folded words over all words, Jaccard) reaches a limit: 0.5 for a held-out question
 * against any alternate or example question the engine indexes, 0.6 for an example question against any set.
 */
const sets = {
  evaluation: await loadQuestions(questionsPath),
  validation: await loadQuestions(validationQuestionsPath),
  validation2: await loadQuestions(validation2QuestionsPath),
  validation3: await loadQuestions(validation3QuestionsPath),
  own: (await loadOwnQuestions()).map((q) => ({ ...q, split: 'dev' as const })),
};
const all = Object.values(sets).flat();
const heldOut = await heldOutQuestions();
const documents = readVisionDocuments();
const indexed = indexedQuestions(documents);

describe('content holds no questions of the evaluation sets', () => {
  it('has held-out questions (the test half, the second and third validation sets, the fourth set) to guard', () => {
    const visible = heldOut.filter((q) => q.set !== 'heldout4');
    expect(visible.length).toBeGreaterThan(350);
    const ids = new Set(visible.map((q) => q.id));
    expect([...sets.validation2, ...sets.validation3].every((q) => ids.has(q.id))).toBe(true);
    expect(sets.evaluation.filter((q) => q.split === 'test').every((q) => ids.has(q.id))).toBe(true);
    // Tuning sets are not held out.
    expect(visible.some((q) => q.id.startsWith('v-') || q.id.startsWith('o-'))).toBe(false);
    expect(indexed.length).toBeGreaterThan(1500);
  });

  it(`no held-out question has a word overlap of ${heldOutOverlapLimit} or more with an alternate or example question`, () => {
    expect(overlappingPairs(heldOut, indexed).map(describePair)).toEqual([]);
  });

  it('no example question (voorbeeldvragen) is, or is close to, a question of any set', () => {
    const examples = indexed.filter((c) => c.kind === 'example');
    const asHeldOut = all.map((q) => ({ ...q, set: 'test half' as const }));
    expect(overlappingPairs(asHeldOut, examples, 0.6).map(describePair)).toEqual([]);
  });
});

describe('the overlap test', () => {
  const question = sets.validation2.find((q) => q.scope === 'in')!;

  it('recognises a copy with other capitals, accents and punctuation, and one word changed or added', () => {
    const own = words(question.question);
    expect(overlap(words(question.question.toUpperCase().replace(/\?/g, '!')), own)).toBe(1);
    expect(overlap(words(question.question.replace(/\p{L}+/u, 'anders')), own)).toBeGreaterThanOrEqual(0.5);
    expect(overlap(words(`${question.question} En verder?`), own)).toBeGreaterThanOrEqual(0.5);
    expect(overlap(words('wat is de kilometervergoeding'), words('Wie schreef de visie?'))).toBeLessThan(0.5);
  });

  it('fails when a held-out question is copied into the content, as an alternate or as an example question', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ai-wijzer-copied-'));
    try {
      cpSync(defaultContentDir, dir, { recursive: true });
      const section = question.sections[0]!;
      // The question as an alternate question of its section in the Markdown, a little reworded.
      const md = join(dir, 'visie.nl.md');
      const text = readFileSync(md, 'utf8');
      const block = new RegExp(`(\\{#${section}\\}\\n<!-- vragen\\n)`);
      expect(text).toMatch(block);
      writeFileSync(md, text.replace(block, `$1- ${question.question.replace(/\?$/, '')}, graag kort\n`));
      // And word for word as an example question.
      const yaml = join(dir, 'voorbeeldvragen.nl.yaml');
      const examples = readFileSync(yaml, 'utf8');
      const list = new RegExp(`^(  ${section}:\\n)`, 'm');
      expect(examples).toMatch(list);
      writeFileSync(yaml, examples.replace(list, `$1    - ${JSON.stringify(question.question)}\n`));
      const copied = indexedQuestions(readVisionDocuments(dir));
      const found = overlappingPairs(
        heldOut.filter((q) => q.id === question.id),
        copied,
      );
      expect(found.map((p) => p.indexed.kind).sort()).toEqual(['alternate', 'example']);
      expect(found.every((p) => p.heldOut.id === question.id && p.overlap >= heldOutOverlapLimit)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a question of the fourth held-out set by its id and the overlap only, never by its text', () => {
    const secret: HeldOutQuestion = {
      id: 'h4-999',
      set: 'heldout4',
      lang: 'nl',
      scope: 'in',
      sections: ['privacy'],
      question: 'geheime formulering van een vraag',
    };
    const line = describePair({ heldOut: secret, indexed: indexed[0]!, overlap: 0.6 });
    expect(line).toContain('h4-999');
    expect(line).toContain('0.60');
    expect(line).not.toContain('geheime');
    expect(line).not.toContain(indexed[0]!.text);
    const visible = describePair({ heldOut: { ...secret, set: 'validation2' }, indexed: indexed[0]!, overlap: 0.6 });
    expect(visible).toContain('geheime');
  });
});

describe('conversational intents', () => {
  it('take no question of any set: those are searched', () => {
    expect(all.filter((q) => detectIntent(q.question) !== undefined).map((q) => q.id)).toEqual([]);
  });
});
