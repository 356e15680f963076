import type { Lang } from '../lang.js';
import type { AnalyzedWord } from './analysis/analyzer.js';
import { EmbeddingError, type EmbeddingFailure } from './embeddings.js';
import { generateAnswer, type GenerativeOptions } from './generative.js';
import { detectIntent, intentAnswer, type Intent } from './intents.js';
import { chooseLanguage } from './language.js';
import { answersItsType, questionWords } from './question.js';
import { selectQuote } from './quotes.js';
import { coverage, knownShare, rank, type RankedSection } from './ranking.js';
import { rerank } from './rerank/rerank.js';
import { fuse, passageSimilarities, semanticIndex, type SemanticOptions } from './semantic.js';
import type { AskResult, Citation, Suggestion } from './types.js';
import { offTopic } from './topic.js';
import { asksForWhole, childrenOf, firstSentence } from './wholes.js';
import type { LanguageIndex, Passage, VisionIndex } from './vision-index.js';

export interface AskOptions {
  /** Who to ask when the vision has no answer (PRIVACY_CONTACT). */
  contact: string;
  /** Answer in this language instead of the one detected from the question. */
  lang?: Lang;
  /** Answer as this small talk (the front door recognised it), whatever the patterns of intents.ts say. */
  intent?: Intent;
}

export const sectionLink = (sectionId: string) => `/tab/#visie/${sectionId}`;

const texts = {
  abstain: {
    nl: (contact: string) => `Dat staat niet in de AI-visie. Met deze vraag kun je terecht bij ${contact}.`,
    en: (contact: string) => `That is not in the AI vision. You can take this question to ${contact}.`,
  },
  // Suggestions may miss too: they always say who to ask then, as an abstention does.
  suggest: {
    nl: (contact: string) =>
      `Ik weet niet zeker welk deel van de AI-visie je bedoelt. Kies een van deze onderdelen. Staat je antwoord er niet in, dan kun je terecht bij ${contact}.`,
    en: (contact: string) =>
      `I am not sure which part of the AI vision you mean. Choose one of these sections. If your answer is not in them, you can take your question to ${contact}.`,
  },
  suggestOne: {
    nl: (contact: string) =>
      `Ik weet niet zeker of dit het antwoord op je vraag is. Bedoel je dit deel van de AI-visie? Zo niet, dan kun je terecht bij ${contact}.`,
    en: (contact: string) =>
      `I am not sure this answers your question. Do you mean this part of the AI vision? If not, you can take your question to ${contact}.`,
  },
} as const;

const round = (n: number) => Math.round(n * 1000) / 1000;

function citation(passage: Passage, quote: string): Citation {
  return { sectionId: passage.section.id, heading: passage.section.heading, quote };
}

const suggestion = (passage: Passage): Suggestion => ({
  sectionId: passage.section.id,
  heading: passage.section.heading,
  link: sectionLink(passage.section.id),
});

/** The best section and those close enough behind it to offer too (suggestions, or "zie ook" under an answer). */
function runnersUp(vision: VisionIndex, ranked: RankedSection[]): RankedSection[] {
  const { suggest } = vision.settings.outcome;
  const top = ranked[0];
  if (!top) return [];
  return ranked.filter(
    (r, i) => i === 0 || (r.score >= suggest.relativeScore * top.score && r.coverage >= suggest.coverage),
  );
}

/** A question read and ranked by its words, ready for the outcome; or the outcome already (an intent, no words). */
export type Ranked =
  | { done: AskResult }
  | {
      done?: undefined;
      text: string;
      language: Lang;
      index: LanguageIndex;
      words: AnalyzedWord[];
      ranked: RankedSection[];
    };

/**
 * A question read and ranked by its words alone (BM25F order), before the re-ranker: also what the re-ranker is
 * trained on (`npm run eval -- --train`), so training and the engine see the same candidates.
 */
export function wordRanking(vision: VisionIndex, question: string, options: AskOptions): Ranked {
  const text = question.trim();
  const language = options.lang ?? chooseLanguage(vision, text);
  const intent = options.intent ?? detectIntent(text);
  if (intent)
    return {
      done: {
        ...baseOf(vision, text, language),
        outcome: 'answer',
        answer: intentAnswer(intent, language, options.contact),
        citations: [],
        confidence: 1,
        intent,
      },
    };
  const index = vision.languages[language];
  const words = questionWords(index, text);
  const ranked =
    words.length === 0
      ? []
      : rank(index, words, vision.settings.outcome.unknownWordWeight, vision.settings.ranking.headingMatch);
  return { text, language, index, words, ranked };
}

/** The word ranking, re-ordered by the learned re-ranker when the vision has one (rerank/). */
function rankQuestion(vision: VisionIndex, question: string, options: AskOptions): Ranked {
  const q = wordRanking(vision, question, options);
  if (q.done || !vision.reranker || q.ranked.length === 0) return q;
  return { ...q, ranked: rerank(vision.reranker, q, q.ranked, vision.settings.outcome.marginWeight) };
}

