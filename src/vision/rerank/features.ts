import type { AnalyzedWord } from '../analysis/analyzer.js';
import { fold } from '../analysis/fold.js';
import { coverage, knownShare, type RankedSection } from '../ranking.js';
import { topicKey, type AskedAs, type LanguageIndex, type Passage } from '../vision-index.js';
import { childrenOf } from '../wholes.js';
import { questionTypes, type Features, type QuestionType } from './names.js';

export { featureNames, questionTypes, type FeatureName, type Features, type QuestionType } from './names.js';

// The first word (or words) of each kind. Order matters: "is het toegestaan" is mag before "is" is janee.
const typeStarts: [QuestionType, RegExp][] = [
  ['mag', /^(mag|mogen|may|(is|am) (het|it|i) (toegestaan|allowed|permitted)|ben ik bevoegd|am i allowed)\b/],
  ['waarom', /^(waarom|why|how come)\b/],
  ['wie', /^(wie|who|whom|whose|bij wie|to whom)\b/],
  ['hoe', /^(hoe|how)\b/],
  ['kan', /^(kan|kun|kunnen|can|could)\b/],
  ['moet', /^(moet|moeten|must|should|do i have to|have i to)\b/],
  ['welke', /^(welke|welk|which)\b/],
  ['wat', /^(wat|what)\b/],
  ['anders', /^(wanneer|waar|waarvoor|waarmee|waarover|when|where|whereto)\b/],
  [
    'janee',
    /^(is|zijn|ben|heeft|hebben|heb|gaat|gaan|wordt|worden|zal|zullen|geldt|gelden|staat|doet|does|do|did|is|are|am|has|have|will|would|shall)\b/,
  ],
];

/** The kind of a question (see questionTypes). */
export function questionType(text: string): QuestionType {
  const start = fold(text).replace(/^[^\p{L}\d]+/u, '');
  for (const [type, pattern] of typeStarts) if (pattern.test(start)) return type;
  return /\?\s*$/.test(text) ? 'anders' : 'trefwoord';
}

// Headings that are themselves a question ("Wat is AI", "Waarom AI voor de Gemeente Groningen"): the kind they answer.
const headingTypes: Partial<Record<QuestionType, RegExp>> = {
  wat: /^(wat|what)\b/,
  waarom: /^(waarom|why)\b/,
  hoe: /^(hoe|how)\b/,
  wie: /^(wie|who)\b/,
};

/** What a candidate's features are computed from: the question as the engine read it and the ranked sections. */
export interface QuestionContext {
  index: LanguageIndex;
  text: string;
  words: AnalyzedWord[];
}

/** The word rule's confidence of a candidate (ask.ts before the re-ranker): coverage, and part of it the lead (settings.yaml marginWeight). */
const ruleConfidence = (coverage: number, lead: number, marginWeight: number) =>
  coverage * (1 - marginWeight + marginWeight * Math.min(1, Math.max(0, lead) / 0.5));

/** The idf of each question word's rarest own term (as coverage() weighs words), for the heading and nearest-question features. */
function wordWeights(index: LanguageIndex, words: AnalyzedWord[]): number[] {
  return words.map((w) => Math.max(...w.terms.map((t) => (index.bm25.has(t) ? index.bm25.idf(t) : index.maxIdf))));
}

/** The share of the question (idf-weighted) whose words have a term in a set. */
function weightedShare(words: AnalyzedWord[], weights: number[], terms: Set<string>): number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return 0;
  return words.reduce((s, w, i) => s + (w.terms.some((t) => terms.has(t)) ? weights[i]! : 0), 0) / total;
}

/** How close the question is to one alternate or example question: recall (of the question) and precision (of it). */
function closeness(
  words: AnalyzedWord[],
  weights: number[],
  questionTerms: Set<string>,
  asked: AskedAs,
): { f1: number; recall: number } {
  const recall = weightedShare(words, weights, asked.terms);
  if (recall === 0 || asked.words.length === 0) return { f1: 0, recall };
  const precision = asked.words.filter((terms) => terms.some((t) => questionTerms.has(t))).length / asked.words.length;
  return { f1: (2 * precision * recall) / (precision + recall), recall };
}

/** The features of the first `candidates` ranked sections, in their order. */
export function candidateFeatures(
  context: QuestionContext,
  ranked: RankedSection[],
  candidates: number,
  marginWeight = 0.55,
): Features[] {
  const { index, text, words } = context;
  const list = ranked.slice(0, candidates);
  const top = list[0]?.score ?? 0;
  if (!top) return [];
  const type = questionType(text);
  const key = topicKey(words);
  const weights = wordWeights(index, words);
  const questionTerms = new Set(words.flatMap((w) => w.terms));
  const terms = words.flatMap((w) => w.terms);
  const known = knownShare(index, words);
  const kinds = Object.fromEntries(questionTypes.map((t) => [`type:${t}`, t === type ? 1 : 0]));
  return list.map((r, i) => {
    const passage: Passage = r.passage;
    const doc = index.passages.indexOf(passage);
    const fieldScores = index.bm25.fieldScores(terms, doc);
    const others = list.filter((_, j) => j !== i).map((o) => o.score);
    const best = { question: 0, example: 0, recall: 0 };
    for (const asked of passage.askedAs) {
      const c = closeness(words, weights, questionTerms, asked);
      best[asked.kind] = Math.max(best[asked.kind], c.f1);
      best.recall = Math.max(best.recall, c.recall);
    }
    const level3 = passage.section.level >= 3 ? 1 : 0;
    const parent = childrenOf(index, passage).length > 1 ? 1 : 0;
    const headingType = headingTypes[type];
    const lead = (r.score - (others.length ? Math.max(...others) : 0)) / top;
    const strictCoverage = coverage(index, words, passage, 1);
    const confidence = ruleConfidence(r.coverage, lead, marginWeight);
    return {
      logScore: Math.log1p(r.score),
      relScore: r.score / top,
      lead,
      coverage: r.coverage,
      strictCoverage,
      confidence,
      confidenceAndCoverage: Math.min(confidence, strictCoverage),
      headingMatch: key !== '' && key === passage.headingKey ? 1 : 0,
      headingCoverage: weightedShare(words, weights, passage.headingTerms),
      fieldHeading: Math.log1p(fieldScores[0]!),
      fieldQuestions: Math.log1p(fieldScores[1]!),
      fieldExamples: Math.log1p(fieldScores[2]!),
      fieldBody: Math.log1p(fieldScores[3]!),
      nearestQuestion: best.question,
      nearestExample: best.example,
      nearestRecall: best.recall,
      first: i === 0 ? 1 : 0,
      level1: passage.section.level === 1 ? 1 : 0,
      level2: passage.section.level === 2 ? 1 : 0,
      level3,
      parent,
      typeInHeading: headingType && headingType.test(fold(passage.section.heading)) ? 1 : 0,
      knownShare: known,
      inverseWords: 1 / Math.max(1, words.length),
      ...kinds,
      ...Object.fromEntries(questionTypes.map((t) => [`type:${t}*level3`, t === type ? level3 : 0])),
      ...Object.fromEntries(questionTypes.map((t) => [`type:${t}*parent`, t === type ? parent : 0])),
    } as Features;
  });
}
