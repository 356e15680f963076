import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import lunrNl from 'lunr-languages/lunr.nl.js';
import { z } from 'zod';
import type { Lang } from '../../../src/lang.js';
import { fold } from '../../../src/vision/analysis/fold.js';
import { rootDir } from '../../../src/paths.js';
import {
  ask,
  askExtractive,
  loadVision,
  type AskResult,
  type SemanticOptions,
  type VisionIndex,
} from '../../../src/vision/index.js';
import { pairedDifference, wilsonInterval } from './intervals.js';

stemmerSupport(lunr);
lunrNl(lunr);

export const questionsPath = join(rootDir, 'tests', 'vision', 'eval', 'questions.yaml');
/** The validation set: a second evaluation set with its own halves, written without sight of the engine. */
export const validationQuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'validation-questions.yaml');
/** The second validation set, written the same way after the first had been tuned on: held out (test half only). */
export const validation2QuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'validation2-questions.yaml');
/** The third validation set, written after the example questions were added: held out (test half only). */
export const validation3QuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'validation3-questions.yaml');
/**
 * The fourth held-out set, written for issue 15 and frozen: scored once, by the maintainer, at the end of the issue
 * (`npm run eval -- --heldout4`). Never read it to tune, never print its questions: the content test only reports
 * the ids of its questions.
 */
export const heldOut4QuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'heldout4-questions.yaml');
/** The own tuning set (no split: all of it is tuned on; it measures generalisation, it is not the evaluation). */
export const ownQuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'own-questions.yaml');

const questionSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['nl', 'en']),
  split: z.enum(['dev', 'test']),
  scope: z.enum(['in', 'out']),
  question: z.string().min(1),
  sections: z.array(z.string()),
});
const evalSetSchema = z.object({ version: z.literal(1), questions: z.array(questionSchema).min(1) });
const ownSetSchema = z.object({
  version: z.literal(1),
  questions: z.array(questionSchema.omit({ split: true })).min(1),
});
export type EvalQuestion = z.infer<typeof questionSchema>;
/** What scoring needs of a question, in either set. */
export type ScoredQuestion = Omit<EvalQuestion, 'split'>;
export type Split = EvalQuestion['split'];
type Outcome = AskResult['outcome'];

export async function loadQuestions(path = questionsPath): Promise<EvalQuestion[]> {
  const { parse } = await import('yaml');
  const result = evalSetSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success)
    throw new Error(`${path}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data.questions;
}

/**
 * The fourth held-out set: all of it held out, whatever a question's split says (the field may be left out). Errors
 * name the place of a problem, never a question's text.
 */
export async function loadHeldOut4Questions(path = heldOut4QuestionsPath): Promise<EvalQuestion[]> {
  const { parse } = await import('yaml');
  const schema = z.object({
    version: z.literal(1),
    questions: z.array(questionSchema.extend({ split: questionSchema.shape.split.optional() })).min(1),
  });
  const result = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success)
    throw new Error(`${path}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; ')}`);
  return result.data.questions.map((q) => ({ ...q, split: 'test' as const }));
}

