import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import type { Lang } from '../api/validate.js';
import { fold } from './analysis/fold.js';
import { tokenize } from './analysis/tokenize.js';

// Words that occur in both lists, or in both languages ("in", "is", "over", "be" ...) decide nothing.
const dutch = new Set([...dutchStopwords, 'mag', 'ik', 'wat', 'hoe', 'welke', 'waarom', 'wanneer', 'gemeente', 'gebruiken', 'zegt', 'visie', 'mijn', 'bij', 'voor', 'het', 'een', 'hallo', 'hoi', 'dank', 'bedankt', 'goedemorgen', 'goedemiddag', 'wie', 'ben', 'jij', 'kun', 'je']);
const english = new Set([...englishStopwords, 'municipality', 'use', 'does', 'say', 'vision', 'hello', 'hi', 'thanks', 'thank', 'you', 'who', 'can', 'what', 'how', 'why', 'when', 'my', 'data', 'staff', 'tool', 'tools', 'allowed', 'good', 'morning']);
for (const shared of ['in', 'is', 'over', 'me', 'we', 'had', 'was', 'die', 'of', 'an', 'door', 'data', 'tool', 'tools', 'hi']) {
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
