import { z } from 'zod';

/**
 * The case a check of "Mag ik dit gebruiken?" evaluates: what the domain asks, the answers it accepts, and the
 * schema that validates them (the same schema validates POST /api/checks and the CLI, see src/api/checks.ts).
 */

export const taskValues = [
  'text',
  'summarize',
  'translate',
  'transcribe',
  'code',
  'image',
  'analysis-of-people',
  'decision-about-people',
  'chatbot-citizens',
  'other',
] as const;
export const prohibitedPracticeValues = [
  'none',
  'social-scoring',
  'emotion-recognition-workplace',
  'biometric-identification',
  'biometric-categorisation',
  'crime-prediction',
  'manipulation',
  'unknown',
] as const;
export const personalDataValues = ['none', 'ordinary', 'sensitive', 'unknown'] as const;
export const confidentialDataValues = [true, false, 'unknown'] as const;
export const decisionAboutPersonValues = [
  'none',
  'benefits',
  'permits',
  'enforcement',
  'employment',
  'education',
  'other',
  'unknown',
] as const;
export const audienceValues = ['internal', 'citizens', 'published'] as const;
export const phaseValues = ['experiment', 'production'] as const;
export const booleanValues = [true, false] as const;

// z.literal with a list names the allowed values in its message ("verwacht één van true|false"), unlike z.boolean.
const yesNo = z.literal(booleanValues);

/** The case, exactly as issue 4 defines it; unknown fields are refused so that a typo is not silently ignored. */
export const checkCaseSchema = z.strictObject({
  tool: z.string().trim().min(1).max(200),
  purpose: z.string().max(1000),
  task: z.enum(taskValues),
  prohibitedPractice: z.enum(prohibitedPracticeValues),
  personalData: z.enum(personalDataValues),
  confidentialData: z.literal(confidentialDataValues),
  decisionAboutPerson: z.enum(decisionAboutPersonValues),
  humanReview: yesNo,
  audience: z.enum(audienceValues),
  syntheticMedia: yesNo,
  phase: z.enum(phaseValues),
  trainingDone: yesNo,
});
export type CheckCase = z.infer<typeof checkCaseSchema>;
export type CaseField = keyof CheckCase;
export type Task = (typeof taskValues)[number];
