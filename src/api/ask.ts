import { z } from 'zod';
import { langValues } from '../lang.js';
import { taskValues } from '../quickcheck/case.js';
import { askOutcomeValues, intentValues, type AskResult, type Citation, type Suggestion } from '../vision/types.js';

/**
 * The contract of "Vraag het de visie" between the server and its clients (tab, CLI --json), built on the
 * domain's types (src/vision/types.ts): each response schema satisfies the type it carries, so they cannot drift.
 */
export const askRequestSchema = z.object({
  question: z.string().trim().min(1).max(500),
  lang: z.enum(langValues).optional(),
});

export const citationSchema = z.object({
  sectionId: z.string(),
  heading: z.string(),
  /** An exact substring of the section's text in the vision. */
  quote: z.string(),
}) satisfies z.ZodType<Citation>;

export const suggestionSchema = z.object({
  sectionId: z.string(),
  heading: z.string(),
  link: z.string(),
}) satisfies z.ZodType<Suggestion>;

export const askResponseSchema = z.object({
  question: z.string(),
  language: z.enum(langValues),
  outcome: z.enum(askOutcomeValues),
  answer: z.string(),
  citations: z.array(citationSchema),
  confidence: z.number().min(0).max(1),
  visionVersion: z.string(),
  /** Link into the tab for the answering section (outcome answer). */
  link: z.string().optional(),
  /** Sections to choose from (outcome suggest). */
  suggestions: z.array(suggestionSchema).optional(),
  /** Other sections that also match, shown under an answer as "zie ook" (optional: older clients ignore it). */
  seeAlso: z.array(suggestionSchema).optional(),
  /** True when the answer text was written by a language model (label it as AI-generated); quotes never are. */
  generated: z.boolean(),
  /** Set when the message was conversational (greeting, thanks, who are you) and not searched. */
  intent: z.enum(intentValues).optional(),
}) satisfies z.ZodType<AskResult>;

const sectionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);

export const askFeedbackSchema = z.object({
  question: z.string().trim().min(1).max(500).optional(),
  sectionId: sectionIdSchema.optional(),
  helpful: z.boolean(),
});

/** A suggested section the asker chose (POST /api/ask/choice): with the question, a labelled example for the AI team. */
export const askChoiceSchema = z.object({
  question: z.string().trim().min(1).max(500).optional(),
  sectionId: sectionIdSchema,
  language: z.enum(langValues).optional(),
});

export const askFeedbackResponseSchema = z.object({ stored: z.literal(true), questionStored: z.boolean() });

export type AskRequest = z.infer<typeof askRequestSchema>;
/** The wire type of an answer: the schema's, which satisfies the domain's AskResult. */
export type AskResponse = z.infer<typeof askResponseSchema>;
export type AskCitation = z.infer<typeof citationSchema>;
export type AskFeedback = z.infer<typeof askFeedbackSchema>;
export type AskChoice = z.infer<typeof askChoiceSchema>;
export type AskFeedbackResponse = z.infer<typeof askFeedbackResponseSchema>;

/** A tool as the check knows it: a register entry (id), a name the register does not know (id null), or a choice. */
const prefilledToolSchema = z.union([
  z.object({ id: z.string().nullable(), name: z.string() }),
  z.object({ candidates: z.array(z.object({ id: z.string(), name: z.string() })).min(2) }),
]);

/** POST /api/ask through the front door: what the sentence asked for, with what it already said. */
const routedBase = {
  question: z.string(),
  language: z.enum(langValues),
  /** A short text for a plain client (the CLI): what happens next. */
  answer: z.string(),
};

export const checkOutcomeSchema = z.object({
  ...routedBase,
  outcome: z.literal('check'),
  check: z.object({
    tool: prefilledToolSchema.optional(),
    task: z.enum(taskValues).optional(),
    /** The question ids (case fields) still to answer, in the order the check asks them. */
    open: z.array(z.string()).min(1),
    /** What the vision says, when the sentence asked about a tool without naming a task and the vision answers it. */
    vision: askResponseSchema.optional(),
  }),
});

export const scanOutcomeSchema = z.object({
  ...routedBase,
  outcome: z.literal('scan'),
  scan: z.object({
    /** Whether this installation can scan Microsoft 365 (otherwise only network shares, by an on-premises agent). */
    graphScans: z.boolean(),
  }),
});

export const helpOutcomeSchema = z.object({ ...routedBase, outcome: z.literal('help') });

export const frontDoorResponseSchema = z.union([
  askResponseSchema,
  checkOutcomeSchema,
  scanOutcomeSchema,
  helpOutcomeSchema,
]);
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;
export type ScanOutcome = z.infer<typeof scanOutcomeSchema>;
export type HelpOutcome = z.infer<typeof helpOutcomeSchema>;
/** What POST /api/ask and `ai-wijzer ask --json` answer. */
export type FrontDoorResponse = z.infer<typeof frontDoorResponseSchema>;

/** Whether the front door answered from the vision (answer, suggest or abstain) rather than starting something. */
export function isVisionAnswer(result: FrontDoorResponse): result is AskResponse {
  return result.outcome === 'answer' || result.outcome === 'suggest' || result.outcome === 'abstain';
}
