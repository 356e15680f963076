import { z } from 'zod';

/**
 * What a check of "Mag ik dit gebruiken?" gives: the verdict, its reasons with their sources, the conditions and
 * the advice, and where it was recorded. zod schemas, so that every client (tab, CLI --json) can check the shape.
 */

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

/**
 * The tool the verdict is about: the register entry (id null when it is not in the register), its name in the
 * verdict's language, and why that entry was taken: what in the given name matched its id, name or an alias.
 * `matched` is absent in verdicts recorded before it existed and when the tool is not in the register.
 */
export const checkToolSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  matched: z.object({ on: z.enum(['id', 'name', 'alias']), label: z.string() }).optional(),
});
export type CheckTool = z.infer<typeof checkToolSchema>;

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

/** A verdict with where it was recorded in the chain: what a check returns (and POST /api/checks answers). */
export const recordedCheckSchema = checkVerdictSchema.extend({
  record: z.object({ seq: z.number().int().positive(), at: z.string(), hash: z.string() }),
});
export type RecordedCheck = z.infer<typeof recordedCheckSchema>;
