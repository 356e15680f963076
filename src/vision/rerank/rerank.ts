import type { RankedSection } from '../ranking.js';
import { candidateFeatures, type QuestionContext } from './features.js';
import { probability, type RerankModel } from './model.js';

/**
 * The word ranking re-ordered by the learned re-ranker: its first `model.candidates` sections by their probability
 * of being right (each carries it as `probability`), the rest after them in the order of the words (probability 0).
 * Ties keep the word order.
 */
export function rerank(
  model: RerankModel,
  context: QuestionContext,
  ranked: RankedSection[],
  marginWeight: number,
): RankedSection[] {
  const features = candidateFeatures(context, ranked, model.candidates, marginWeight);
  const scored = features
    .map((f, i) => ({ ...ranked[i]!, probability: probability(model, f), at: i }))
    .sort((a, b) => b.probability - a.probability || a.at - b.at)
    .map(({ at: _at, ...r }) => r);
  return [...scored, ...ranked.slice(features.length).map((r) => ({ ...r, probability: 0 }))];
}
