import type { AnalyzedWord } from './analysis/analyzer.js';
import type { Hit } from './bm25f.js';
import { topicKey, type LanguageIndex, type Passage } from './vision-index.js';

export interface RankedSection {
  passage: Passage;
  score: number;
  coverage: number;
  /** The learned re-ranker's probability that this section is right (rerank/), when it ranked the section. */
  probability?: number;
}

/**
 * How much of the question a passage covers: each content word counts with the idf of its rarest form
 * (a word the vision never uses counts most), matched when the passage holds any of its terms, or in part
 * when it holds some of its compound parts. A high score alone never makes an answer.
 */
export function coverage(index: LanguageIndex, words: AnalyzedWord[], passage: Passage, unknownWeight = 1): number {
  let total = 0;
  let matched = 0;
  for (const word of words) {
    // A word whose stem is one of its own parts ("mogelijkheden": mogelijk + heden) still counts with its terms.
    const rest = word.terms.filter((t) => !word.parts.includes(t));
    const own = rest.length > 0 ? rest : word.terms;
    const weight = Math.max(...own.map((t) => (index.bm25.has(t) ? index.bm25.idf(t) : unknownWeight * index.maxIdf)));
    total += weight;
    if (own.some((t) => passage.terms.has(t))) matched += weight;
    else if (word.parts.length > 0)
      matched += (weight * word.parts.filter((p) => passage.terms.has(p)).length) / word.parts.length;
  }
  return total === 0 ? 0 : matched / total;
}

/** The passages that match a question, best first, with the share of the question each covers. */
export function rank(
  index: LanguageIndex,
  words: AnalyzedWord[],
  unknownWeight = 1,
  headingMatch = 1,
): RankedSection[] {
  const hits: Hit[] = index.bm25.search(words.flatMap((w) => w.terms));
  const key = topicKey(words);
  return hits
    .map((hit) => {
      const passage = index.passages[hit.doc]!;
      const score = key !== '' && passage.headingKey === key ? hit.score * headingMatch : hit.score;
      return { passage, score, coverage: coverage(index, words, passage, unknownWeight) };
    })
    .sort((a, b) => b.score - a.score);
}

/** The share of a question's content words that the vision uses (any of their terms, synonym groups included). */
export function knownShare(index: LanguageIndex, words: AnalyzedWord[]): number {
  if (words.length === 0) return 0;
  return words.filter((w) => w.terms.some((t) => index.bm25.has(t))).length / words.length;
}
