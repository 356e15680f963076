import { z } from 'zod';
import type { Lang } from '../lang.js';
import type { ScanReport } from '../housekeeping/report.js';

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
  report?: ScanReport;
  error?: { code: string; message: string };
}

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
  scan_failed: { nl: 'De scan is mislukt. Probeer het later opnieuw.', en: 'The scan failed. Try again later.' },
};
