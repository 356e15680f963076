import type { AnalyzedWord } from './analysis/analyzer.js';
import type { LanguageIndex } from './vision-index.js';

// "wat zegt de visie over X", "what does the policy say about X", "volgens het beleid", "staat X in de AI-visie".
const aboutSomething =
  /(^|[^\p{L}])(over|about|volgens|according|(in|from) (de|het|deze|dit|onze|the|this|our) ([\p{L}-]+ )?(visie|ai-visie|aivisie|beleid|ai-beleid|vision|ai vision|policy|document|stuk|paper))([^\p{L}]|$)/iu;

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
const asksAmount =
  /(^|[^\p{L}])(hoeveel|hoe ?veel|hoe groot|hoe hoog|wat kost|wat kosten|welk bedrag|how much|how many|how large|how big|what does [\p{L} -]+ cost|what is the (price|cost))([^\p{L}]|$)/iu;
const asksDate =
  /(^|[^\p{L}])(per wanneer|sinds wanneer|vanaf wanneer|tot wanneer|welke datum|op welke dag|in welk jaar|welk jaar|what date|which date|since when|from when|until when|in what year|which year)([^\p{L}]|$)/iu;
// Month names ("may" and "march" left out: as English words they are mostly verbs).
const months =
  /(^|[^\p{L}])(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|june|july|august|october)([^\p{L}]|$)/iu;

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
