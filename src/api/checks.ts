import { z } from 'zod';
import type { Lang } from '../lang.js';
import { checkCaseSchema, taskValues } from '../quickcheck/case.js';
import type { CheckQuestions } from '../quickcheck/localise.js';
import { checkToolSchema, checkVerdictSchema, recordedCheckSchema, verdictValues } from '../quickcheck/verdict.js';
import { storable } from './storable.js';

/**
 * The wire contract of "Mag ik dit gebruiken?" between the server, the tab and the CLI, built on the domain's
 * types (src/quickcheck/case.ts, verdict.ts). Imported file by file, not through src/quickcheck/index.ts, so that
 * a client (the tab's bundle) gets the schemas without the domain's file loading.
 */

/** POST /api/checks: the body is the case, exactly as the domain validates it. */
export const checkRequestSchema = checkCaseSchema;
export type CheckRequest = z.infer<typeof checkRequestSchema>;
/** The case as it is recorded: the same, and no text the database cannot keep (a NUL, half a surrogate pair). */
export const recordableCaseSchema = (lang: Lang) => storable(checkCaseSchema, lang);
/**
 * POST /api/checks answers the verdict and where it was recorded; its `tool.matched` (optional: absent in records kept
 * before it existed) says why the verdict is about that register entry. A tool name that fits several entries is a
 * 400 with a problem on `tool` that names them.
 */
export const checkResponseSchema = recordedCheckSchema;
export type CheckResponse = z.infer<typeof checkResponseSchema>;
/** The domain's own names for the same schemas; the verdict without its record is what `ai-wijzer check --json` prints. */
export { checkCaseSchema, checkVerdictSchema, recordedCheckSchema };
/** The tasks a check knows (the tab validates a task in its route with them). */
export { taskValues };

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

/** The versions a check is evaluated with now: a record with others was judged by earlier rules or register. */
export const currentVersionsSchema = z.object({ rulesVersion: z.string(), registerVersion: z.string() });
export type CurrentVersions = z.infer<typeof currentVersionsSchema>;

export const checkListSchema = z.object({
  checks: z.array(checkSummarySchema),
  /** Absent from an older server; the tab then offers no reassessment. */
  current: currentVersionsSchema.optional(),
});
export type CheckList = z.infer<typeof checkListSchema>;

/** GET /api/checks/:seq, one of the caller's own checks: the verdict as recorded, the case it judged, the versions now. */
export const checkDetailSchema = recordedCheckSchema.extend({
  case: checkCaseSchema,
  current: currentVersionsSchema,
});
export type CheckDetail = z.infer<typeof checkDetailSchema>;

/** The highest record number: the records' `seq` is a PostgreSQL integer (a larger one could not be looked up). */
const maxSeq = 2_147_483_647;

/** The `:seq` of /api/checks/:seq and /api/checks/:seq/reassess (one below the highest: it is looked up as "below seq + 1"). */
/**
 * The Idempotency-Key header of POST /api/checks: the client's random key for one submission, sent again unchanged
 * with a retry of it (a UUID fits), so the retry is answered with the first record instead of recording twice.
 */
export const checkRequestKeySchema = (lang: Lang) =>
  z.strictObject({
    'Idempotency-Key': z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{16,100}$/,
        lang === 'nl'
          ? 'moet 16 tot 100 letters, cijfers, - of _ zijn (bijvoorbeeld een UUID)'
          : 'must be 16 to 100 letters, digits, - or _ (a UUID, for example)',
      )
      .optional(),
  });

export const checkSeqSchema = z.strictObject({
  seq: z.coerce
    .number()
    .int()
    .positive()
    .max(maxSeq - 1),
});

export const checkListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only records with a lower sequence number (paging back). */
  before: z.coerce.number().int().positive().max(maxSeq).optional(),
});

/** GET /api/checks/questions: the domain's CheckQuestions (src/quickcheck/localise.ts) on the wire. */
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
}) satisfies z.ZodType<CheckQuestions>;
