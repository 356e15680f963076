import { z } from 'zod';
import { ruleIds, scoreCategories } from '../housekeeping/report.js';
import type { Lang } from '../lang.js';

/**
 * GET /api/scans/teams/:teamId/latest: the last scan of a team's files, for the channel tab that team leads add.
 * "The team's files" are what a scan of the team as a target reads (POST /api/scans `{target: {team: <group id>}}`:
 * the group's drive, the other libraries of its site and the channel folders), stored with the source key
 * `graph:team:<group id>`. A scan of the team's site or one of its drives on its own is not counted: which team a
 * site or drive belongs to is Graph's to say, and the stored scan does not record it.
 */
export function teamScanParamsSchema(lang: Lang) {
  return z.strictObject({
    teamId: z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
        lang === 'en'
          ? "is not a team's Microsoft 365 group id (a GUID)"
          : 'is geen groeps-id van een team in Microsoft 365 (een GUID)',
      )
      // Graph writes group ids in lower case; a scan's target is stored as the tab or the bot gave it, from Graph.
      .transform((id) => id.toLowerCase()),
  });
}

const score = z.number().int().min(0).max(100);
const label = z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G']);

/** One of the three biggest problems of a scan: the rule, how serious its worst finding is, its title, how often. */
export const teamScanProblemSchema = z.object({
  rule: z.enum(ruleIds),
  severity: z.enum(['high', 'medium', 'low']),
  title: z.string(),
  count: z.number().int().min(0),
});

/** The last scan of a team, summarised: what the tab shows, and its report's id to open (`#scan/<id>`). */
export const teamScanSummarySchema = z.object({
  /** The stored report (GET /api/scans/reports/:scanId). */
  id: z.string(),
  /** `own`: the caller started it; `team`: someone else did (a colleague, another team lead). */
  origin: z.enum(['own', 'team']),
  finishedAt: z.string(),
  label,
  score,
  subScores: z
    .object(
      Object.fromEntries(scoreCategories.map((c) => [c, score])) as Record<
        (typeof scoreCategories)[number],
        typeof score
      >,
    )
    .optional(),
  /** False when the scan could not read everything (a library was unreadable, the scan was cut off). */
  complete: z.boolean(),
  files: z.number().int().min(0),
  folders: z.number().int().min(0),
  findings: z.number().int().min(0),
  problems: z.array(teamScanProblemSchema).max(3),
});
export type TeamScanSummary = z.infer<typeof teamScanSummarySchema>;

/** The answer: the team's last scan, or `scan: null` with a sentence in the caller's language when there is none. */
export const teamLatestScanSchema = z.object({
  teamId: z.string(),
  scan: teamScanSummarySchema.nullable(),
  message: z.string().optional(),
});
export type TeamLatestScan = z.infer<typeof teamLatestScanSchema>;