const baseOf = (vision: VisionIndex, question: string, language: Lang) =>
  ({ question, language, visionVersion: vision.version, generated: false }) as const;

/** Whether any ranking could lead to suggestions or an answer: the words decide that, whatever the order. */
function couldOffer(vision: VisionIndex, q: Exclude<Ranked, { done: AskResult }>): boolean {
  const { suggest } = vision.settings.outcome;
  return q.ranked.some((r) => r.coverage >= suggest.coverage) && knownShare(q.index, q.words) >= suggest.knownWords;
}

/** Answer, suggest or abstain, from the ranked sections, with exact quotes. */
function decide(vision: VisionIndex, q: Exclude<Ranked, { done: AskResult }>, options: AskOptions): AskResult {
  const { text, language, index, words, ranked } = q;
  const base = baseOf(vision, text, language);
  const abstain: AskResult = {
    ...base,
    outcome: 'abstain',
    answer: texts.abstain[language](options.contact),
    citations: [],
    confidence: 0,
  };
  const top = ranked[0];
  if (!top || offTopic(index, text, words, vision.settings.outcome.topic)) return abstain;
  const { answer: answerAt, suggest: suggestAt } = vision.settings.outcome;
  const second = ranked[1]?.score ?? 0;
  const margin = (top.score - second) / top.score;
  const confidence = round(
    top.coverage *
      (1 - vision.settings.outcome.marginWeight + vision.settings.outcome.marginWeight * Math.min(1, margin / 0.5)),
  );

  // Words the vision never uses weigh more for a direct answer than for suggestions ("welke training voor bhv").
  const answerCoverage =
    answerAt.unknownWordWeight === vision.settings.outcome.unknownWordWeight
      ? top.coverage
      : coverage(index, words, top.passage, answerAt.unknownWordWeight);
  // The learned re-ranker vetoes a rule answer whose section it finds unlikely to be right (rerank/model.ts, answer).
  const likely = !vision.reranker || (top.probability ?? 0) >= vision.reranker.answer;
  if (confidence >= answerAt.confidence && answerCoverage >= answerAt.coverage && likely) {
    const quote = selectQuote(index, top.passage, words, vision.settings.quote);
    // A question after an amount or a date is only answered by a quote that holds one (not the question's own).
    // A question about a whole, or a quote that ends in a colon that introduces the section's parts.
    const children =
      asksForWhole(index, text, words, top.passage) ??
      (quote.trimEnd().endsWith(':') && childrenOf(index, top.passage).length > 1
        ? childrenOf(index, top.passage)
        : undefined);
    if (children) return wholeAnswer(vision, base, top.passage, children, words, confidence);
    if (answersItsType(text, quote)) {
      const seeAlso = runnersUp(vision, ranked)
        .slice(1, 1 + vision.settings.outcome.seeAlso.maxSections)
        .map((r) => suggestion(r.passage));
      return {
        ...base,
        outcome: 'answer',
        answer: quote,
        citations: [citation(top.passage, quote)],
        confidence,
        link: sectionLink(top.passage.section.id),
        ...(seeAlso.length > 0 ? { seeAlso } : {}),
      };
    }
  }
  if (top.coverage >= suggestAt.coverage && knownShare(index, words) >= suggestAt.knownWords) {
    const chosen = runnersUp(vision, ranked).slice(0, suggestAt.maxSections);
    return {
      ...base,
      outcome: 'suggest',
      answer: (chosen.length === 1 ? texts.suggestOne : texts.suggest)[language](options.contact),
      citations: chosen.map((r) => citation(r.passage, selectQuote(index, r.passage, words, vision.settings.quote))),
      confidence: Math.min(confidence, round(answerAt.confidence - 0.001)),
      suggestions: chosen.map((r) => suggestion(r.passage)),
    };
  }
  return { ...abstain, confidence: round(Math.min(confidence, top.coverage)) };
}

/**
 * A question about a whole ("wat zijn de kernwaarden"): the section's line that introduces its parts (the one that ends
 * in a colon, else its best quote), then each child section with its first sentence, each quoted and cited.
 */
function wholeAnswer(
  vision: VisionIndex,
  base: ReturnType<typeof baseOf>,
  parent: Passage,
  children: Passage[],
  words: AnalyzedWord[],
  confidence: number,
): AskResult {
  const index = vision.languages[base.language];
  const body = parent.section.body;
  const intro = [...parent.sentences].reverse().find((s) => body.slice(s.start, s.end).trimEnd().endsWith(':'));
  const introQuote = intro
    ? body.slice(intro.start, intro.end)
    : selectQuote(index, parent, words, vision.settings.quote);
  const parts = children.map((c) => citation(c, firstSentence(c)));
  return {
    ...base,
    outcome: 'answer',
    answer: [introQuote, ...parts.map((p) => `- ${p.heading}: ${p.quote}`)].join('\n'),
    citations: [citation(parent, introQuote), ...parts],
    confidence,
    link: sectionLink(parent.section.id),
  };
}

