import { z } from 'zod';
import type { Lang } from '../lang.js';
import type { ScanReport } from '../housekeeping/report.js';
import { reachableParts, type ReachableTarget } from '../housekeeping/jobs/types.js';
import { scanReportSummarySchema, scanTargetRefSchema, storedScanReportSchema } from './scans.js';

/** POST /api/scans and GET /api/scans/:id: the contract between the tab and the server. */
const graphId = (lang: Lang) =>
  z
    .string()
    .trim()
    .min(1)
    .max(256)
    .regex(
      /^[A-Za-z0-9!,._:@-]+$/,
      lang === 'en' ? 'is not a valid Microsoft Graph id' : 'is geen geldige Microsoft Graph-id',
    );

export function startScanSchema(lang: Lang) {
  return z.object({
    target: z
      .object({ drive: graphId(lang).optional(), site: graphId(lang).optional(), team: graphId(lang).optional() })
      .strict()
      .refine((t) => [t.drive, t.site, t.team].filter((v) => v !== undefined).length === 1, {
        message: lang === 'en' ? 'give exactly one of drive, site or team' : 'geef precies één van drive, site of team',
      }),
  });
}
export type StartScanRequest = z.output<ReturnType<typeof startScanSchema>>;

export interface ScanJobView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  target: { kind: 'drive' | 'site' | 'team'; id: string };
  progress: { items: number; requests: number; throttledSeconds: number };
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  notes: string[];
  /** The stored report's id when done (GET /api/scans/reports/:scanId). */
  scanId?: string;
  report?: ScanReport;
  error?: { code: string; message: string };
}

/** A job in GET /api/scans: its status, target and progress, without the report. */
export type ScanJobSummary = Omit<ScanJobView, 'report'>;

export const scanJobSummarySchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  target: scanTargetRefSchema,
  progress: z.object({
    items: z.number().int().min(0),
    requests: z.number().int().min(0),
    throttledSeconds: z.number().min(0),
  }),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  notes: z.array(z.string()),
  scanId: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
}) satisfies z.ZodType<ScanJobSummary>;

/** POST /api/scans (202) and GET /api/scans/:id: a job, with its report when done. */
export const scanJobViewSchema = scanJobSummarySchema.extend({
  report: storedScanReportSchema.optional(),
}) satisfies z.ZodType<ScanJobView>;

/** GET /api/scans?limit=: how many stored reports (the open and recent jobs come along, at most 20). */
export const scanListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * GET /api/scans: the caller's scans, newest first. `jobs`: their open and recent scan jobs; `reports`: their stored
 * reports and those of on-premises agents (`origin: 'agent'`, shown to team leads and admins only).
 */
export const scanListSchema = z.object({
  jobs: z.array(scanJobSummarySchema),
  reports: z.array(scanReportSummarySchema),
});
export type ScanList = z.infer<typeof scanListSchema>;

/** GET /api/scans/targets?search=: only entries whose name contains it (sites: as Graph's site search finds them). */
export const scanTargetsQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(100).optional(),
});

export const scanTargetSchema = z.object({
  kind: z.enum(['team', 'site', 'drive']),
  id: z.string(),
  name: z.string(),
}) satisfies z.ZodType<ReachableTarget>;

/**
 * GET /api/scans/targets: what the caller can scan, from Microsoft Graph on their behalf (`viewer: 'user'`: their
 * OneDrive, teams, followed sites and what a search finds), or with the app's own token in local development
 * (`viewer: 'app'`: the sites it sees). `incomplete`: the lists Graph did not give, each with a sentence in the
 * caller's language; `truncated`: a list was cut off at 500 entries.
 */
export const scanTargetsSchema = z.object({
  viewer: z.enum(['user', 'app']),
  targets: z.array(scanTargetSchema),
  incomplete: z.array(z.object({ part: z.enum(reachableParts), message: z.string() })),
  truncated: z.boolean(),
});
export type ScanTargets = z.infer<typeof scanTargetsSchema>;

export const jobErrorMessages: Record<string, Record<Lang, string>> = {
  target_not_found: {
    nl: 'Dit doel is niet gevonden in Microsoft 365.',
    en: 'This target was not found in Microsoft 365.',
  },
  forbidden: { nl: 'Je hebt geen toegang tot dit doel.', en: 'You have no access to this target.' },
  token_expired: {
    nl: 'De toegang tot Microsoft 365 is verlopen voordat de scan klaar was. Start de scan opnieuw.',
    en: 'Access to Microsoft 365 expired before the scan finished. Start the scan again.',
  },
  too_many_attempts: {
    nl: 'De scan is meerdere keren afgebroken en daarom gestopt.',
    en: 'The scan was interrupted several times and has been stopped.',
  },
  nothing_read: {
    nl: 'Er kon niets worden gelezen: de locatie gaf geen toegang. Er is geen rapport gemaakt.',
    en: 'Nothing could be read: the location gave no access. No report was made.',
  },
  duplicate_open_job: {
    nl: 'Deze scan liep dubbel: dezelfde scan was al eerder gestart en loopt door. Deze is daarom gestopt.',
    en: 'This scan was a duplicate: the same scan was started earlier and carries on. This one was stopped.',
  },
  credential_unreadable: {
    nl: 'De opgeslagen toegang tot Microsoft 365 kon niet worden geopend (de sleutel van deze installatie is gewijzigd). Start de scan opnieuw.',
    en: 'The stored access to Microsoft 365 could not be opened (the key of this installation has changed). Start the scan again.',
  },
  scan_failed: { nl: 'De scan is mislukt. Probeer het later opnieuw.', en: 'The scan failed. Try again later.' },
};
