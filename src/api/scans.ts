import { z } from 'zod';
import { adviceGroups, ruleIds, scoreCategories, type ScanReport, type ScanTrend } from '../housekeeping/report.js';
import { langValues, type Lang } from '../lang.js';
import { storable } from './storable.js';

/** How the reports name severities, score categories and advice groups, and their CSV columns: the tab uses the same. */
export { categoryNames, columns as reportColumns, groupNames, severityNames } from '../housekeeping/output/labels.js';

/**
 * The zod shape of a ScanReport (src/housekeeping/report.ts), for uploads from on-premises agents and for
 * anything else that receives a report from outside. The core fields are required; the extensions optional.
 */
const count = z.number().int().min(0);
const score = z.number().int().min(0).max(100);
const label = z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
const text = (max: number) => z.string().max(max);
const rule = z.enum(ruleIds);
const subScores = z.object(
  Object.fromEntries(scoreCategories.map((c) => [c, score])) as Record<(typeof scoreCategories)[number], typeof score>,
);

export const findingSchema = z.object({
  rule,
  severity: z.enum(['high', 'medium', 'low']),
  path: text(4000),
  detail: text(4000),
  advice: text(2000),
  group: z.enum(adviceGroups).optional(),
});

export const scanReportSchema = z.object({
  source: z.enum(['filesystem', 'graph']),
  root: text(2000),
  complete: z.boolean(),
  incompleteReason: text(4000).optional(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  stats: z.object({ files: count, folders: count, bytes: count, graphRequests: count }),
  score,
  label,
  findings: z.array(findingSchema).max(2_000_000),
  subScores: subScores.optional(),
  capped: z.boolean().optional(),
  ruleCounts: z.partialRecord(rule, count).optional(),
  folders: z
    .array(
      z.object({
        path: text(4000),
        items: count,
        findings: count,
        score,
        label,
        subScores,
        capped: z.boolean(),
        // A folder with an unread part: its score is marked incomplete.
        complete: z.boolean().optional(),
      }),
    )
    .max(100_000)
    .optional(),
  advice: z
    .object(
      Object.fromEntries(
        adviceGroups.map((g) => [g, z.array(z.object({ rule, title: text(200), count, advice: text(2000) }))]),
      ) as Record<
        (typeof adviceGroups)[number],
        z.ZodArray<z.ZodObject<{ rule: typeof rule; title: z.ZodString; count: typeof count; advice: z.ZodString }>>
      >,
    )
    .optional(),
  gaps: z
    .array(z.object({ path: text(4000), reason: text(1000) }))
    .max(1000)
    .optional(),
  lang: z.enum(langValues).optional(),
  rulesVersion: text(100).optional(),
  target: z.enum(['sharepoint', 'share']).optional(),
}) satisfies z.ZodType<Omit<ScanReport, 'trend'>>;

/** The change since the previous scan of the same source by the same owner (src/housekeeping/trend.ts). */
export const scanTrendSchema = z.object({
  previousId: z.string(),
  previousFinishedAt: z.string(),
  previousScore: score,
  previousLabel: label,
  scoreDelta: z.number().int().min(-100).max(100),
  rules: z.array(z.object({ rule, before: count, now: count, delta: z.number().int() })),
}) satisfies z.ZodType<ScanTrend>;

/** A report as the server gives it (GET /api/scans/:id, GET /api/scans/reports/:scanId): with its trend. */
export const storedScanReportSchema = scanReportSchema.extend({
  trend: scanTrendSchema.optional(),
}) satisfies z.ZodType<ScanReport>;

/**
 * Whose a stored report is, for the person who reads it: their own scan, an on-premises agent's upload, or a scan of
 * a team's files someone else started (read by a team lead or admin, from the channel tab).
 */
export const scanOrigins = ['own', 'agent', 'team'] as const;
export type ScanOrigin = (typeof scanOrigins)[number];

/** A Graph scan's target ({kind, id}), as POST /api/scans takes it back to scan again. */
export const scanTargetRefSchema = z.object({ kind: z.enum(['drive', 'site', 'team']), id: z.string() });

/** One stored report in GET /api/scans: what was scanned (masked), when, and how it did. */
export const scanReportSummarySchema = z.object({
  id: z.string(),
  origin: z.enum(scanOrigins),
  source: z.enum(['filesystem', 'graph']),
  root: z.string(),
  /** For Graph scans: the drive, site or team, to scan it again. */
  target: scanTargetRefSchema.optional(),
  finishedAt: z.string(),
  score,
  label,
  complete: z.boolean(),
});
export type ScanReportSummary = z.infer<typeof scanReportSummarySchema>;

/** GET /api/scans/reports/:scanId: one stored report with its trend. */
export const scanReportViewSchema = z.object({
  id: z.string(),
  origin: z.enum(scanOrigins),
  target: scanTargetRefSchema.optional(),
  report: storedScanReportSchema,
});
export type ScanReportView = z.infer<typeof scanReportViewSchema>;

/**
 * POST /api/scans/upload: what an on-premises agent sends (`ai-wijzer scan --path <dir> --upload <url>`), with no
 * text the database cannot keep (a file name with a NUL, half a surrogate pair).
 */
export function scanUploadSchema(lang: Lang) {
  const upload = z.object({
    /** What was scanned, so the trend compares like with like: "fs:<host>:<absolute path>". */
    sourceKey: z
      .string()
      .min(4)
      .max(2000)
      .regex(/^fs:/, lang === 'en' ? "must start with 'fs:'" : "moet beginnen met 'fs:'"),
    report: scanReportSchema,
  });
  return storable(upload, lang);
}
export type ScanUpload = z.infer<ReturnType<typeof scanUploadSchema>>;

/** The media type the agent sends (JSON; its own type so the upload route may take more than the API's 256 kB). */
export const scanUploadMediaType = 'application/vnd.ai-wijzer.scan-upload+json';

export interface ScanUploadResponse {
  id: string;
  score: number;
  label: ScanReport['label'];
  trend?: ScanReport['trend'];
}
