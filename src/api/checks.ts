import { z } from 'zod';

/**
 * The contract of "Mag ik dit gebruiken?" between the server, the tab, the bot and the CLI: the case a check
 * evaluates, the verdict it gives and the record it leaves. One definition, used on every side.
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

export const verdictValues = ['prohibited', 'consult', 'conditional', 'allowed'] as const;
export type VerdictValue = (typeof verdictValues)[number];

export const sourceKindValues = ['vision', 'ai-act', 'gdpr', 'government', 'guidance'] as const;

/** A source as shown with a reason: what it is, where to read it, and from when an obligation applies. */
export const checkSourceSchema = z.object({
  id: z.string(),
  kind: z.enum(sourceKindValues),
  title: z.string(),
  /** Vision section id, article ("art. 50 lid 1") or document name. */
  ref: z.string(),
  url: z.string().optional(),
  /** ISO date from which the obligation applies (legal-dates.yaml), with the date that was checked. */
  appliesFrom: z.string().optional(),
  asOf: z.string().optional(),
  /** The vision's own words, verbatim from the section. */
  quote: z.string().optional(),
});
export type CheckSource = z.infer<typeof checkSourceSchema>;

export const checkReasonSchema = z.object({
  ruleId: z.string(),
  verdict: z.enum(verdictValues),
  text: z.string(),
  sources: z.array(checkSourceSchema).min(1),
  /** For "consult": with whom, and which assessment. */
  consult: z.object({ who: z.string(), assessment: z.string() }).optional(),
});
export type CheckReason = z.infer<typeof checkReasonSchema>;

export const checkConditionSchema = z.object({
  ruleId: z.string(),
  text: z.string(),
  appliesFrom: z.string().optional(),
});
export type CheckCondition = z.infer<typeof checkConditionSchema>;

export const checkAdviceSchema = z.object({ id: z.string(), text: z.string(), sources: z.array(checkSourceSchema) });
export type CheckAdvice = z.infer<typeof checkAdviceSchema>;

export const checkToolSchema = z.object({ id: z.string().nullable(), name: z.string() });

/** The verdict: the strictest that any rule gives, every reason, the conditions as a checklist, advice that never blocks. */
export const checkVerdictSchema = z.object({
  verdict: z.enum(verdictValues),
  reasons: z.array(checkReasonSchema).min(1),
  conditions: z.array(checkConditionSchema),
  advice: z.array(checkAdviceSchema),
  rulesVersion: z.string(),
  registerVersion: z.string(),
  tool: checkToolSchema,
});
export type CheckVerdict = z.infer<typeof checkVerdictSchema>;

/** What POST /api/checks answers: the verdict and where it was recorded. */
export const recordedCheckSchema = checkVerdictSchema.extend({
  record: z.object({ seq: z.number().int().positive(), at: z.string(), hash: z.string() }),
});
export type RecordedCheck = z.infer<typeof recordedCheckSchema>;

/** One line of GET /api/checks: the caller's own checks, newest first. */
export const checkSummarySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  tool: checkToolSchema,
  task: z.enum(taskValues),
  purpose: z.string(),
  verdict: z.enum(verdictValues),
  ruleIds: z.array(z.string()),
  rulesVersion: z.string(),
  registerVersion: z.string(),
});
export type CheckSummary = z.infer<typeof checkSummarySchema>;

export const checkListSchema = z.object({ checks: z.array(checkSummarySchema) });
export type CheckList = z.infer<typeof checkListSchema>;

export const checkListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only records with a lower sequence number (paging back). */
  before: z.coerce.number().int().positive().optional(),
});

/** GET /api/checks/questions: the questions in the caller's language and the register's tools, for the tab's form. */
export const checkQuestionsSchema = z.object({
  questionsVersion: z.string(),
  registerVersion: z.string(),
  questions: z.array(
    z.object({
      field: z.string(),
      type: z.enum(['text', 'choice']),
      text: z.string(),
      explanation: z.string(),
      unknownValue: z.string().optional(),
      options: z
        .array(
          z.object({
            value: z.union([z.string(), z.boolean()]),
            label: z.string(),
            unknown: z.boolean(),
            note: z.string().optional(),
          }),
        )
        .optional(),
    }),
  ),
  tools: z.array(z.object({ id: z.string(), name: z.string(), contracted: z.boolean() })),
});
export type CheckQuestions = z.infer<typeof checkQuestionsSchema>;
