import snowball from 'snowball-stemmers';
import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import type { Lang } from '../../lang.js';
import type { Lexicon } from '../lexicon.js';
import { splitCompound } from './compounds.js';
import { fold } from './fold.js';
import { tokenize } from './tokenize.js';

/**
 * Snowball's Dutch stemmer leaves the -t of a present-tense verb ("leert", "benadeelt", "overneemt") while the
 * infinitive loses its -en ("leren" -> ler): the same verb then never matches. This gives the infinitive of a
 * word that may be such a form (long vowel written single again, f/s voiced: "leeft" -> leven); a word that is
 * not a verb only gains a term that nothing else uses.
 */
export function presentToInfinitive(word: string): string | undefined {
  if (word.length < 5 || !/^\p{L}+t$/u.test(word)) return undefined;
  let root = word.slice(0, -1);
  if (!/[bcdfgklmnprsvz]$/.test(root)) return undefined;
  const long = /([aeou])\1([bcdfgklmnprsvz])$/.exec(root);
  if (long) root = root.slice(0, -3) + long[1] + long[2];
  // A short stressed vowel doubles its consonant ("stopt" -> stoppen); an unstressed -er/-el/-en does not ("verandert").
  else if (/[^aeiou][aeiou][bdfgklmnprsz]$/.test(root) && !/e[rln]$/.test(root)) root += root.slice(-1);
  if (/(?:[aeiou]|ie|ij|ui|ei|ou|eu|oe)f$/.test(root)) root = `${root.slice(0, -1)}v`;
  return `${root}en`;
}

/** One word of a text after analysis: the terms it contributes to the index or asks for in a query. */
export interface AnalyzedWord {
  /** The folded word (a part, for hyphenated words). */
  surface: string;
  stem: string;
  /** Its stem, the stem of the whole hyphenated word, synonym groups ("=ai") and compound part stems. */
  terms: string[];
  /** Compound part stems, when the word was split (a query word counts as matched when all of them match). */
  parts: string[];
}

interface Unit extends AnalyzedWord {
  stop: boolean;
}

interface Phrase {
  stems: string[];
  group: string;
}

/** Enough for the vision's own words and a day of questions; beyond it the cache starts again. */
const maxCachedStems = 50_000;
const snowballStopwords: Record<Lang, readonly string[]> = { nl: dutchStopwords, en: englishStopwords };
const stemmerName: Record<Lang, string> = { nl: 'dutch', en: 'english' };

/**
 * Text analysis for one language: folding, tokenising (hyphenated compounds whole and in parts), stopwords,
 * Snowball stemming, synonym groups (phrases matched on stems) and Dutch compound splitting from precomputed
 * splits, or at query time against the words of the vision itself.
 */
export class Analyzer {
  private readonly stemCache = new Map<string, string>();
  private readonly stemmer: { stem(word: string): string };
  private readonly stops: Set<string>;
  private readonly metas: Set<string>;
  private readonly phrases = new Map<string, Phrase[]>();
  private vocabulary: Set<string> | undefined;
  private vocabularyStems: Set<string> | undefined;

  constructor(
    readonly lang: Lang,
    lexicon: Lexicon,
    private readonly compounds: Readonly<Record<string, readonly string[]>> = {},
  ) {
    this.stemmer = snowball.newStemmer(stemmerName[lang]);
    this.metas = new Set(lexicon.metaWords[lang].map(fold));
    const topic = new Set(lexicon.topicWords[lang].map(fold));
    this.stops = new Set(
      [...snowballStopwords[lang], ...lexicon.stopwords[lang]].map(fold).filter((w) => !topic.has(w)),
    );
    for (const group of lexicon.synonyms) {
      for (const term of group.terms) {
        const stems = tokenize(fold(term))
          .flatMap((t) => t.parts)
          .map((p) => this.stem(p));
        if (stems.length === 0) continue;
        const list = this.phrases.get(stems[0]!) ?? [];
        list.push({ stems, group: `=${group.id}` });
        this.phrases.set(stems[0]!, list);
      }
    }
  }

  stem(word: string): string {
    let stem = this.stemCache.get(word);
    if (stem === undefined) {
      stem = /^\p{L}+$/u.test(word) ? this.stemmer.stem(word) : word;
      // Questions bring new words (and compound splitting their pieces) for as long as the server runs.
      if (this.stemCache.size >= maxCachedStems) this.stemCache.clear();
      this.stemCache.set(word, stem);
    }
    return stem;
  }

