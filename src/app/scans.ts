import { z } from 'zod';
import { jobErrorMessages, startScanSchema, type ScanJobView } from '../api/scan-jobs.js';
import { scanUploadSchema, type ScanUploadResponse } from '../api/scans.js';
import type { Config } from '../config.js';
import { openCredential, sealCredential } from '../housekeeping/jobs/credential.js';
import type { ScanJob, ScanJobQueue, TargetKind } from '../housekeeping/jobs/types.js';
import { JobError, startScanWorker } from '../housekeeping/jobs/worker.js';
import { maskReport } from '../housekeeping/output/mask-report.js';
import { adviceTexts } from '../housekeeping/advice.js';
import type { Label, RuleId, ScanReport, Severity } from '../housekeeping/report.js';
import { ruleCountsOf } from '../housekeeping/trend.js';
import type { DriveStateStore } from '../housekeeping/sources/graph/drive-state.js';
import { createGraphSource, GraphTargetError } from '../housekeeping/sources/graph/graph-source.js';
import { ConsentRequiredError, staticToken, tokenOnBehalfOf } from '../housekeeping/sources/graph/tokens.js';
import type { Lang } from '../lang.js';
import { errorForLog, type Logger } from '../log.js';
import { parseInput } from '../validation.js';
import type { Caller } from './caller.js';
import { AppError, invalidInput } from './errors.js';

/** Where stored reports come from and go to; src/store/repositories/housekeeping.ts implements it. */
export interface ScanReports {
  get(id: string): Promise<{ report: ScanReport } | undefined>;
  /** The scans one person started, newest first. */
  listOf(
    owner: string,
    limit: number,
  ): Promise<{ id: string; finishedAt: string; score: number; label: Label; root: string }[]>;
  saveWithTrend(
    sourceKey: string,
    report: ScanReport,
    meta?: { owner?: string },
  ): Promise<{ id: string; trend?: ScanReport['trend'] }>;
}

export type ScanConfig = Pick<
  Config,
  | 'AAD_APP_CLIENT_ID'
  | 'AAD_APP_CLIENT_SECRET'
  | 'AAD_APP_TENANT_ID'
  | 'AAD_AUTHORITY_HOST'
  | 'GRAPH_BASE_URL'
  | 'GRAPH_ACCESS_TOKEN'
  | 'PSEUDONYM_SECRET'
>;

/** Worker timing; settable for tests and for deployments with slow databases. */
export const scanWorkerEnvSchema = z.object({
  SCAN_WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(2),
  SCAN_WORKER_POLL_MS: z.coerce.number().int().min(10).default(1000),
  SCAN_WORKER_HEARTBEAT_MS: z.coerce.number().int().min(10).default(5000),
  SCAN_WORKER_STALE_MS: z.coerce.number().int().min(100).default(60_000),
});

const notFound = new AppError('not-found', 'not_found', {
  nl: 'Deze scan bestaat niet.',
  en: 'This scan does not exist.',
});
const consent = new AppError('forbidden', 'consent_required', {
  nl: 'AI-wijzer heeft je toestemming nodig om je bestanden in Microsoft 365 te lezen. Geef toestemming en probeer het opnieuw.',
  en: 'AI-wijzer needs your consent to read your files in Microsoft 365. Give consent and try again.',
});
const notConfigured = new AppError('unavailable', 'graph_not_configured', {
  nl: 'Scannen via Microsoft 365 is op deze installatie niet ingesteld.',
  en: 'Scanning through Microsoft 365 is not set up on this installation.',
});

/** Datahygiëne for every surface: Graph scans as jobs any instance can run, and reports from on-premises agents. */
export interface ScanService {
  /** Whether this installation can scan Microsoft 365 at all (delegated sign-in or an app token). */
  readonly graphScans: boolean;
  start(caller: Caller, input: unknown, lang: Lang): Promise<ScanJobView>;
  get(caller: Caller, id: string, lang: Lang): Promise<ScanJobView>;
  /** A report an on-premises agent sends (`ai-wijzer scan --path <dir> --upload <url>`): validated, masked, stored. */
  upload(input: unknown, lang: Lang): Promise<ScanUploadResponse>;
  /** Stores a report of a scan run elsewhere (the CLI's own scan), with the trend against the same source's last one. */
  save(sourceKey: string, report: ScanReport): Promise<{ id: string; trend?: ScanReport['trend'] }>;
  /** The caller's own recent scans (newest first): what was scanned, when, its label and score. */
  mine(caller: Caller, limit?: number): Promise<MyScan[]>;
  /** Tells `listener` of every job this instance's worker closes, for a notice to the person who started it. */
  onFinished(listener: (finished: ScanFinished) => Promise<void>): void;
  /** Starts this instance's worker for scan jobs; returns how to stop it. */
  startWorker(env: NodeJS.ProcessEnv): { stop(): Promise<void> };
}

