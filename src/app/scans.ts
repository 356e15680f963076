import { z } from 'zod';
import {
  jobErrorMessages,
  scanListQuerySchema,
  scanTargetsQuerySchema,
  startScanSchema,
  type ScanJobSummary,
  type ScanJobView,
  type ScanList,
  type ScanTargets,
} from '../api/scan-jobs.js';
import {
  scanUploadSchema,
  type ScanOrigin,
  type ScanReportSummary,
  type ScanReportView,
  type ScanUploadResponse,
} from '../api/scans.js';
import { teamScanParamsSchema, type TeamLatestScan } from '../api/team-scan.js';
import type { Config } from '../config.js';
import { openCredential, packJobToken, sealCredential, unpackJobToken } from '../housekeeping/jobs/credential.js';
import {
  sourceKeyOf,
  type ReachablePart,
  type ScanJob,
  type ScanJobQueue,
  type TargetKind,
} from '../housekeeping/jobs/types.js';
import { JobError, startScanWorker } from '../housekeeping/jobs/worker.js';
import { maskReport } from '../housekeeping/output/mask-report.js';
import { adviceTexts } from '../housekeeping/advice.js';
import type { Label, RuleId, ScanReport, Severity } from '../housekeeping/report.js';
import { ruleCountsOf } from '../housekeeping/trend.js';
import type { DriveStateStore } from '../housekeeping/sources/graph/drive-state.js';
import { createGraphSource, GraphTargetError } from '../housekeeping/sources/graph/graph-source.js';
import { isMemberOfTeam, listReachableTargets } from '../housekeeping/sources/graph/reachable.js';
import {
  ConsentRequiredError,
  onBehalfOf,
  staticToken,
  tokenOnBehalfOf,
} from '../housekeeping/sources/graph/tokens.js';
import type { Lang } from '../lang.js';
import { errorForLog, type Logger } from '../log.js';
import { parseInput } from '../validation.js';
import { hasRole, type Caller } from './caller.js';
import { AppError, invalidInput } from './errors.js';

/** Where stored reports come from and go to; src/store/repositories/housekeeping.ts implements it. */
export interface ScanReports {
  /** A stored report (its trend against the same owner's scan before it), whose it is and what was scanned. */
  get(id: string): Promise<{ report: ScanReport; owner?: string; sourceKey?: string } | undefined>;
  /** The scans one person started, newest first. */
  listOf(
    owner: string,
    limit: number,
  ): Promise<{ id: string; finishedAt: string; score: number; label: Label; root: string }[]>;
  /** The scans of `owner` and of `shared` (the agents), newest first. */
  visibleTo(
    owner: string,
    shared: string | undefined,
    limit: number,
  ): Promise<
    {
      id: string;
      owner?: string;
      sourceKey: string;
      source: ScanReport['source'];
      root: string;
      complete: boolean;
      finishedAt: string;
      score: number;
      label: Label;
    }[]
  >;
  saveWithTrend(
    sourceKey: string,
    report: ScanReport,
    meta?: { owner?: string },
  ): Promise<{ id: string; trend?: ScanReport['trend'] }>;
  /** The newest stored scan under any of these source keys, whoever's it is. */
  latestOf(sourceKeys: readonly string[]): Promise<{ id: string } | undefined>;
}

export type ScanConfig = Pick<
  Config,
  | 'AAD_APP_CLIENT_ID'
  | 'AAD_APP_CLIENT_SECRET'
  | 'AAD_APP_TENANT_ID'
  | 'AAD_AUTHORITY_HOST'
  | 'GRAPH_BASE_URL'
  | 'GRAPH_ACCESS_TOKEN'
  | 'JOB_CREDENTIAL_KEY'
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
const graphUnavailable = new AppError('unavailable', 'graph_unavailable', {
  nl: 'Microsoft 365 gaf geen lijst van wat je kunt scannen. Probeer het over een paar minuten opnieuw.',
  en: 'Microsoft 365 did not give the list of what you can scan. Try again in a few minutes.',
});
const reportNotFound = new AppError('not-found', 'not_found', {
  nl: 'Dit rapport bestaat niet.',
  en: 'This report does not exist.',
});