/** Answers a question from the vision alone (no model): answer, suggest or abstain, with exact quotes. */
export function askExtractive(vision: VisionIndex, question: string, options: AskOptions): AskResult {
  const q = rankQuestion(vision, question, options);
  return q.done ?? decide(vision, q, options);
}

/** Why a question ranked as it did: its content words and, per best section, which of them it matched. */
export interface RankingExplanation {
  language: Lang;
  words: { word: string; terms: string[] }[];
  sections: { sectionId: string; heading: string; score: number; coverage: number; matched: string[] }[];
}

/** For editors improving the alternate questions and the lexicon (`ai-wijzer ask --explain`). */
export function explainRanking(
  vision: VisionIndex,
  question: string,
  options: { lang?: Lang; top?: number } = {},
): RankingExplanation {
  const text = question.trim();
  const language = options.lang ?? chooseLanguage(vision, text);
  const index = vision.languages[language];
  const words = questionWords(index, text);
  const byWords = rank(index, words, vision.settings.outcome.unknownWordWeight, vision.settings.ranking.headingMatch);
  // The order the engine uses: the re-ranker's, when there is one.
  const ranked = (
    vision.reranker && byWords.length > 0
      ? rerank(vision.reranker, { index, text, words }, byWords, vision.settings.outcome.marginWeight)
      : byWords
  ).slice(0, options.top ?? 5);
  return {
    language,
    words: words.map((w) => ({ word: w.surface, terms: w.terms })),
    sections: ranked.map((r) => ({
      sectionId: r.passage.section.id,
      heading: r.passage.section.heading,
      score: round(r.score),
      coverage: round(r.coverage),
      matched: words.filter((w) => w.terms.some((t) => r.passage.terms.has(t))).map((w) => w.surface),
    })),
  };
}

export interface AskAsyncOptions extends AskOptions {
  /** The optional generative mode; when absent (the default) answers are extractive only. */
  generative?: GenerativeOptions;
  /** The optional semantic mode; when absent (the default) the words alone rank the sections. */
  semantic?: SemanticOptions;
  /** Told why the semantic mode was left out for a question (never what was asked): for the server's log. */
  onSemanticFallback?: (reason: EmbeddingFailure | 'not-ready') => void;
}

/**
 * The one entry point for the bot, the tab and the CLI. The sections are ranked by their words, and, when an
 * embedding endpoint is configured and ready, reordered by meaning; then answered, suggested or abstained from.
 * When a generative endpoint is configured and the vision answers, the answer is written from the best passages
 * and kept only when it passed every check (labelled generated: true). Whatever endpoint fails, the extractive
 * answer of the words stays.
 */
export async function ask(vision: VisionIndex, question: string, options: AskAsyncOptions): Promise<AskResult> {
  const q = rankQuestion(vision, question, options);
  if (q.done) return q.done;
  if (options.semantic && q.ranked.length > 1 && couldOffer(vision, q))
    q.ranked = await reorderByMeaning(vision, q, options.semantic, options.onSemanticFallback);
  const extractive = decide(vision, q, options);
  if (!options.generative || extractive.outcome !== 'answer') return extractive;
  const best = q.ranked.slice(0, 3);
  const passages = best.map((r) => ({ heading: r.passage.section.heading, text: r.passage.section.body }));
  const generation = await generateAnswer(extractive.question, extractive.language, passages, options.generative);
  if (!generation.ok) return extractive;
  return {
    ...extractive,
    answer: generation.text,
    generated: true,
    citations: generation.cited.map((n) =>
      citation(best[n - 1]!.passage, selectQuote(q.index, best[n - 1]!.passage, q.words, vision.settings.quote)),
    ),
  };
}

async function reorderByMeaning(
  vision: VisionIndex,
  q: Exclude<Ranked, { done: AskResult }>,
  options: SemanticOptions,
  onFallback: AskAsyncOptions['onSemanticFallback'],
): Promise<RankedSection[]> {
  const vectors = semanticIndex(vision, options).vectors(q.language);
  if (!vectors) {
    onFallback?.('not-ready');
    return q.ranked;
  }
  try {
    const similarity = await passageSimilarities(q.text, vectors, q.index.passages.length, options);
    return fuse(q.ranked, similarity, q.index.passages, vision.settings.semantic.weight);
  } catch (error) {
    onFallback?.(error instanceof EmbeddingError ? error.reason : 'endpoint');
    return q.ranked;
  }
}