export async function loadOwnQuestions(path = ownQuestionsPath): Promise<ScoredQuestion[]> {
  const { parse } = await import('yaml');
  const result = ownSetSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success)
    throw new Error(`${path}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data.questions;
}

export interface Prediction {
  outcome: Outcome;
  /** The language answered in (quotes come from that language's file). */
  language: Lang;
  /**
   * The sections the person sees, in order: for an answer its section first, then any other section it cites, then
   * its "zie ook" sections; for suggestions the sections offered. Nothing for an abstention.
   */
  sections: string[];
  quotes: { sectionId: string; quote: string }[];
}

/** A share of a set of questions with its 95% Wilson interval (intervals.ts). */
export interface Share {
  count: number;
  of: number;
  rate: number;
  interval: [number, number];
}

export function share(count: number, of: number): Share {
  return { count, of, rate: of ? count / of : 0, interval: wilsonInterval(count, of) };
}

/** What went wrong with an in-scope question that was not answered right. */
export interface Miss {
  id: string;
  question: string;
  gold: string[];
  got: string[];
  outcome: Outcome;
  /** Whether the right section was among what the person saw (a suggestion, a citation). */
  shown: boolean;
}

/**
 * The figures of one set as a person meets them. In scope, the headline is **answered right** (Hit@1): a direct
 * answer whose section is one of the question's. A suggestion never counts as a hit: a right section among the
 * suggestions is **shown right**, reported beside it, as is every question whose right section was anywhere the
 * person sees it (the answer, its citations, the suggestions). A direct answer from another section is a **wrong
 * answer**. Out of scope the vision has no answer: **abstained** is right; suggested and answered are both failures,
 * answered (a false answer) the worse. Every share of its own questions, with its 95% interval.
 */
export interface Figures {
  questions: number;
  inScope: {
    questions: number;
    answeredRight: Share;
    shownRight: Share;
    wrongAnswers: Share;
    suggested: Share;
    abstained: Share;
  };
  outOfScope: { questions: number; abstained: Share; suggested: Share; answered: Share };
  matrix: Record<'in' | 'out', Record<Outcome, number>>;
  /**
   * The quotes given and how many are exact text of their section. In the extractive mode a quote is a slice of
   * the section's text by construction, so this is a check of the code, not a measured quality (for the generative
   * mode, which could misquote, see generative.ts).
   */
  quotes: { checked: number; exact: number };
  /** In-scope questions not answered right, in the order of the set. */
  misses: Miss[];
}

export function figures(
  questions: ScoredQuestion[],
  predict: (q: ScoredQuestion) => Prediction,
  vision: VisionIndex,
): Figures {
  const matrix = { in: { answer: 0, suggest: 0, abstain: 0 }, out: { answer: 0, suggest: 0, abstain: 0 } };
  let answeredRight = 0;
  let shownRight = 0;
  let wrongAnswers = 0;
  let checked = 0;
  let exact = 0;
  const misses: Miss[] = [];
  for (const q of questions) {
    const p = predict(q);
    matrix[q.scope][p.outcome]++;
    for (const { sectionId, quote } of p.quotes) {
      checked++;
      const body = vision.languages[p.language].document.sections.find((s) => s.id === sectionId)?.body ?? '';
      if (quote.length > 0 && body.includes(quote)) exact++;
    }
    if (q.scope !== 'in') continue;
    const seen = p.outcome === 'abstain' ? [] : [...p.sections, ...p.quotes.map((c) => c.sectionId)];
    const shown = seen.some((s) => q.sections.includes(s));
    if (shown) shownRight++;
    const right = p.outcome === 'answer' && p.sections[0] !== undefined && q.sections.includes(p.sections[0]);
    if (right) answeredRight++;
    else {
      if (p.outcome === 'answer') wrongAnswers++;
      misses.push({
        id: q.id,
        question: q.question,
        gold: q.sections,
        got: p.outcome === 'abstain' ? [] : p.sections.slice(0, 3),
        outcome: p.outcome,
        shown,
      });
    }
  }
  const inScope = questions.filter((q) => q.scope === 'in').length;
  const outOfScope = questions.length - inScope;
  return {
    questions: questions.length,
    inScope: {
      questions: inScope,
      answeredRight: share(answeredRight, inScope),
      shownRight: share(shownRight, inScope),
      wrongAnswers: share(wrongAnswers, inScope),
      suggested: share(matrix.in.suggest, inScope),
      abstained: share(matrix.in.abstain, inScope),
    },
    outOfScope: {
      questions: outOfScope,
      abstained: share(matrix.out.abstain, outOfScope),
      suggested: share(matrix.out.suggest, outOfScope),
      answered: share(matrix.out.answer, outOfScope),
    },
    matrix,
    quotes: { checked, exact },
    misses,
  };
}

/** Answered right, engine minus baseline, on the same questions: the paired difference with its 95% interval. */
export function gainOverBaseline(engine: Figures, baseline: Figures): ReturnType<typeof pairedDifference> {
  const missed = (f: Figures) => new Set(f.misses.map((m) => m.id));
  const [mine, theirs] = [missed(engine), missed(baseline)];
  const onlyEngine = [...theirs].filter((id) => !mine.has(id)).length;
  const onlyBaseline = [...mine].filter((id) => !theirs.has(id)).length;
  return pairedDifference(onlyEngine, onlyBaseline, engine.inScope.questions);
}

const contact = 'het AI- en privacyteam';

export function prediction(result: AskResult): Prediction {
  const cited = result.citations.map((c) => c.sectionId);
  // An answer shows its section, then what it cites, then its "zie ook" sections: all of them are seen.
  const offered =
    result.outcome === 'suggest'
      ? (result.suggestions ?? []).map((s) => s.sectionId)
      : [...cited, ...(result.seeAlso ?? []).map((s) => s.sectionId)];
  return {
    outcome: result.outcome,
    language: result.language,
    sections: result.outcome === 'abstain' ? [] : [...new Set([...offered, ...cited])],
    quotes: result.citations.map((c) => ({ sectionId: c.sectionId, quote: c.quote })),
  };
}

export function engine(vision: VisionIndex): (q: ScoredQuestion) => Prediction {
  return (q) => prediction(askExtractive(vision, q.question, { contact }));
}

/**
 * The engine in its semantic mode (an embedding endpoint, see src/vision/semantic.ts): every question is asked
 * up front, so that scoring stays the same. A question whose embedding failed counts as the words alone would.
 */
export async function semanticEngine(
  vision: VisionIndex,
  questions: ScoredQuestion[],
  semantic: SemanticOptions,
): Promise<{ predict: (q: ScoredQuestion) => Prediction; fallbacks: number }> {
  const results = new Map<string, Prediction>();
  let fallbacks = 0;
  for (const q of questions)
    results.set(
      q.id,
      prediction(await ask(vision, q.question, { contact, semantic, onSemanticFallback: () => fallbacks++ })),
    );
  if (fallbacks > 0)
    console.error(
      `Let op: bij ${fallbacks} van ${questions.length} vragen gaf het embeddingmodel niets; die tellen met de woorden alleen.`,
    );
  return { predict: (q) => results.get(q.id)!, fallbacks };
}

/**
 * The words lunr sees, in the documents and in the questions alike: folded as the engine folds (diacritics, case,
 * typographic quotes) and split at every character that is not a letter or digit, as the engine's tokeniser does.
 * Stemming and stopwords are lunr-languages' Dutch pipeline (lunr.nl) and lunr's own English one; the engine's
 * synonyms and compound splits are its own design and stay out of the baseline.
 */
const lunrWords = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** lunr over the same passages as the engine: per question the sections it finds, best first, with lunr's score. */
export function lunrSearch(vision: VisionIndex): (q: ScoredQuestion) => { sectionId: string; score: number }[] {
  const build = (lang: Lang) => {
    const passages = vision.languages[lang].passages;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const l = lunr as any;
    return lunr(function () {
      if (lang === 'nl') this.use(l.nl);
      this.ref('id');
      this.field('heading', { boost: 2 });
      this.field('questions');
      this.field('body');
      // The same passages: alternate and example questions are both questions staff ask after the section.
      for (const p of passages) {
        this.add({
          id: p.section.id,
          heading: lunrWords([...p.section.path, p.section.heading].join(' ')).join(' '),
          questions: lunrWords([...p.section.questions, ...p.section.examples].join(' ')).join(' '),
          body: lunrWords(p.section.body).join(' '),
        });
      }
    });
  };
  const indexes = { nl: build('nl'), en: build('en') };
  return (q) => {
    const terms = lunrWords(q.question);
    if (terms.length === 0) return [];
    return indexes[q.lang]
      .query((query) => {
        for (const term of terms) query.term(term, { presence: lunr.Query.presence.OPTIONAL });
      })
      .map((h) => ({ sectionId: h.ref, score: h.score }));
  };
}

/**
 * The baseline: lunr's best section as a direct answer when its score reaches the threshold, else an abstention
 * (lunr has no suggestions; it shows the one section it answers with).
 */
export function baseline(vision: VisionIndex, threshold: number): (q: ScoredQuestion) => Prediction {
  const search = lunrSearch(vision);
  return (q) => {
    const top = search(q)[0];
    if (!top || top.score < threshold) return { outcome: 'abstain', language: q.lang, sections: [], quotes: [] };
    return { outcome: 'answer', language: q.lang, sections: [top.sectionId], quotes: [] };
  };
}

/** The baseline's abstention threshold and how it was chosen. */
export interface BaselineThreshold {
  threshold: number;
  /** On the development half: direct answers right minus direct answers wrong (in scope or out of scope). */
  net: number;
  tunedOn: string;
}

/**
 * The baseline's abstention threshold, chosen on the development half of questions.yaml alone (never on a held-out
 * set): the minimum lunr score that maximises the net number of right direct answers, that is answered right minus
 * every other direct answer (a wrong section in scope, any answer out of scope). Candidates lie halfway between
 * consecutive best scores; of equal ones the lowest (the most answers). Chosen afresh on every run, so that it
 * follows the content.
 */
export async function tuneBaselineThreshold(vision: VisionIndex = loadVision()): Promise<BaselineThreshold> {
  const dev = (await loadQuestions(questionsPath)).filter((q) => q.split === 'dev');
  const search = lunrSearch(vision);
  const tops = dev
    .map((q) => ({ top: search(q)[0], q }))
    .filter((x): x is { top: { sectionId: string; score: number }; q: EvalQuestion } => x.top !== undefined)
    .map(({ top, q }) => ({ score: top.score, right: q.scope === 'in' && q.sections.includes(top.sectionId) }));
  const scores = [...new Set(tops.map((t) => t.score))].sort((a, b) => a - b);
  const candidates = [0, ...scores.slice(1).map((s, i) => (scores[i]! + s) / 2), (scores.at(-1) ?? 0) + 1];
  let best: BaselineThreshold = { threshold: 0, net: -Infinity, tunedOn: 'questions.yaml, split dev' };
  for (const threshold of candidates) {
    const answered = tops.filter((t) => t.score >= threshold);
    const net = answered.filter((t) => t.right).length - answered.filter((t) => !t.right).length;
    if (net > best.net) best = { ...best, threshold, net };
  }
  return best;
}

export interface Evaluation {
  visionVersion: string;
  baselineThreshold: BaselineThreshold;
  splits: Partial<Record<Split, { engine: Figures; baseline: Figures }>>;
}

export async function evaluate(
  splits: Split[] = ['dev', 'test'],
  vision: VisionIndex = loadVision(),
  path = questionsPath,
  semantic?: SemanticOptions,
  questions?: EvalQuestion[],
): Promise<Evaluation> {
  const all = questions ?? (await loadQuestions(path));
  const mine = semantic ? (await semanticEngine(vision, all, semantic)).predict : engine(vision);
  const baselineThreshold = await tuneBaselineThreshold(vision);
  const base = baseline(vision, baselineThreshold.threshold);
  const result: Evaluation = { visionVersion: vision.version, baselineThreshold, splits: {} };
  for (const split of splits) {
    const subset = all.filter((q) => q.split === split);
    result.splits[split] = { engine: figures(subset, mine, vision), baseline: figures(subset, base, vision) };
  }
  return result;
}

/** The own tuning set, scored the same way as the evaluation halves. */
export async function evaluateOwn(
  vision: VisionIndex = loadVision(),
  semantic?: SemanticOptions,
): Promise<{ visionVersion: string; baselineThreshold: BaselineThreshold; engine: Figures; baseline: Figures }> {
  const questions = await loadOwnQuestions();
  const mine = semantic ? (await semanticEngine(vision, questions, semantic)).predict : engine(vision);
  const baselineThreshold = await tuneBaselineThreshold(vision);
  return {
    visionVersion: vision.version,
    baselineThreshold,
    engine: figures(questions, mine, vision),
    baseline: figures(questions, baseline(vision, baselineThreshold.threshold), vision),
  };
}