const notTeamLead = new AppError('forbidden', 'not_team_lead', {
  nl: 'Dit is voor teamleiders (rol AIWijzer.TeamLead) en beheerders van AI-wijzer. Je eigen scans staan bij Datahygiëne.',
  en: 'This is for team leads (role AIWijzer.TeamLead) and AI-wijzer admins. Your own scans are under Data readiness.',
});
const notTeamMember = new AppError('forbidden', 'not_team_member', {
  nl: 'Je bent geen lid van dit team. Een teamleider ziet alleen de scans van de teams waar hij of zij lid van is.',
  en: 'You are not a member of this team. A team lead sees only the scans of the teams they are a member of.',
});
const membershipUnavailable = new AppError('unavailable', 'graph_unavailable', {
  nl: 'Microsoft 365 kon nu niet zeggen of je lid bent van dit team. Probeer het over een paar minuten opnieuw.',
  en: 'Microsoft 365 could not say right now whether you are a member of this team. Try again in a few minutes.',
});
const noTeamScan: Record<Lang, string> = {
  nl: 'Er is nog geen scan van de bestanden van dit team.',
  en: "There is no scan of this team's files yet.",
};

/** The owner under which reports of on-premises agents are stored (POST /api/scans/upload). */
const agentOwner = 'agent';

/**
 * Who may read a stored report: the person whose scan it was; a report of an on-premises agent (a network share,
 * not tied to one person's access) and a scan of a team's files (the team's, whoever started it: the channel tab
 * shows its last one) only team leads and admins (their Entra app roles), for whom the pages show them.
 */
const isLead = (caller: Caller) => hasRole(caller, 'teamlead') || hasRole(caller, 'admin');
const mayReadAgentReports = isLead;
const mayRead = (caller: Caller, owner: string | undefined, sourceKey: string | undefined) =>
  owner === caller.pseudonym ||
  (owner === agentOwner && mayReadAgentReports(caller)) ||
  (targetOfKey(sourceKey)?.kind === 'team' && isLead(caller));
const originOf = (caller: Caller, owner: string | undefined): ScanOrigin =>
  owner === caller.pseudonym ? 'own' : owner === agentOwner ? 'agent' : 'team';

/** "graph:<kind>:<id>" back to the target, to scan it again; other keys (agents' "fs:...") have none to give. */
function targetOfKey(sourceKey: string | undefined): { kind: TargetKind; id: string } | undefined {
  const m = /^graph:(drive|site|team):(.+)$/.exec(sourceKey ?? '');
  return m ? { kind: m[1] as TargetKind, id: m[2]! } : undefined;
}

/** A list of targets Graph did not give, said to the person: which one, and whether it was a refusal. */
const partTexts: Record<ReachablePart, Record<Lang, string>> = {
  drive: { nl: 'Je OneDrive kon niet worden opgehaald.', en: 'Your OneDrive could not be fetched.' },
  teams: { nl: 'Je teams konden niet worden opgehaald.', en: 'Your teams could not be fetched.' },
  'followed-sites': {
    nl: 'De sites die je volgt konden niet worden opgehaald.',
    en: 'The sites you follow could not be fetched.',
  },
  'site-search': { nl: 'Het zoeken naar sites is mislukt.', en: 'The search for sites failed.' },
};
const refusedText: Record<Lang, string> = {
  nl: 'Microsoft 365 gaf AI-wijzer daar geen toegang toe.',
  en: 'Microsoft 365 did not give AI-wijzer access to it.',
};
const laterText: Record<Lang, string> = { nl: 'Probeer het later opnieuw.', en: 'Try again later.' };

/** How long a person waits for the list of targets at most, throttling included. */
const targetsTimeoutMs = 30_000;