  isStopword(word: string): boolean {
    return this.stops.has(word);
  }

  /** A word for the vision itself (lexicon metaWords), folded. */
  isMetaWord(word: string): boolean {
    return this.metas.has(word);
  }

  /** Lets queries split compounds the precomputed list does not know, into words the vision uses. */
  useVocabulary(words: Set<string>): void {
    this.vocabulary = words;
    this.vocabularyStems = new Set(
      [...words].filter((w) => w.length >= 5 && !this.stops.has(w)).map((w) => this.stem(w)),
    );
  }

  /** The content words of a text, stopwords removed, each with every term it stands for. */
  words(text: string): AnalyzedWord[] {
    const units: Unit[] = [];
    for (const token of tokenize(fold(text))) {
      token.parts.forEach((part, i) => {
        const stem = this.stem(part);
        const stop = this.stops.has(part) || (part.length < 2 && !/\d/.test(part));
        const unit: Unit = { surface: part, stem, terms: [stem], parts: [], stop };
        // Only for a question word the vision never writes: its own forms already match as they are.
        const infinitive =
          this.lang === 'nl' && !stop && this.vocabulary && !this.vocabulary.has(part)
            ? presentToInfinitive(part)
            : undefined;
        if (infinitive !== undefined) {
          const base = this.stem(infinitive);
          if (base !== stem) unit.terms.push(base);
        }
        if (i === token.parts.length - 1 && token.parts.length > 1)
          unit.terms.push(this.stem(token.word.replace(/-/g, '')));
        units.push(unit);
      });
    }
    this.matchPhrases(units);
    for (const unit of units) {
      if (unit.stop) continue;
      const split = this.split(unit.surface);
      if (!split) continue;
      for (const part of split) {
        const stem = this.stem(part);
        unit.parts.push(stem);
        unit.terms.push(stem);
        for (const phrase of this.phrases.get(stem) ?? []) if (phrase.stems.length === 1) unit.terms.push(phrase.group);
      }
    }
    return units
      .filter((u) => !u.stop)
      .map(({ surface, stem, terms, parts }) => ({ surface, stem, terms: [...new Set(terms)], parts }));
  }

  /** Every term of a text, with repeats, for indexing. */
  terms(text: string): string[] {
    return this.words(text).flatMap((w) => w.terms);
  }

  private matchPhrases(units: Unit[]): void {
    for (let i = 0; i < units.length; i++) {
      for (const phrase of this.phrases.get(units[i]!.stem) ?? []) {
        const n = phrase.stems.length;
        // A one-word synonym never revives a stopword ("kan" is not "kans", though both stem to "kan").
        if (i + n > units.length || (n === 1 && units[i]!.stop)) continue;
        // The words of a phrase in order; up to two stopwords may come between them ("verstaan we eigenlijk onder").
        const at = [i];
        let gaps = 0;
        for (let k = 1, j = i + 1; k < n && at.length === k; j++) {
          const unit = units[j];
          if (!unit) break;
          if (unit.stem === phrase.stems[k]) {
            at.push(j);
            k++;
          } else if (unit.stop && gaps < 2) gaps++;
          else break;
        }
        if (at.length !== n) continue;
        for (const j of at) {
          const unit = units[j]!;
          // A stopword inside a phrase ("in" of "touwtjes in handen") stands for the phrase only, never for itself.
          if (unit.stop) unit.terms = unit.terms.filter((t) => t.startsWith('='));
          if (!unit.terms.includes(phrase.group)) unit.terms.push(phrase.group);
          unit.stop = false;
        }
      }
    }
  }

  private split(word: string): readonly string[] | undefined {
    // Own entries only: a question word such as "constructor" must not find Object.prototype's.
    const known = Object.hasOwn(this.compounds, word) ? this.compounds[word] : undefined;
    if (known) return known;
    if (this.lang !== 'nl' || !this.vocabulary || this.vocabulary.has(word)) return undefined;
    const vocabulary = this.vocabulary;
    const stems = this.vocabularyStems;
    // A part counts when the vision uses it, or another form of it ("procesverbetering": proces + verbeteren).
    return splitCompound(
      word,
      (w) =>
        !this.stops.has(w) && (vocabulary.has(w) || (w.length >= 5 && stems !== undefined && stems.has(this.stem(w)))),
    );
  }
}
