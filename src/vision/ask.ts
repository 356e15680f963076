import type { AskCitation, AskResponse } from '../api/ask.js';
import type { Lang } from '../api/validate.js';
import type { AnalyzedWord } from './analysis/analyzer.js';
import type { Hit } from './bm25f.js';
import type { VisionSettings } from './settings.js';
import { generateAnswer, type GenerativeOptions } from './generative.js';
import { detectIntent, intentAnswer } from './intents.js';
import { languageVotes } from './language.js';
import { topicKey, type LanguageIndex, type Passage, type VisionIndex } from './vision-index.js';

export type AskResult = AskResponse;

export interface AskOptions {
  /** Who to ask when the vision has no answer (PRIVACY_CONTACT). */
  contact: string;
  /** Answer in this language instead of the one detected from the question. */
  lang?: Lang;
}

export interface RankedSection {
  passage: Passage;
  score: number;
  coverage: number;
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
    else if (word.parts.length > 0) matched += (weight * word.parts.filter((p) => passage.terms.has(p)).length) / word.parts.length;
  }
  return total === 0 ? 0 : matched / total;
}

/** The passages that match a question, best first, with the share of the question each covers. */
export function rank(index: LanguageIndex, words: AnalyzedWord[], unknownWeight = 1, headingMatch = 1): RankedSection[] {
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
function knownShare(index: LanguageIndex, words: AnalyzedWord[]): number {
  if (words.length === 0) return 0;
  return words.filter((w) => w.terms.some((t) => index.bm25.has(t))).length / words.length;
}

/** One to three consecutive sentences of one paragraph: the ones that share most of the question's terms. */
export function selectQuote(index: LanguageIndex, passage: Passage, words: AnalyzedWord[], limits: VisionSettings['quote']): string {
  const { maxSentences, maxChars } = limits;
  const query = new Set(words.flatMap((w) => w.terms));
  const body = passage.section.body;
  const list = passage.sentences;
  if (list.length === 0) return body;
  const gain = list.map((s) => {
    let sum = 0;
    for (const term of query) if (s.terms.has(term)) sum += index.bm25.idf(term);
    return sum;
  });
  let best = 0;
  gain.forEach((g, i) => {
    if (g > gain[best]!) best = i;
  });
  const start = best;
  let end = best;
  const length = () => list[end]!.end - list[start]!.start;
  // Grow forwards within the paragraph while the quote is short or the next sentence also matches.
  while (end - start + 1 < maxSentences) {
    const next = list[end + 1];
    if (!next || next.block !== list[end]!.block) break;
    if (next.end - list[start]!.start > maxChars) break;
    if (length() >= 120 && gain[end + 1]! === 0) break;
    end++;
  }
  return body.slice(list[start]!.start, list[end]!.end);
}

function citation(passage: Passage, quote: string): AskCitation {
  return { sectionId: passage.section.id, heading: passage.section.heading, quote };
}

// "wat zegt de visie over X", "what does the policy say about X", "volgens het beleid", "staat X in de AI-visie".
const aboutSomething = /(^|[^\p{L}])(over|about|volgens|according|(in|from) (de|het|deze|dit|onze|the|this|our) ([\p{L}-]+ )?(visie|ai-visie|aivisie|beleid|ai-beleid|vision|ai vision|policy|document|stuk|paper))([^\p{L}]|$)/iu;

// "wat is X, kun je het uitleggen", "leg uit wat X is", "explain what X means": a request to the bot, not a topic.
const whatIs = /(^|[^\p{L}])(wat|what)([^\p{L}]|$).*([^\p{L}])(is|zijn|betekent|betekenen|are|means?)([^\p{L}]|$)/iu;
const requestWords = new Set(['uitleg', 'uitleggen', 'leg', 'explain']);

/**
 * The content words of a question. Words for the vision itself ("visie", "beleid") are dropped when the question
 * asks what it says about something else; they would pull it to the sections that mention the vision. "Uitleggen"
 * is dropped when it only asks the bot to explain what something is.
 */
export function questionWords(index: LanguageIndex, text: string): AnalyzedWord[] {
  let words = index.analyzer.words(text);
  if (whatIs.test(text) || /^\s*(leg|explain)\b/iu.test(text)) {
    const rest = words.filter((w) => !requestWords.has(w.surface));
    if (rest.length > 0) words = rest;
  }
  if (!aboutSomething.test(text)) return words;
  const rest = words.filter((w) => !index.analyzer.isMetaWord(w.surface));
  return rest.length < words.length && rest.some((w) => !w.terms.includes('=ai')) ? rest : words;
}

// Questions after an amount ("hoeveel", "wat kost", "how much") or a date ("per wanneer", "op welke datum", "since when").
const asksAmount = /(^|[^\p{L}])(hoeveel|hoe ?veel|hoe groot|hoe hoog|wat kost|wat kosten|welk bedrag|how much|how many|how large|how big|what does [\p{L} -]+ cost|what is the (price|cost))([^\p{L}]|$)/iu;
const asksDate = /(^|[^\p{L}])(per wanneer|sinds wanneer|vanaf wanneer|tot wanneer|welke datum|op welke dag|in welk jaar|welk jaar|what date|which date|since when|from when|until when|in what year|which year)([^\p{L}]|$)/iu;
// Month names ("may" and "march" left out: as English words they are mostly verbs).
const months = /(^|[^\p{L}])(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|june|july|august|october)([^\p{L}]|$)/iu;

/**
 * Whether a quote can answer the kind of question asked: one after an amount or a date needs a number (or, for a
 * date, a month) that the question does not already hold; "hoeveel CO2 kost een vraag" is not answered by a
 * paragraph on energy use without any figure.
 */
export function answersItsType(question: string, quote: string): boolean {
  const amount = asksAmount.test(question);
  const date = asksDate.test(question);
  if (!amount && !date) return true;
  const known = new Set(question.match(/\d+/g) ?? []);
  const numbers = (quote.match(/\d+/g) ?? []).filter((n) => !known.has(n));
  if (numbers.length > 0) return true;
  return date && months.test(quote) && !months.test(question);
}

/** Content words of a question that one language's vision text uses (synonym groups aside: they span both). */
function knownWords(index: LanguageIndex, text: string): number {
  return index.analyzer.words(text).filter((w) => w.terms.some((t) => !t.startsWith('=') && index.bm25.has(t))).length;
}

/**
 * The language of the question: its function words decide; when they do not ("ai training", "is ai biased"),
 * the language whose vision text knows more of its words, Dutch when even.
 */
export function chooseLanguage(vision: VisionIndex, text: string): Lang {
  const votes = languageVotes(text);
  if (votes.nl !== votes.en) return votes.en > votes.nl ? 'en' : 'nl';
  return knownWords(vision.languages.en, text) > knownWords(vision.languages.nl, text) ? 'en' : 'nl';
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