/** Datahygiëne for every surface: Graph scans as jobs any instance can run, and reports from on-premises agents. */
export interface ScanService {
  /** Whether this installation can scan Microsoft 365 at all (delegated sign-in or an app token). */
  readonly graphScans: boolean;
  start(caller: Caller, input: unknown, lang: Lang): Promise<ScanJobView>;
  get(caller: Caller, id: string, lang: Lang): Promise<ScanJobView>;
  /** GET /api/scans: the caller's open and recent jobs, and the stored reports they may read, newest first. */
  list(caller: Caller, query: unknown, lang: Lang): Promise<ScanList>;
  /** GET /api/scans/reports/:scanId: one stored report with its trend, for its owner (agents': team leads, admins). */
  report(caller: Caller, scanId: string, lang: Lang): Promise<ScanReportView>;
  /**
   * GET /api/scans/teams/:teamId/latest: the newest stored scan of a team's files (a scan with the team as its
   * target, whoever started it), summarised, for the team's leads (members of it, asked of Graph) and admins
   * (`forbidden` for anyone else).
   */
  teamLatest(caller: Caller, teamId: unknown, lang: Lang): Promise<TeamLatestScan>;
  /** GET /api/scans/targets: the teams, sites and drive the caller can scan, from Graph on their behalf. */
  targets(caller: Caller, query: unknown, lang: Lang): Promise<ScanTargets>;
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

/** The three rules with the most serious findings, most findings first within a severity: rule, severity, title in `lang`, count. */
export function rankedProblems(
  report: ScanReport,
  lang: Lang,
): { rule: RuleId; severity: Severity; title: string; count: number }[] {
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
    .map(([rule, count]) => ({ rule, severity: severity.get(rule) ?? 'low', title: titles[rule].title[lang], count }));
}

/** The three rules with the most serious findings, most findings first within a severity, titled in `lang`. */
export function biggestProblems(report: ScanReport, lang: Lang): { title: string; count: number }[] {
  return rankedProblems(report, lang).map(({ title, count }) => ({ title, count }));
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

  function summaryOf(job: ScanJob, lang: Lang): ScanJobSummary {
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
      ...(job.scanId ? { scanId: job.scanId } : {}),
      ...(job.errorCode ? { error: { code: job.errorCode, message: message! } } : {}),
    };
  }

  async function view(job: ScanJob, lang: Lang): Promise<ScanJobView> {
    const stored = job.scanId ? await reports.get(job.scanId) : undefined;
    return { ...summaryOf(job, lang), ...(stored ? { report: stored.report } : {}) };
  }

  /**
   * The Graph token to act with for this caller: on their behalf when the installation signs staff in (Entra
   * asking for consent becomes consent_required), else the app's own token (local development), else none. A job
   * asks `forJob`: then also the refresh token its worker renews with.
   */
  async function graphTokenFor(
    caller: Caller,
    forJob = false,
  ): Promise<{ token: string; expiresAt?: number; refreshToken?: string; viewer: 'user' | 'app' }> {
    if (delegated && caller.token) {
      if (!config.AAD_APP_CLIENT_SECRET) throw notConfigured;
      try {
        const delegatedToken = await tokenOnBehalfOf(
          {
            clientId: config.AAD_APP_CLIENT_ID!,
            clientSecret: config.AAD_APP_CLIENT_SECRET,
            tenantId: config.AAD_APP_TENANT_ID!,
            authorityHost: config.AAD_AUTHORITY_HOST,
          },
          caller.token,
          { withRefreshToken: forJob },
        );
        return { ...delegatedToken, viewer: 'user' };
      } catch (error) {
        if (error instanceof ConsentRequiredError) throw consent;
        throw error;
      }
    }
    if (config.GRAPH_ACCESS_TOKEN) return { token: config.GRAPH_ACCESS_TOKEN, viewer: 'app' };
    throw notConfigured;
  }

