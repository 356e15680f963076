import type { AskResult } from './ask.js';

/** What is kept of an unanswered question or of feedback: the text only when the configuration allows it. */
export interface VisionFeedbackRecord {
  kind: 'unanswered' | 'feedback';
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
export function feedbackRecord(input: { question?: string; sectionId?: string; helpful: boolean }, storeQuestionText: boolean, visionVersion: string): VisionFeedbackRecord {
  return {
    kind: 'feedback',
    helpful: input.helpful,
    ...(input.sectionId ? { sectionId: input.sectionId } : {}),
    ...(storeQuestionText && input.question ? { question: input.question } : {}),
    visionVersion,
  };
}