export interface MyScan {
  id: string;
  /** What was scanned, as the report names it (masked). */
  root: string;
  finishedAt: string;
  score: number;
  label: Label;
}

/** A Graph scan job that ended: for the person who started it (their pseudonym), in the language they started it in. */
export interface ScanFinished {
  owner: string;
  jobId: string;
  lang: Lang;
  target: ScanJob['target'];
  status: 'done' | 'failed';
  /** When done: the stored report's id, label and score, and the three biggest problems (most serious first). */
  scanId?: string;
  label?: Label;
  score?: number;
  complete?: boolean;
  problems: { title: string; count: number }[];
  /** When failed: why, in the person's language. */
  error?: string;
}

const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** The three rules with the most serious findings, most findings first within a severity, titled in `lang`. */
export function biggestProblems(report: ScanReport, lang: Lang): { title: string; count: number }[] {
  const counts = ruleCountsOf(report);
  const severity = new Map<RuleId, Severity>();
  for (const f of report.findings) {
    const known = severity.get(f.rule);
    if (!known || severityRank[f.severity] < severityRank[known]) severity.set(f.rule, f.severity);
  }
  const titles = adviceTexts().rules;
  return (Object.entries(counts) as [RuleId, number][])
    .filter(([, count]) => count > 0)
    .sort(
      ([a, ca], [b, cb]) =>
        severityRank[severity.get(a) ?? 'low'] - severityRank[severity.get(b) ?? 'low'] ||
        cb - ca ||
        a.localeCompare(b),
    )
    .slice(0, 3)
    .map(([rule, count]) => ({ title: titles[rule].title[lang], count }));
}