  /**
   * A delegated job's sealed token carries the user's assertion and the refresh token of the exchange, so the worker
   * can renew its Graph token (also after the tab's token expired, or after a restart).
   */
  function jobTokenOf(
    graph: Awaited<ReturnType<typeof graphTokenFor>>,
    assertion: string | undefined,
  ): { token: string; expiresAt?: number; viewer: 'user' | 'app' } {
    const { refreshToken, ...rest } = graph;
    if (graph.viewer !== 'user' || graph.expiresAt === undefined) return rest;
    return {
      ...rest,
      ...packJobToken({ token: graph.token, expiresAt: graph.expiresAt, refreshToken }, assertion),
    };
  }

  /** The worker's token for a job: renewed on the user's behalf when the job carries their assertion. */
  function jobTokenProvider(sealed: string) {
    const job = unpackJobToken(sealed, 0);
    if (!job.assertion || !config.AAD_APP_CLIENT_SECRET) return staticToken(job.token);
    return onBehalfOf(
      {
        clientId: config.AAD_APP_CLIENT_ID!,
        clientSecret: config.AAD_APP_CLIENT_SECRET,
        tenantId: config.AAD_APP_TENANT_ID!,
        authorityHost: config.AAD_AUTHORITY_HOST,
      },
      job.assertion,
      { token: job.token, expiresAt: job.expiresAt },
      job.refreshToken,
    );
  }

