import type { AskCitation, AskResponse } from '../api/ask.js';
import type { Lang } from '../api/validate.js';
import { generateAnswer, type GenerativeOptions } from './generative.js';
import { detectIntent, intentAnswer } from './intents.js';
import { chooseLanguage } from './language.js';
import { answersItsType, questionWords } from './question.js';
import { selectQuote } from './quotes.js';
import { coverage, knownShare, rank } from './ranking.js';
import type { Passage, VisionIndex } from './vision-index.js';

export type AskResult = AskResponse;

export interface AskOptions {
  /** Who to ask when the vision has no answer (PRIVACY_CONTACT). */
  contact: string;
  /** Answer in this language instead of the one detected from the question. */
  lang?: Lang;
}

export const sectionLink = (sectionId: string) => `/tab/#visie/${sectionId}`;

const texts = {
  abstain: {
    nl: (contact: string) => `Dat staat niet in de AI-visie. Met deze vraag kun je terecht bij ${contact}.`,
    en: (contact: string) => `That is not in the AI vision. You can take this question to ${contact}.`,
  },
  // Suggestions may miss too: they always say who to ask then, as an abstention does.
  suggest: {
    nl: (contact: string) => `Ik weet niet zeker welk deel van de AI-visie je bedoelt. Kies een van deze onderdelen. Staat je antwoord er niet in, dan kun je terecht bij ${contact}.`,
    en: (contact: string) => `I am not sure which part of the AI vision you mean. Choose one of these sections. If your answer is not in them, you can take your question to ${contact}.`,
  },
  suggestOne: {
    nl: (contact: string) => `Ik weet niet zeker of dit het antwoord op je vraag is. Bedoel je dit deel van de AI-visie? Zo niet, dan kun je terecht bij ${contact}.`,
    en: (contact: string) => `I am not sure this answers your question. Do you mean this part of the AI vision? If not, you can take your question to ${contact}.`,
  },
} as const;

const round = (n: number) => Math.round(n * 1000) / 1000;

function citation(passage: Passage, quote: string): AskCitation {
  return { sectionId: passage.section.id, heading: passage.section.heading, quote };
}

/** Answers a question from the vision alone (no model): answer, suggest or abstain, with exact quotes. */
export function askExtractive(vision: VisionIndex, question: string, options: AskOptions): AskResult {
  const text = question.trim();
  const language = options.lang ?? chooseLanguage(vision, text);
  const base = { question: text, language, visionVersion: vision.version, generated: false } as const;
  const intent = detectIntent(text);
  if (intent) return { ...base, outcome: 'answer', answer: intentAnswer(intent, language, options.contact), citations: [], confidence: 1, intent };

  const index = vision.languages[language];
  const abstain: AskResult = { ...base, outcome: 'abstain', answer: texts.abstain[language](options.contact), citations: [], confidence: 0 };
  const words = questionWords(index, text);
  if (words.length === 0) return abstain;
  const ranked = rank(index, words, vision.settings.outcome.unknownWordWeight, vision.settings.ranking.headingMatch);
  const top = ranked[0];
  if (!top) return abstain;
  const { answer: answerAt, suggest: suggestAt } = vision.settings.outcome;
  const second = ranked[1]?.score ?? 0;
  const margin = (top.score - second) / top.score;
  const confidence = round(top.coverage * (1 - vision.settings.outcome.marginWeight + vision.settings.outcome.marginWeight * Math.min(1, margin / 0.5)));

  // Words the vision never uses weigh more for a direct answer than for suggestions ("welke training voor bhv").
  const answerCoverage = answerAt.unknownWordWeight === vision.settings.outcome.unknownWordWeight ? top.coverage : coverage(index, words, top.passage, answerAt.unknownWordWeight);
  if (confidence >= answerAt.confidence && answerCoverage >= answerAt.coverage) {
    const quote = selectQuote(index, top.passage, words, vision.settings.quote);
    // A question after an amount or a date is only answered by a quote that holds one (not the question's own).
    if (answersItsType(text, quote)) {
      return { ...base, outcome: 'answer', answer: quote, citations: [citation(top.passage, quote)], confidence, link: sectionLink(top.passage.section.id) };
    }
  }
  if (top.coverage >= suggestAt.coverage && knownShare(index, words) >= suggestAt.knownWords) {
    const chosen = ranked.filter((r, i) => i === 0 || (r.score >= suggestAt.relativeScore * top.score && r.coverage >= suggestAt.coverage)).slice(0, suggestAt.maxSections);
    return {
      ...base,
      outcome: 'suggest',
      answer: (chosen.length === 1 ? texts.suggestOne : texts.suggest)[language](options.contact),
      citations: chosen.map((r) => citation(r.passage, selectQuote(index, r.passage, words, vision.settings.quote))),
      confidence: Math.min(confidence, round(answerAt.confidence - 0.001)),
      suggestions: chosen.map((r) => ({ sectionId: r.passage.section.id, heading: r.passage.section.heading, link: sectionLink(r.passage.section.id) })),
    };
  }
  return { ...abstain, confidence: round(Math.min(confidence, top.coverage)) };
}

/** Why a question ranked as it did: its content words and, per best section, which of them it matched. */
export interface RankingExplanation {
  language: Lang;
  words: { word: string; terms: string[] }[];
  sections: { sectionId: string; heading: string; score: number; coverage: number; matched: string[] }[];
}

/** For editors improving the alternate questions and the lexicon (`ai-wijzer ask --explain`). */
export function explainRanking(vision: VisionIndex, question: string, options: { lang?: Lang; top?: number } = {}): RankingExplanation {
  const text = question.trim();
  const language = options.lang ?? chooseLanguage(vision, text);
  const index = vision.languages[language];
  const words = questionWords(index, text);
  const ranked = rank(index, words, vision.settings.outcome.unknownWordWeight, vision.settings.ranking.headingMatch).slice(0, options.top ?? 5);
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
}

/**
 * The one entry point for the bot, the tab and the CLI: the extractive answer, or, when a generative endpoint
 * is configured and the vision answers, a generated answer from the best passages that passed every check
 * (labelled generated: true). A rejected or failed generation leaves the extractive answer.
 */
export async function ask(vision: VisionIndex, question: string, options: AskAsyncOptions): Promise<AskResult> {
  const extractive = askExtractive(vision, question, options);
  if (!options.generative || extractive.outcome !== 'answer' || extractive.intent) return extractive;
  const index = vision.languages[extractive.language];
  const words = questionWords(index, extractive.question);
  const ranked = rank(index, words, vision.settings.outcome.unknownWordWeight, vision.settings.ranking.headingMatch).slice(0, 3);
  const passages = ranked.map((r) => ({ heading: r.passage.section.heading, text: r.passage.section.body }));
  const generation = await generateAnswer(extractive.question, extractive.language, passages, options.generative);
  if (!generation.ok) return extractive;
  return {
    ...extractive,
    answer: generation.text,
    generated: true,
    citations: generation.cited.map((n) => citation(ranked[n - 1]!.passage, selectQuote(index, ranked[n - 1]!.passage, words, vision.settings.quote))),
  };
}