export function scanService(deps: {
  config: ScanConfig;
  queue: ScanJobQueue;
  states: DriveStateStore;
  reports: ScanReports;
  logger: Logger;
}): ScanService {
  const { config, queue, states, reports, logger } = deps;
  const delegated = Boolean(config.AAD_APP_CLIENT_ID && config.AAD_APP_TENANT_ID);
  const listeners: ((finished: ScanFinished) => Promise<void>)[] = [];

  async function announce(job: ScanJob): Promise<void> {
    if (listeners.length === 0) return;
    const closed = await queue.get(job.id);
    if (!closed || (closed.status !== 'done' && closed.status !== 'failed')) return;
    const stored = closed.scanId ? await reports.get(closed.scanId) : undefined;
    const finished: ScanFinished = {
      owner: closed.owner,
      jobId: closed.id,
      lang: closed.lang,
      target: closed.target,
      status: closed.status,
      problems: stored ? biggestProblems(stored.report, closed.lang) : [],
      ...(stored
        ? {
            scanId: closed.scanId,
            label: stored.report.label,
            score: stored.report.score,
            complete: stored.report.complete,
          }
        : {}),
      ...(closed.errorCode
        ? { error: (jobErrorMessages[closed.errorCode] ?? jobErrorMessages.scan_failed!)[closed.lang] }
        : {}),
    };
    for (const listener of listeners) {
      try {
        await listener(finished);
      } catch (error) {
        logger.warn({ err: errorForLog(error), job: job.id }, 'scan notice failed');
      }
    }
  }

  async function view(job: ScanJob, lang: Lang): Promise<ScanJobView> {
    const stored = job.scanId ? await reports.get(job.scanId) : undefined;
    const message = job.errorCode
      ? (jobErrorMessages[job.errorCode] ?? jobErrorMessages.scan_failed!)[lang]
      : undefined;
    return {
      id: job.id,
      status: job.status,
      target: job.target,
      progress: {
        items: job.progress.items,
        requests: job.progress.requests,
        throttledSeconds: Math.round(job.progress.throttledSeconds * 10) / 10,
      },
      createdAt: job.createdAt,
      ...(job.startedAt ? { startedAt: job.startedAt } : {}),
      ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
      notes: job.notes,
      ...(stored ? { report: stored.report } : {}),
      ...(job.errorCode ? { error: { code: job.errorCode, message: message! } } : {}),
    };
  }

  return {
    graphScans: delegated || Boolean(config.GRAPH_ACCESS_TOKEN),
    async start(caller, input, lang) {
      const parsed = parseInput(startScanSchema(lang), input, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const [kind, id] = Object.entries(parsed.data.target).find(([, v]) => v !== undefined) as [TargetKind, string];
      let credential: string | undefined;
      if (delegated && caller.token) {
        if (!config.AAD_APP_CLIENT_SECRET) throw notConfigured;
        try {
          const { token, expiresAt } = await tokenOnBehalfOf(
            {
              clientId: config.AAD_APP_CLIENT_ID!,
              clientSecret: config.AAD_APP_CLIENT_SECRET,
              tenantId: config.AAD_APP_TENANT_ID!,
              authorityHost: config.AAD_AUTHORITY_HOST,
            },
            caller.token,
          );
          credential = sealCredential(config.PSEUDONYM_SECRET, token, expiresAt);
        } catch (error) {
          if (error instanceof ConsentRequiredError) throw consent;
          throw error;
        }
      } else if (!config.GRAPH_ACCESS_TOKEN) {
        throw notConfigured;
      }
      const job = await queue.create({
        owner: caller.pseudonym,
        target: { kind, id },
        tenant: caller.tenantId,
        lang,
        credential,
      });
      return view(job, lang);
    },
    async get(caller, id, lang) {
      const job = /^[0-9a-f-]{36}$/.test(id) ? await queue.get(id) : undefined;
      // Someone else's scan does not exist for the caller: the same answer as an unknown id.
      if (!job || job.owner !== caller.pseudonym) throw notFound;
      return view(job, lang);
    },
    async upload(input, lang) {
      const parsed = parseInput(scanUploadSchema(lang), input, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const report = maskReport(parsed.data.report);
      const saved = await reports.saveWithTrend(parsed.data.sourceKey, report, { owner: 'agent' });
      logger.info(
        { scanId: saved.id, findings: report.findings.length, complete: report.complete },
        'scan report uploaded',
      );
      return { id: saved.id, score: report.score, label: report.label, ...(saved.trend ? { trend: saved.trend } : {}) };
    },
    save: (sourceKey, report) => reports.saveWithTrend(sourceKey, maskReport(report)),
    mine: (caller, limit = 5) => reports.listOf(caller.pseudonym, Math.min(Math.max(limit, 1), 50)),
    onFinished(listener) {
      listeners.push(listener);
    },
    startWorker(env) {
      const timing = scanWorkerEnvSchema.parse(env);
      if (timing.SCAN_WORKER_CONCURRENCY === 0) return { stop: async () => undefined };
      return startScanWorker({
        queue,
        concurrency: timing.SCAN_WORKER_CONCURRENCY,
        pollMs: timing.SCAN_WORKER_POLL_MS,
        heartbeatMs: timing.SCAN_WORKER_HEARTBEAT_MS,
        staleMs: timing.SCAN_WORKER_STALE_MS,
        async sourceFor(job, signal) {
          let token: string;
          if (job.credential) {
            const opened = openCredential(config.PSEUDONYM_SECRET, job.credential);
            if (!opened || opened.expiresAt < Date.now() + 60_000) throw new JobError('token_expired');
            token = opened.token;
          } else if (config.GRAPH_ACCESS_TOKEN) {
            token = config.GRAPH_ACCESS_TOKEN;
          } else {
            throw new JobError('token_expired');
          }
          const source = createGraphSource({
            baseUrl: config.GRAPH_BASE_URL,
            token: staticToken(token),
            target: targetOf(job),
            tenant: job.tenant ?? 'default',
            state: states,
            stateOwner: job.credential ? job.owner : 'app',
          });
          await source.prepare(signal);
          return source;
        },
        errorCode(error) {
          if (error instanceof GraphTargetError)
            return error.status === 404
              ? 'target_not_found'
              : error.status === 401
                ? 'token_expired'
                : error.status === 403
                  ? 'forbidden'
                  : 'scan_failed';
          return 'scan_failed';
        },
        onError(error, job) {
          logger.warn({ err: errorForLog(error), job: job?.id }, 'scan job error');
        },
        onFinished: announce,
      });
    },
  };
}

function targetOf(job: ScanJob) {
  const { kind, id } = job.target;
  return kind === 'drive' ? { drive: id } : kind === 'site' ? { site: id } : { team: id };
}