  /**
   * Whether a team lead may see the scans of this team: an admin always; a team lead (a tenant-wide app role) only
   * for a team they are a member of, asked of Graph on their behalf. Without sign-in (local development, the app's
   * own token, which has no "me") there is no membership to ask, and the dev team lead sees every team.
   */
  async function mayReadTeam(caller: Caller, teamId: string): Promise<boolean> {
    if (hasRole(caller, 'admin')) return true;
    if (!delegated) return true;
    if (!caller.token) return false;
    const graph = await graphTokenFor(caller);
    try {
      return await isMemberOfTeam(
        {
          baseUrl: config.GRAPH_BASE_URL,
          token: staticToken(graph.token),
          tenant: caller.tenantId ?? 'default',
          signal: AbortSignal.timeout(targetsTimeoutMs),
        },
        teamId,
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      logger.warn({ err: errorForLog(error) }, 'team membership: Graph did not answer');
      throw membershipUnavailable;
    }
  }

  return {
    graphScans: delegated || Boolean(config.GRAPH_ACCESS_TOKEN),
    async start(caller, input, lang) {
      const parsed = parseInput(startScanSchema(lang), input, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const [kind, id] = Object.entries(parsed.data.target).find(([, v]) => v !== undefined) as [TargetKind, string];
      const graph = jobTokenOf(await graphTokenFor(caller, true), caller.token);
      // A delegated job keeps the user's token sealed; with the app's own token the worker uses that.
      const credential =
        graph.viewer === 'user'
          ? sealCredential(config.JOB_CREDENTIAL_KEY, graph.token, graph.expiresAt ?? Date.now() + 3_600_000)
          : undefined;
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
    async list(caller, query, lang) {
      const parsed = parseInput(scanListQuerySchema, query ?? {}, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      // Jobs first, then reports: a job closes in the same transaction that stores its report, so a job read as done
      // always finds its report in the list read after it (read side by side, the report could be missed).
      const jobs = await queue.listOf(caller.pseudonym, 20);
      const stored = await reports.visibleTo(
        caller.pseudonym,
        mayReadAgentReports(caller) ? agentOwner : undefined,
        parsed.data.limit,
      );
      return {
        jobs: jobs
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
          .map((job) => summaryOf(job, lang)),
        reports: stored.map((r): ScanReportSummary => {
          const target = targetOfKey(r.sourceKey);
          return {
            id: r.id,
            origin: originOf(caller, r.owner),
            source: r.source,
            root: r.root,
            ...(target ? { target } : {}),
            finishedAt: r.finishedAt,
            score: r.score,
            label: r.label,
            complete: r.complete,
          };
        }),
      };
    },
    async report(caller, scanId) {
      const stored = /^[0-9a-f-]{36}$/.test(scanId) ? await reports.get(scanId) : undefined;
      // A report the caller may not read does not exist for them: the same answer as an unknown id.
      if (!stored || !mayRead(caller, stored.owner, stored.sourceKey)) throw reportNotFound;
      const target = targetOfKey(stored.sourceKey);
      // Someone else's scan of a team: only for a lead of that team (its member) or an admin.
      if (stored.owner !== caller.pseudonym && target?.kind === 'team' && !(await mayReadTeam(caller, target.id)))
        throw reportNotFound;
      return {
        id: scanId,
        origin: originOf(caller, stored.owner),
        ...(target ? { target } : {}),
        report: stored.report,
      };
    },
    async teamLatest(caller, teamId, lang) {
      // The role first: a staff member learns nothing, not even whether the id was well formed.
      if (!isLead(caller)) throw notTeamLead;
      const parsed = parseInput(teamScanParamsSchema(lang), { teamId }, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const id = parsed.data.teamId;
      if (!(await mayReadTeam(caller, id))) throw notTeamMember;
      // Graph gives group ids in lower case; a scan started with the id in capitals is the same team.
      const latest = await reports.latestOf(
        [...new Set([id, id.toUpperCase()])].map((v) => sourceKeyOf({ kind: 'team', id: v })),
      );
      const stored = latest ? await reports.get(latest.id) : undefined;
      if (!latest || !stored) return { teamId: id, scan: null, message: noTeamScan[lang] };
      const { report } = stored;
      const counts = ruleCountsOf(report);
      return {
        teamId: id,
        scan: {
          id: latest.id,
          origin: stored.owner === caller.pseudonym ? 'own' : 'team',
          finishedAt: report.finishedAt,
          label: report.label,
          score: report.score,
          ...(report.subScores ? { subScores: report.subScores } : {}),
          complete: report.complete,
          files: report.stats.files,
          folders: report.stats.folders,
          findings: Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0),
          problems: rankedProblems(report, lang),
        },
      };
    },
    async targets(caller, query, lang) {
      const parsed = parseInput(scanTargetsQuerySchema, query ?? {}, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const graph = await graphTokenFor(caller);
      const found = await listReachableTargets({
        baseUrl: config.GRAPH_BASE_URL,
        token: staticToken(graph.token),
        viewer: graph.viewer,
        search: parsed.data.search,
        tenant: caller.tenantId ?? 'default',
        signal: AbortSignal.timeout(targetsTimeoutMs),
      });
      if (found.failed.length > 0) {
        // Statuses and Graph's codes only: no names, no search text.
        logger.warn({ failed: found.failed, viewer: graph.viewer }, 'scan targets: Graph did not give every list');
        if (found.failed.length === found.asked.length) throw graphUnavailable;
      }
      // Only what POST /api/scans accepts back as a target.
      const scannable = startScanSchema(lang).shape.target;
      return {
        viewer: graph.viewer,
        targets: found.targets.filter((t) => scannable.safeParse({ [t.kind]: t.id }).success),
        incomplete: found.failed.map(({ part, status }) => ({
          part,
          message: `${partTexts[part][lang]} ${(status === 401 || status === 403 ? refusedText : laterText)[lang]}`,
        })),
        truncated: found.truncated,
      };
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
            const opened = openCredential(config.JOB_CREDENTIAL_KEY, job.credential);
            // Sealed under another key (JOB_CREDENTIAL_KEY changed since the start): the job fails and says so.
            if (!opened) throw new JobError('credential_unreadable');
            if (opened.expiresAt < Date.now() + 60_000) throw new JobError('token_expired');
            token = opened.token;
          } else if (config.GRAPH_ACCESS_TOKEN) {
            token = config.GRAPH_ACCESS_TOKEN;
          } else {
            throw new JobError('token_expired');
          }
          const source = createGraphSource({
            baseUrl: config.GRAPH_BASE_URL,
            token: jobTokenProvider(token),
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
