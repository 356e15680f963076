import type { Lang } from '../lang.js';
import { dot, embed, EmbeddingError, type EmbeddingFailure, type EmbeddingOptions } from './embeddings.js';
import { sentences } from './quotes.js';
import type { RankedSection } from './ranking.js';
import type { LanguageIndex, VisionIndex } from './vision-index.js';
import type { VisionSection } from './document.js';

/**
 * The optional semantic mode: an embedding model (see embeddings.ts) reorders the sections the words found, so that
 * "welke zorgen zijn er" can prefer the section on risks over one that merely shares the word "zorg". It never brings
 * in a section that shares no word with the question, and the outcome (answer, suggest, abstain) is still decided by
 * the words: a model finds a nearest section for any question, also for one about parking permits.
 */
export type SemanticOptions = EmbeddingOptions;

/** A body is embedded in stretches of whole sentences of about this many characters (models read ~512 tokens). */
const stretchChars = 600;
/** After a failed start-up the endpoint is tried again no sooner than this. */
const retryAfterFailureMs = 60_000;

/** The texts that stand for a section: its heading with each stretch of its body, and each alternate and example question. */
export function sectionTexts(section: VisionSection): string[] {
  const stretches: string[] = [];
  let current = '';
  for (const s of sentences(section.body)) {
    const sentence = section.body.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    if (current !== '' && current.length + sentence.length > stretchChars) {
      stretches.push(current);
      current = '';
    }
    current = current === '' ? sentence : `${current} ${sentence}`;
  }
  if (current !== '') stretches.push(current);
  return [...stretches.map((s) => `${section.heading}. ${s}`), ...section.questions, ...section.examples];
}

interface LanguageVectors {
  vectors: Float32Array[];
  /** For each vector, the index of its passage in LanguageIndex.passages. */
  passage: number[];
}

export type SemanticReadiness = { ok: true; texts: number } | { ok: false; reason: EmbeddingFailure };

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; done: Promise<SemanticReadiness> }
  | { kind: 'ready'; languages: Record<Lang, LanguageVectors>; texts: number }
  | { kind: 'failed'; reason: EmbeddingFailure; at: number };

/** The section vectors of one vision for one endpoint and model: embedded once, in the background, tried again after a failure. */
export class SemanticIndex {
  private state: State = { kind: 'idle' };

  constructor(
    private readonly vision: VisionIndex,
    readonly options: SemanticOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts embedding the sections unless that is done, under way, or failed less than a minute ago; resolves when it ends. */
  prepare(): Promise<SemanticReadiness> {
    const state = this.state;
    if (state.kind === 'ready') return Promise.resolve({ ok: true, texts: state.texts });
    if (state.kind === 'loading') return state.done;
    if (state.kind === 'failed' && this.now() - state.at < retryAfterFailureMs)
      return Promise.resolve({ ok: false, reason: state.reason });
    const done = this.load().then(
      (languages): SemanticReadiness => {
        const texts = languages.nl.vectors.length + languages.en.vectors.length;
        this.state = { kind: 'ready', languages, texts };
        return { ok: true, texts };
      },
      (error: unknown): SemanticReadiness => {
        const reason = error instanceof EmbeddingError ? error.reason : 'endpoint';
        this.state = { kind: 'failed', reason, at: this.now() };
        return { ok: false, reason };
      },
    );
    this.state = { kind: 'loading', done };
    return done;
  }

  /** The vectors when they are there; otherwise undefined, and loading starts (a question never waits for it). */
  vectors(lang: Lang): LanguageVectors | undefined {
    if (this.state.kind === 'ready') return this.state.languages[lang];
    void this.prepare();
    return undefined;
  }

  private async load(): Promise<Record<Lang, LanguageVectors>> {
    const forLanguage = async (index: LanguageIndex): Promise<LanguageVectors> => {
      const texts: string[] = [];
      const passage: number[] = [];
      index.passages.forEach((p, i) => {
        for (const text of sectionTexts(p.section)) {
          texts.push(`${this.options.passagePrefix ?? ''}${text}`);
          passage.push(i);
        }
      });
      return { vectors: await embed(texts, this.options, { timeoutMs: 30_000, retries: 3 }), passage };
    };
    const nl = await forLanguage(this.vision.languages.nl);
    const en = await forLanguage(this.vision.languages.en);
    if (nl.vectors[0]?.length !== en.vectors[0]?.length) throw new EmbeddingError('format');
    return { nl, en };
  }
}

const indexes = new WeakMap<VisionIndex, WeakMap<SemanticOptions, SemanticIndex>>();

/** One SemanticIndex per vision and options object, shared by every question (and every surface) that passes them. */
export function semanticIndex(vision: VisionIndex, options: SemanticOptions): SemanticIndex {
  let byOptions = indexes.get(vision);
  if (!byOptions) indexes.set(vision, (byOptions = new WeakMap()));
  let index = byOptions.get(options);
  if (!index) byOptions.set(options, (index = new SemanticIndex(vision, options)));
  return index;
}

/** How close the question is to each passage (the best of its texts), by cosine; index as LanguageIndex.passages. */
export async function passageSimilarities(
  question: string,
  vectors: LanguageVectors,
  passages: number,
  options: SemanticOptions,
): Promise<Float64Array> {
  const [query] = await embed([`${options.queryPrefix ?? ''}${question}`], options);
  if (!query || query.length !== vectors.vectors[0]?.length) throw new EmbeddingError('format');
  const best = new Float64Array(passages).fill(-1);
  vectors.vectors.forEach((v, i) => {
    const p = vectors.passage[i]!;
    best[p] = Math.max(best[p]!, dot(query, v));
  });
  return best;
}

/**
 * The sections the words found, ordered by a mix of both: (1 - weight) times the word score relative to the best,
 * plus weight times the closeness in meaning relative to the closest and farthest section. Coverage stays that of
 * the words, so the outcome thresholds keep their meaning.
 */
export function fuse(
  ranked: RankedSection[],
  similarity: Float64Array,
  passages: LanguageIndex['passages'],
  weight: number,
): RankedSection[] {
  // The best word score (after the re-ranker it need not be the first section's).
  const top = Math.max(0, ...ranked.map((r) => r.score));
  if (top <= 0) return ranked;
  const values = [...similarity];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const spread = high - low || 1;
  // The order: by the re-ranker's probability where it ranked the sections (relative to the best), else the word
  // score, with closeness; the score kept for the outcome is the word score's share with closeness, as before.
  const topProbability = Math.max(0, ...ranked.map((r) => r.probability ?? 0));
  const closeness = (r: RankedSection) => (weight * (similarity[passages.indexOf(r.passage)]! - low)) / spread;
  const order = (r: RankedSection) =>
    (1 - weight) *
      (r.probability !== undefined && topProbability > 0 ? r.probability / topProbability : r.score / top) +
    closeness(r);
  return ranked
    .map((r) => ({ r: { ...r, score: (1 - weight) * (r.score / top) + closeness(r) }, key: order(r) }))
    .sort((a, b) => b.key - a.key)
    .map(({ r }) => r);
}
