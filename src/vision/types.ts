import type { Lang } from '../lang.js';

/**
 * What "Vraag het de visie" answers, in the domain's own terms. The wire contract (src/api/ask.ts) is built on
 * these types, never the other way round.
 */

/** Answer from one section, suggest sections to choose from, or abstain (the vision does not answer it). */
export const askOutcomeValues = ['answer', 'suggest', 'abstain'] as const;
export type AskOutcome = (typeof askOutcomeValues)[number];

/** Conversational messages that are answered without searching the vision. */
export const intentValues = ['greeting', 'thanks', 'about', 'human'] as const;
export type Intent = (typeof intentValues)[number];

/** A quote from the vision with the section it comes from. */
export interface Citation {
  sectionId: string;
  heading: string;
  /** An exact substring of the section's text in the vision. */
  quote: string;
}

/** A section offered to choose from, with the link into the tab. */
export interface Suggestion {
  sectionId: string;
  heading: string;
  link: string;
}

export interface AskResult {
  question: string;
  language: Lang;
  outcome: AskOutcome;
  answer: string;
  citations: Citation[];
  /** 0 to 1. */
  confidence: number;
  visionVersion: string;
  /** Link into the tab for the answering section (outcome answer). */
  link?: string;
  /** Sections to choose from (outcome suggest). */
  suggestions?: Suggestion[];
  /**
   * Other sections that also match (outcome answer): shown as "zie ook" / "see also" under the answer, so that a
   * person whose question the best section answers only in part finds the rest. Absent when none comes close.
   */
  seeAlso?: Suggestion[];
  /** True when the answer text was written by a language model (label it as AI-generated); quotes never are. */
  generated: boolean;
  /** Set when the message was conversational (greeting, thanks, who are you) and not searched. */
  intent?: Intent;
}
