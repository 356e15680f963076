import { existsSync } from 'node:fs';
import { fold } from '../../../src/vision/analysis/fold.js';
import type { VisionDocument } from '../../../src/vision/document.js';
import type { Lang } from '../../../src/lang.js';
import {
  heldOut4QuestionsPath,
  loadHeldOut4Questions,
  loadQuestions,
  questionsPath,
  validation2QuestionsPath,
  validation3QuestionsPath,
  type ScoredQuestion,
} from './evaluate.js';

/**
 * Word overlap between two questions, as the content test has always measured it: the words of each (letters and
 * digits, folded: case, accents and typographic quotes ignored) as sets, and the shared words over all words
 * (Jaccard). 1 is the same words, 0.5 is as many shared words as words that only one of them has.
 */
export const words = (text: string): Set<string> => new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? []);

export function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

/** From this word overlap on, a held-out question counts as (nearly) written down in the content. */
export const heldOutOverlapLimit = 0.5;

/** A question the engine indexes: an editor's alternate question (visie.*.md) or an example question (voorbeeldvragen). */
export interface IndexedQuestion {
  kind: 'alternate' | 'example';
  lang: Lang;
  sectionId: string;
  /** 1-based place in that section's list of its kind. */
  position: number;
  text: string;
}

export function indexedQuestions(documents: Record<Lang, VisionDocument>): IndexedQuestion[] {
  return (['nl', 'en'] as const).flatMap((lang) =>
    documents[lang].sections.flatMap((s) => [
      ...s.questions.map((text, i) => ({ kind: 'alternate' as const, lang, sectionId: s.id, position: i + 1, text })),
      ...s.examples.map((text, i) => ({ kind: 'example' as const, lang, sectionId: s.id, position: i + 1, text })),
    ]),
  );
}

/** The sets whose questions are held out: never tuned on, so never (nearly) in the content. */
export type HeldOutSet = 'test half' | 'validation2' | 'validation3' | 'heldout4';
export interface HeldOutQuestion extends ScoredQuestion {
  set: HeldOutSet;
}

/**
 * Every held-out question: the test half of questions.yaml, the second and third validation sets, and the fourth
 * held-out set when its file exists. (The first validation set and the own set are tuned on.)
 */
export async function heldOutQuestions(): Promise<HeldOutQuestion[]> {
  const of = (set: HeldOutSet, qs: ScoredQuestion[]) => qs.map((q) => ({ ...q, set }));
  return [
    ...of(
      'test half',
      (await loadQuestions(questionsPath)).filter((q) => q.split === 'test'),
    ),
    ...of('validation2', await loadQuestions(validation2QuestionsPath)),
    ...of('validation3', await loadQuestions(validation3QuestionsPath)),
    ...(existsSync(heldOut4QuestionsPath) ? of('heldout4', await loadHeldOut4Questions()) : []),
  ];
}

export interface OverlapPair {
  heldOut: HeldOutQuestion;
  indexed: IndexedQuestion;
  overlap: number;
}

/** Every pair of a held-out question and an indexed question whose word overlap reaches the limit. */
export function overlappingPairs(
  heldOut: HeldOutQuestion[],
  indexed: IndexedQuestion[],
  limit = heldOutOverlapLimit,
): OverlapPair[] {
  const content = indexed.map((c) => ({ c, words: words(c.text) }));
  const pairs: OverlapPair[] = [];
  for (const q of heldOut) {
    const own = words(q.question);
    for (const { c, words: theirs } of content) {
      const o = overlap(own, theirs);
      if (o >= limit) pairs.push({ heldOut: q, indexed: c, overlap: o });
    }
  }
  return pairs;
}

/**
 * One line per pair, to find and remove the indexed question. For the fourth held-out set only its id, the overlap
 * and where the indexed question stands: neither text, so that a failing test shows nothing of that set's wording.
 */
export function describePair({ heldOut, indexed, overlap: o }: OverlapPair): string {
  const where = `${indexed.kind} question ${indexed.lang}/${indexed.sectionId} #${indexed.position}`;
  if (heldOut.set === 'heldout4') return `${heldOut.set} ${heldOut.id} overlap ${o.toFixed(2)} with ${where}`;
  return `${heldOut.set} ${heldOut.id} overlap ${o.toFixed(2)} with ${where}: "${heldOut.question}" ~ "${indexed.text}"`;
}
