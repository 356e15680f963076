import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import lunrNl from 'lunr-languages/lunr.nl.js';
import { z } from 'zod';
import type { Lang } from '../../../src/lang.js';
import { rootDir } from '../../../src/paths.js';
import {
  ask,
  askExtractive,
  loadVision,
  type AskResult,
  type SemanticOptions,
  type VisionIndex,
} from '../../../src/vision/index.js';

stemmerSupport(lunr);
lunrNl(lunr);

export const questionsPath = join(rootDir, 'tests', 'vision', 'eval', 'questions.yaml');
/** The validation set: a second evaluation set with its own halves, written without sight of the engine. */
export const validationQuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'validation-questions.yaml');
/** The second validation set, written the same way after the first had been tuned on: held out (test half only). */
export const validation2QuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'validation2-questions.yaml');
/** The third validation set, written after the example questions were added: held out (test half only). */
export const validation3QuestionsPath = join(rootDir, 'tests', 'vision', 'eval', 'validation3-questions.yaml');
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
  /** Sections in the order offered: the answer's, or the suggestions. */
  sections: string[];
  quotes: { sectionId: string; quote: string }[];
}

export interface Figures {
  questions: number;
  inScope: number;
  outOfScope: number;
  hit1: number;
  hit3: number;
  matrix: Record<'in' | 'out', Record<Outcome, number>>;
  /** Share of out-of-scope questions that got an answer. */
  falseAnswerRate: number;
  /** Share of out-of-scope questions that got an answer or suggestions. */
  notAbstainedRate: number;
  /** Share of quotes that are exact substrings of their section's text. */
  quoteFidelity: number;
  quotes: number;
  misses: { id: string; question: string; gold: string[]; got: string[]; outcome: Outcome }[];
}

export function figures(
  questions: ScoredQuestion[],
  predict: (q: ScoredQuestion) => Prediction,
  vision: VisionIndex,
): Figures {
  const matrix = { in: { answer: 0, suggest: 0, abstain: 0 }, out: { answer: 0, suggest: 0, abstain: 0 } };
  let hit1 = 0;
  let hit3 = 0;
  let quotes = 0;
  let faithful = 0;
  const misses: Figures['misses'] = [];
  for (const q of questions) {
    const p = predict(q);
    matrix[q.scope][p.outcome]++;
    for (const { sectionId, quote } of p.quotes) {
      quotes++;
      const body = vision.languages[p.language].document.sections.find((s) => s.id === sectionId)?.body ?? '';
      if (quote.length > 0 && body.includes(quote)) faithful++;
    }
    if (q.scope !== 'in') continue;
    const offered = p.outcome === 'abstain' ? [] : p.sections;
    const first = offered[0];
    if (first !== undefined && q.sections.includes(first)) hit1++;
    else
      misses.push({ id: q.id, question: q.question, gold: q.sections, got: offered.slice(0, 3), outcome: p.outcome });
    if (offered.slice(0, 3).some((s) => q.sections.includes(s))) hit3++;
  }
  const inScope = questions.filter((q) => q.scope === 'in').length;
  const outOfScope = questions.length - inScope;
  return {
    questions: questions.length,
    inScope,
    outOfScope,
    hit1: inScope ? hit1 / inScope : 0,
    hit3: inScope ? hit3 / inScope : 0,
    matrix,
    falseAnswerRate: outOfScope ? matrix.out.answer / outOfScope : 0,
    notAbstainedRate: outOfScope ? (matrix.out.answer + matrix.out.suggest) / outOfScope : 0,
    quoteFidelity: quotes ? faithful / quotes : 1,
    quotes,
    misses,
  };
}

const contact = 'het AI- en privacyteam';

function prediction(result: AskResult): Prediction {
  const sections =
    result.outcome === 'suggest'
      ? (result.suggestions ?? []).map((s) => s.sectionId)
      : result.citations.map((c) => c.sectionId);
  return {
    outcome: result.outcome,
    language: result.language,
    sections,
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

/** The plain baseline: lunr with lunr-languages' Dutch pipeline (English: lunr's own), same passages, top hit answers. */
export function baseline(vision: VisionIndex): (q: ScoredQuestion) => Prediction {
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
          heading: [...p.section.path, p.section.heading].join(' '),
          questions: [...p.section.questions, ...p.section.examples].join(' '),
          body: p.section.body,
        });
      }
    });
  };
  const indexes = { nl: build('nl'), en: build('en') };
  return (q) => {
    const index = indexes[q.lang];
    const terms = q.question
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const hits = index.query((query) => {
      for (const term of terms) query.term(term, { presence: lunr.Query.presence.OPTIONAL });
    });
    if (hits.length === 0) return { outcome: 'abstain', language: q.lang, sections: [], quotes: [] };
    return { outcome: 'answer', language: q.lang, sections: hits.slice(0, 3).map((h) => h.ref), quotes: [] };
  };
}

export interface Evaluation {
  visionVersion: string;
  splits: Record<Split, { engine: Figures; baseline: Figures }>;
}

export async function evaluate(
  splits: Split[] = ['dev', 'test'],
  vision: VisionIndex = loadVision(),
  path = questionsPath,
  semantic?: SemanticOptions,
): Promise<Evaluation> {
  const questions = await loadQuestions(path);
  const mine = semantic ? (await semanticEngine(vision, questions, semantic)).predict : engine(vision);
  const base = baseline(vision);
  const result = { visionVersion: vision.version, splits: {} } as Evaluation;
  for (const split of splits) {
    const subset = questions.filter((q) => q.split === split);
    result.splits[split] = { engine: figures(subset, mine, vision), baseline: figures(subset, base, vision) };
  }
  return result;
}

/** The own tuning set, scored the same way as the evaluation halves. */
export async function evaluateOwn(
  vision: VisionIndex = loadVision(),
  semantic?: SemanticOptions,
): Promise<{ visionVersion: string; engine: Figures; baseline: Figures }> {
  const questions = await loadOwnQuestions();
  const mine = semantic ? (await semanticEngine(vision, questions, semantic)).predict : engine(vision);
  return {
    visionVersion: vision.version,
    engine: figures(questions, mine, vision),
    baseline: figures(questions, baseline(vision), vision),
  };
}
