import type { AnalyzedWord } from './analysis/analyzer.js';
import type { VisionSettings } from './settings.js';
import type { LanguageIndex } from './vision-index.js';

/**
 * Out of scope by what the question asks. "Hoe hoog is de Martinitoren?", "Hoe maak ik een draaitabel in Excel?":
 * the word the question is about (Martinitoren, draaitabel) is one the vision never uses, and what is left are
 * common words ("hoog", "maak") or one word that happens to occur somewhere ("Excel"). Such a question abstains,
 * however well that one word matches. A question that names AI is left to the coverage checks: on the tuning sets
 * the rule cost in-scope questions there ("hoeveel stroom slurpt AI") and abstained no more out-of-scope ones.
 * "Kun je mijn mail samenvatten?" asks the bot to do a task, not what the vision says: it abstains too, unless it
 * asks that of the vision itself ("kun je het AI-stuk samenvatten").
 */
export function offTopic(
  index: LanguageIndex,
  text: string,
  words: AnalyzedWord[],
  topic: VisionSettings['outcome']['topic'],
): boolean {
  if (asksATask(text) && !namesTheVision.test(text)) return true;
  if (words.some((w) => w.terms.includes('=ai'))) return false;
  const passages = index.passages.length;
  const unknown = words.filter((w) => w.surface.length >= 4 && !w.terms.some((t) => index.bm25.has(t)));
  if (unknown.length === 0) return false;
  // Words the vision uses that say what the question is about: not the vision's own words ("visie", "beleid") and
  // not words that stand in a large share of its sections ("maken", "werken", "toepassing").
  const specific = words.filter((w) => {
    const known = w.terms.filter((t) => index.bm25.has(t));
    if (known.length === 0 || index.analyzer.isMetaWord(w.surface)) return false;
    return Math.min(...known.map((t) => index.bm25.df(t))) / passages <= topic.commonShare;
  });
  return specific.length <= topic.maxSpecificWords;
}

// "Kun je mijn mail samenvatten?", "Can you write me a poem?", "Vat deze notulen samen": a task for the bot.
const taskRequest =
  /^\s*(kun|kan|wil|zou) (je|jij|u)\b.*[^\p{L}](samenvatten|vertalen|schrijven|opstellen|maken|herschrijven|sturen|versturen|plannen|berekenen|controleren)([^\p{L}]|$)|^\s*(can|could|would|will) you\b.*[^\p{L}](summari[sz]e|translate|write|draft|make|create|rewrite|send|plan|calculate|check)([^\p{L}]|$)|^\s*(vat|schrijf|vertaal|herschrijf|summari[sz]e|translate|write|draft)([^\p{L}]|$)/iu;
const namesTheVision = /(^|[^\p{L}])(visie|ai-visie|stuk|beleid|document|vision|policy|paper)([^\p{L}]|$)/iu;

/** Whether a sentence asks the bot to do a task (summarise, write, translate) rather than asking something. */
export function asksATask(text: string): boolean {
  return taskRequest.test(text);
}
