import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import type { Lang } from '../lang.js';
import { fold } from './analysis/fold.js';
import { tokenize } from './analysis/tokenize.js';
import type { LanguageIndex, VisionIndex } from './vision-index.js';

// Words that occur in both lists, or in both languages ("in", "is", "over", "be" ...) decide nothing.
const dutch = new Set([
  ...dutchStopwords,
  'mag',
  'ik',
  'wat',
  'hoe',
  'welke',
  'waarom',
  'wanneer',
  'gemeente',
  'gebruiken',
  'zegt',
  'visie',
  'mijn',
  'bij',
  'voor',
  'het',
  'een',
  'hallo',
  'hoi',
  'dank',
  'bedankt',
  'goedemorgen',
  'goedemiddag',
  'wie',
  'ben',
  'jij',
  'kun',
  'je',
]);
const english = new Set([
  ...englishStopwords,
  'municipality',
  'use',
  'does',
  'say',
  'vision',
  'hello',
  'hi',
  'thanks',
  'thank',
  'you',
  'who',
  'can',
  'what',
  'how',
  'why',
  'when',
  'my',
  'data',
  'staff',
  'tool',
  'tools',
  'allowed',
  'good',
  'morning',
]);
for (const shared of [
  'in',
  'is',
  'over',
  'me',
  'we',
  'had',
  'was',
  'die',
  'of',
  'an',
  'door',
  'data',
  'tool',
  'tools',
  'hi',
]) {
  dutch.delete(shared);
  english.delete(shared);
}

/** How many function words of each language a question holds. */
export function languageVotes(text: string): Record<Lang, number> {
  let nl = 0;
  let en = 0;
  for (const { parts } of tokenize(fold(text))) {
    for (const word of parts) {
      if (dutch.has(word)) nl++;
      if (english.has(word)) en++;
    }
  }
  return { nl, en };
}

/** The language of a question from its words: English only when English words clearly outnumber Dutch ones. */
export function detectLanguage(text: string): Lang {
  const { nl, en } = languageVotes(text);
  return en > nl ? 'en' : 'nl';
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
