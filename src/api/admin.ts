import { z } from 'zod';
import type { Lang } from '../lang.js';
import { toolSchemaIn } from '../quickcheck/tool.js';
import { verdictValues } from '../quickcheck/verdict.js';
import { storable } from './storable.js';

/**
 * Beheer (admins only): the contract of /api/admin/* and of GET /api/me between the server and the tab. The tool
 * entry is the register's own schema (src/quickcheck/tool.ts), the one the YAML loader uses.
 */

export const roleSchema = z.enum(['admin', 'teamlead']);

/** GET /api/me: the caller's roles, and whether they are a local development identity (to mark on the page). */
export const meResponseSchema = z.object({
  roles: z.array(roleSchema),
  /** `dev`: no Entra ID settings, the X-Dev-User header picked the user (local development only). */
  identity: z.enum(['entra', 'dev']),
  /** The dev user's name (X-Dev-User, or "lokaal"); only for a dev identity. */
  devUser: z.string().optional(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** One register entry, as stored and as the checks use it (defaults filled in). */
export const toolEntrySchema = toolSchemaIn('nl');
export type ToolEntry = z.output<typeof toolEntrySchema>;

/** The id of an entry in a path (/api/admin/tools/:id), with the register's own rule. */
export const toolIdSchema = (lang: Lang) => z.object({ id: toolSchemaIn(lang).shape.id });

/**
 * PUT /api/admin/tools/:id: the entry; its id may be left out and, when given, must be the one in the path. No text
 * the database cannot keep (a NUL, half a surrogate pair).
 */
export const putToolRequestSchema = (lang: Lang) => storable(toolSchemaIn(lang).partial({ id: true }), lang);
export type PutToolRequest = z.input<ReturnType<typeof putToolRequestSchema>>;

/** Where the register stands: what the checks record as `registerVersion`, and its history in the database. */
export const registerStateSchema = z.object({
  version: z.string(),
  source: z.enum(['database', 'file']),
  /** The version of the YAML register the database started from. */
  startVersion: z.string(),
  /** The number of changes since; 0 while it is as seeded. */
  revision: z.number().int().min(0),
  example: z.boolean(),
  seededAt: z.string(),
  changedAt: z.string().nullable(),
});
export type RegisterState = z.infer<typeof registerStateSchema>;

/** GET /api/admin/tools */
export const toolListSchema = z.object({ register: registerStateSchema, tools: z.array(toolEntrySchema) });
export type ToolList = z.infer<typeof toolListSchema>;

/** PUT (201 added, 200 changed or unchanged) and DELETE /api/admin/tools/:id */
export const toolChangeResponseSchema = z.object({
  action: z.enum(['added', 'changed', 'unchanged', 'removed']),
  id: z.string(),
  /** The entry as stored now (absent when removed). */
  tool: toolEntrySchema.optional(),
  register: registerStateSchema,
});
export type ToolChangeResponse = z.infer<typeof toolChangeResponseSchema>;

/** GET /api/admin/tools/history?limit=&before= */
export const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only changes with a lower seq (paging back). */
  before: z.coerce.number().int().positive().optional(),
});

export const toolChangeSchema = z.object({
  seq: z.number().int().positive(),
  /** The register's revision this change made. */
  revision: z.number().int().positive(),
  at: z.string(),
  /** Who made it: a pseudonym, never a name. */
  who: z.string(),
  /** Whether it was the caller. */
  byYou: z.boolean(),
  toolId: z.string(),
  action: z.enum(['added', 'changed', 'removed']),
  before: toolEntrySchema.nullable(),
  after: toolEntrySchema.nullable(),
});
export type ToolChangeView = z.infer<typeof toolChangeSchema>;

export const toolHistorySchema = z.object({
  /** Where the register started: the YAML's version and when it was copied into the database. */
  start: z.object({ version: z.string(), at: z.string() }),
  changes: z.array(toolChangeSchema),
});
export type ToolHistory = z.infer<typeof toolHistorySchema>;

/** GET /api/admin/versions: the versions every answer, verdict and report records. */
export const versionsSchema = z.object({
  rules: z.object({ version: z.string(), legalDatesVersion: z.string(), legalDatesAsOf: z.string() }),
  questions: z.object({ version: z.string() }),
  register: registerStateSchema,
  vision: z.object({ version: z.string(), date: z.string() }),
  app: z.object({ version: z.string() }).optional(),
});
export type Versions = z.infer<typeof versionsSchema>;

/** GET /api/admin/figures?since=YYYY-MM-DD; ISO 8601 has a year 0000, the calendar of the database does not. */
export const figuresQuerySchema = (lang: Lang) =>
  z.strictObject({
    since: z.iso
      .date()
      .refine((date) => !date.startsWith('0000-'), {
        message:
          lang === 'en'
            ? 'year 0000 does not exist in the calendar: choose a later date'
            : 'het jaar 0000 bestaat niet in de kalender: kies een latere datum',
      })
      .optional(),
  });

const count = z.number().int().min(0);

/** Figures without names or pseudonyms: only counts per group. */
export const figuresSchema = z.object({
  since: z.string().nullable(),
  checks: z.object({
    total: count,
    perVerdict: z.record(z.enum(verdictValues), count),
    /** Per registered tool (by id, named as in its latest check); every tool the register does not know together, id null. */
    perTool: z.array(z.object({ toolId: z.string().nullable(), name: z.string().nullable(), count })),
  }),
  unanswered: z.object({
    total: count,
    perLanguage: z.object({ nl: count, en: count, unknown: count }),
    perOutcome: z.object({ suggest: count, abstain: count, unknown: count }),
  }),
  /** Thumbs on answers per section (sectionId null: an answer without a section). */
  feedback: z.array(
    z.object({ sectionId: z.string().nullable(), heading: z.string().nullable(), helpful: count, notHelpful: count }),
  ),
});
export type Figures = z.infer<typeof figuresSchema>;

/** GET /api/admin/audit/verify: the hash chain of the recorded checks is whole, or the first broken record. */
export const auditVerifySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count, lastHash: z.string() }),
  z.object({
    ok: z.literal(false),
    count,
    seq: z.number().int(),
    problem: z.enum(['changed', 'missing', 'out-of-order', 'truncated', 'rewritten', 'wrong-key']),
    /** In the caller's language. */
    message: z.string(),
  }),
]);
export type AuditVerify = z.infer<typeof auditVerifySchema>;

/** GET /api/admin/audit/export answers text/csv in this media type: semicolons, CRLF, a UTF-8 byte order mark. */
export const auditExportMediaType = 'text/csv; charset=utf-8';
