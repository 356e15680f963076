import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../lang.js';
import { srcDir } from '../paths.js';
import { Analyzer, type AnalyzedWord } from './analysis/analyzer.js';
import { Bm25fIndex, type FieldTerms } from './bm25f.js';
import { compoundsFor, loadCompounds } from './compounds-data.js';
import {
  checkTranslation,
  parseVisionMarkdown,
  VisionContentError,
  type VisionDocument,
  type VisionSection,
} from './document.js';
import { addExampleQuestions, type ContentWarning } from './examples.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { sentences, type Sentence } from './quotes.js';
import { loadRerankModel, type RerankModel } from './rerank/model.js';
import { loadSettings, type VisionSettings } from './settings.js';

/** A section that can answer: it has body text to quote. */
export interface Passage {
  section: VisionSection;
  /** Every term of the passage, in any field (for the coverage guard). */
  terms: Set<string>;
  sentences: (Sentence & { terms: Set<string> })[];
  /** What the section's own heading says, as a topic key (see topicKey). */
  headingKey: string;
  /** The terms of the heading (with the path above it), for the re-ranker's heading features. */
  headingTerms: Set<string>;
  /** Each alternate and example question apart: its words' terms, for the re-ranker's nearest-question features. */
  askedAs: AskedAs[];
}

/** One alternate (editor) or example (staff) question of a section, as its words' terms. */
export interface AskedAs {
  kind: 'question' | 'example';
  words: string[][];
  terms: Set<string>;
}

const askedAs = (analyzer: Analyzer, kind: AskedAs['kind'], texts: string[]): AskedAs[] =>
  texts.map((text) => {
    const words = analyzer.words(text).map((w) => w.terms);
    return { kind, words, terms: new Set(words.flat()) };
  });

/**
 * The topic of a text as a key: for each content word its synonym groups, or its stem when it has none, sorted.
 * "Wat is kunstmatige intelligentie?" and the heading "Wat is AI" both come to "=ai".
 */
export function topicKey(words: AnalyzedWord[]): string {
  const keys = new Set(
    words.map((w) => {
      const groups = w.terms.filter((t) => t.startsWith('='));
      return groups.length > 0 ? groups.sort().join('+') : w.stem;
    }),
  );
  return [...keys].sort().join(' ');
}

export interface LanguageIndex {
  lang: Lang;
  document: VisionDocument;
  analyzer: Analyzer;
  bm25: Bm25fIndex;
  passages: Passage[];
  /** The highest idf there is: that of a term the vision does not use. */
  maxIdf: number;
}

export interface VisionIndex {
  /** What was left out of the content while loading it (example questions for sections the vision lacks). */
  warnings: ContentWarning[];
  version: string;
  date: string;
  title: string;
  settings: VisionSettings;
  languages: Record<Lang, LanguageIndex>;
  /**
   * The learned re-ranker (generated/reranker.json): orders the best sections and decides answer or not by its
   * probability. Undefined only when loaded without it (to train it): then the word order and the threshold rule of
   * settings.yaml decide.
   */
  reranker: RerankModel | undefined;
}

export interface LoadVisionOptions {
  /** Folder with visie.nl.md and visie.en.md; defaults to src/vision/content. */
  contentDir?: string;
  /** Precomputed Dutch compound splits; defaults to src/vision/generated/compounds.json. */
  compounds?: Record<string, string[]>;
  lexicon?: Lexicon;
  settings?: VisionSettings;
  /** A re-ranker to use instead of generated/reranker.json, or null for none (the word order and the rule). */
  reranker?: RerankModel | null;
}

export const defaultContentDir = join(srcDir, 'vision', 'content');

export function readVisionDocuments(
  contentDir = defaultContentDir,
): Record<Lang, VisionDocument> & { warnings: ContentWarning[] } {
  const read = (name: string) => {
    let text: string;
    try {
      text = readFileSync(join(contentDir, name), 'utf8');
    } catch {
      throw new VisionContentError(name, 1, `bestand niet gevonden in ${contentDir}`);
    }
    return parseVisionMarkdown(text, name);
  };
  const nl = read('visie.nl.md');
  const en = read('visie.en.md');
  checkTranslation(nl, en);
  const warnings = [...addExampleQuestions(nl, contentDir), ...addExampleQuestions(en, contentDir)];
  return { nl, en, warnings };
}

/** Loads, validates and indexes the vision once (at start-up); throws a VisionContentError naming file and line. */
export function loadVision(options: LoadVisionOptions = {}): VisionIndex {
  const documents = readVisionDocuments(options.contentDir);
  const lexicon = options.lexicon ?? loadLexicon();
  const settings = options.settings ?? loadSettings();
  // Splits given by the caller are used as they are; otherwise the precomputed ones, made good where they are stale.
  const computed = options.compounds ? { splits: options.compounds } : compoundsFor(documents.nl, loadCompounds());
  const warnings = computed.warning ? [...documents.warnings, computed.warning] : documents.warnings;
  const build = (lang: Lang): LanguageIndex =>
    buildLanguageIndex(documents[lang], new Analyzer(lang, lexicon, lang === 'nl' ? computed.splits : {}), settings);
  return {
    warnings,
    version: documents.nl.meta.version,
    date: documents.nl.meta.date,
    title: documents.nl.meta.title,
    settings,
    languages: { nl: build('nl'), en: build('en') },
    reranker: options.reranker === null ? undefined : (options.reranker ?? loadRerankModel()),
  };
}

function buildLanguageIndex(document: VisionDocument, analyzer: Analyzer, settings: VisionSettings): LanguageIndex {
  const passages: Passage[] = [];
  const docs: FieldTerms[] = [];
  const vocabulary = new Set<string>();
  for (const section of document.sections) {
    if (section.body === '') continue;
    // The document title above every section would put its words in every heading: only the path below it counts.
    const headingWords = analyzer.words([...section.path.slice(1), section.heading].join('\n'));
    const questionWords = analyzer.words(section.questions.join('\n'));
    const exampleWords = analyzer.words(section.examples.join('\n'));
    // The body is analysed sentence by sentence, once: its terms are those of its sentences.
    const bodySentences = sentences(section.body).map((s) => ({
      ...s,
      words: analyzer.words(section.body.slice(s.start, s.end)),
    }));
    const bodyWords = bodySentences.flatMap((s) => s.words);
    for (const w of [...headingWords, ...questionWords, ...exampleWords, ...bodyWords]) vocabulary.add(w.surface);
    const fieldTerms: FieldTerms = {
      heading: headingWords.flatMap((w) => w.terms),
      questions: questionWords.flatMap((w) => w.terms),
      examples: exampleWords.flatMap((w) => w.terms),
      body: bodyWords.flatMap((w) => w.terms),
    };
    docs.push(fieldTerms);
    passages.push({
      section,
      headingKey: topicKey(analyzer.words(section.heading)),
      headingTerms: new Set(fieldTerms.heading),
      askedAs: [...askedAs(analyzer, 'question', section.questions), ...askedAs(analyzer, 'example', section.examples)],
      terms: new Set([...fieldTerms.heading, ...fieldTerms.questions, ...fieldTerms.examples, ...fieldTerms.body]),
      sentences: bodySentences.map(({ start, end, block, words }) => ({
        start,
        end,
        block,
        terms: new Set(words.flatMap((w) => w.terms)),
      })),
    });
  }
  analyzer.useVocabulary(vocabulary);
  const bm25 = new Bm25fIndex(docs, settings.ranking);
  return { lang: document.meta.language, document, analyzer, bm25, passages, maxIdf: bm25.idf('\u0000') };
}
