import { fold } from './analysis/fold.js';
import type { AskResult } from './types.js';
import type { VisionDocument } from './document.js';

/**
 * What is kept of an unanswered question, of feedback on an answer, or of a suggested section the asker chose:
 * the text only when the configuration allows it.
 */
export interface VisionFeedbackRecord {
  kind: 'unanswered' | 'feedback' | 'chosen';
  outcome?: AskResult['outcome'];
  sectionId?: string;
  helpful?: boolean;
  question?: string;
  language?: AskResult['language'];
  visionVersion?: string;
}

export interface StoredVisionFeedback extends VisionFeedbackRecord {
  id: number;
  createdAt: string;
}

/** Where feedback goes; src/store/repositories/vision.ts implements it on the database. */
export interface VisionFeedbackStore {
  record(entry: VisionFeedbackRecord): Promise<void>;
  /** Most recent first. */
  list(options?: { kind?: VisionFeedbackRecord['kind']; limit?: number }): Promise<StoredVisionFeedback[]>;
}

/** The record for a question the vision could not answer (abstain or suggest), or undefined when it answered. */
export function unansweredRecord(result: AskResult, storeQuestionText: boolean): VisionFeedbackRecord | undefined {
  if (result.intent || result.outcome === 'answer') return undefined;
  return {
    kind: 'unanswered',
    outcome: result.outcome,
    ...(result.suggestions?.[0] ? { sectionId: result.suggestions[0].sectionId } : {}),
    ...(storeQuestionText ? { question: result.question } : {}),
    language: result.language,
    visionVersion: result.visionVersion,
  };
}

/** The record for a thumbs up or down on an answer. */
export function feedbackRecord(
  input: { question?: string; sectionId?: string; helpful: boolean },
  storeQuestionText: boolean,
  visionVersion: string,
): VisionFeedbackRecord {
  return {
    kind: 'feedback',
    helpful: input.helpful,
    ...(input.sectionId ? { sectionId: input.sectionId } : {}),
    ...(storeQuestionText && input.question ? { question: input.question } : {}),
    visionVersion,
  };
}

/** The record for a suggested section the asker chose: their question (where allowed) belongs to that section. */
export function chosenRecord(
  input: { question?: string; sectionId: string; language?: AskResult['language'] },
  storeQuestionText: boolean,
  visionVersion: string,
): VisionFeedbackRecord {
  return {
    kind: 'chosen',
    sectionId: input.sectionId,
    ...(storeQuestionText && input.question ? { question: input.question } : {}),
    ...(input.language ? { language: input.language } : {}),
    visionVersion,
  };
}

/** What the AI team reads back: per section, how often it was only suggested, and how its answers were rated. */
export interface SectionFeedback {
  /** undefined: questions the vision could not place at all (abstained). */
  sectionId?: string;
  heading?: string;
  suggested: number;
  abstained: number;
  helpful: number;
  notHelpful: number;
  /** How often askers chose this section from suggestions. */
  chosen: number;
  /** Question texts, newest first, only where the configuration let them be stored. */
  questions: string[];
  /** Questions of askers who chose this section from suggestions: candidate example questions for it. */
  chosenQuestions: string[];
}

export interface FeedbackSummary {
  records: number;
  since?: string;
  sections: SectionFeedback[];
}

/**
 * Groups stored records by section, the sections that most need better alternate questions first (most "not
 * helpful" and most unanswered questions); abstentions, which have no section, come as one group of their own.
 * Questions whose asker chose a section from suggestions are listed with that section, apart: they are labelled.
 */
export function summariseFeedback(
  records: StoredVisionFeedback[],
  headings: ReadonlyMap<string, string>,
  maxQuestions = 5,
): FeedbackSummary {
  const groups = new Map<string, SectionFeedback>();
  const group = (sectionId: string | undefined) => {
    const key = sectionId ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { suggested: 0, abstained: 0, helpful: 0, notHelpful: 0, chosen: 0, questions: [], chosenQuestions: [] };
      if (sectionId)
        Object.assign(g, { sectionId, ...(headings.has(sectionId) ? { heading: headings.get(sectionId) } : {}) });
      groups.set(key, g);
    }
    return g;
  };
  for (const r of records) {
    const g = group(r.sectionId);
    if (r.kind === 'chosen') {
      g.chosen++;
      if (r.question && g.chosenQuestions.length < maxQuestions && !g.chosenQuestions.includes(r.question))
        g.chosenQuestions.push(r.question);
      continue;
    }
    if (r.kind === 'unanswered' && r.outcome === 'abstain') g.abstained++;
    else if (r.kind === 'unanswered') g.suggested++;
    else if (r.helpful) g.helpful++;
    else g.notHelpful++;
    if (
      r.question &&
      (r.kind === 'unanswered' || r.helpful === false) &&
      g.questions.length < maxQuestions &&
      !g.questions.includes(r.question)
    )
      g.questions.push(r.question);
  }
  const need = (g: SectionFeedback) => g.notHelpful * 2 + g.suggested + g.abstained;
  const sections = [...groups.values()].sort(
    (a, b) => need(b) - need(a) || b.helpful - a.helpful || (a.sectionId ?? '').localeCompare(b.sectionId ?? ''),
  );
  const oldest = records.at(-1)?.createdAt;
  return { records: records.length, ...(oldest ? { since: oldest } : {}), sections };
}

/**
 * The questions of askers who chose a section from suggestions, in one language, per section of that language's
 * vision, as new example questions (voorbeeldvragen.<taal>.yaml): oldest first, each once, and without those the
 * section already has as alternate or example question. Sections the vision no longer has are left out.
 */
export function chosenExampleQuestions(
  records: StoredVisionFeedback[],
  document: VisionDocument,
): Record<string, string[]> {
  const key = (q: string) =>
    fold(q)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const sections = new Map(document.sections.map((s) => [s.id, new Set([...s.questions, ...s.examples].map(key))]));
  const result: Record<string, string[]> = {};
  for (const r of [...records].reverse()) {
    if (r.kind !== 'chosen' || !r.sectionId || !r.question || (r.language ?? 'nl') !== document.meta.language) continue;
    const known = sections.get(r.sectionId);
    const question = r.question.trim();
    if (!known || question === '' || question.length > 300 || known.has(key(question))) continue;
    known.add(key(question));
    (result[r.sectionId] ??= []).push(question);
  }
  return result;
}
