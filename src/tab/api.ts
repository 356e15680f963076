import type { z } from 'zod';
import { frontDoorResponseSchema, type AskChoice, type AskFeedback, type FrontDoorResponse } from '../api/ask.js';
import {
  checkDetailSchema,
  checkListSchema,
  checkQuestionsSchema,
  checkResponseSchema,
  type CheckDetail,
  type CheckList,
  type CheckRequest,
  type CheckResponse,
} from '../api/checks.js';
import {
  scanJobSummarySchema,
  scanListSchema,
  scanTargetsSchema,
  type ScanJobSummary,
  type ScanList,
  type ScanTargets,
} from '../api/scan-jobs.js';
import { scanReportViewSchema, type ScanReportView } from '../api/scans.js';
import { teamLatestScanSchema, type TeamLatestScan } from '../api/team-scan.js';
import { visionDocumentSchema, type VisionDocumentView } from '../api/vision.js';
import type { Lang } from '../lang.js';
import type { TabIdentity } from './auth/identity.js';

/** A failed API call, with the server's message in the user's language (or ours when the server was unreachable). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The server's error code (e.g. 'consent_required'), when it gave one. */
    readonly code?: string,
    /** What the server found wrong, field by field (400 invalid_input), for a form to show at its fields. */
    readonly problems: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface ApiClient {
  /** Through the front door: a vision answer, or the check, the scan or help that the question asks for. */
  ask(question: string): Promise<FrontDoorResponse>;
  feedback(body: AskFeedback): Promise<void>;
  /** A suggested section the user opened: tells the AI team which section the question belonged to. */
  choice(body: AskChoice): Promise<void>;
  /** The vision to read, in the page's language or the one given (an answer's). */
  vision(language?: Lang): Promise<VisionDocumentView>;
  /** The quick check's questions in the user's language, and the register's tools. */
  checkQuestions(): Promise<CheckQuestionsView>;
  /**
   * Evaluates and records a check: the verdict with its record number. `requestKey` (Idempotency-Key): the same for
   * a retry of one submission, so that a retry after a lost answer does not record the check twice.
   */
  check(body: CheckRequest, requestKey?: string): Promise<CheckResponse>;
  /** The caller's own checks, newest first (before: only older than that record). */
  myChecks(before?: number): Promise<CheckList>;
  /** One of the caller's own checks, with the case it judged. */
  myCheck(seq: number): Promise<CheckDetail>;
  /** That check's case judged with the current rules and register, recorded as a new check. */
  reassess(seq: number): Promise<CheckResponse>;
}

export type CheckQuestionsView = z.output<typeof checkQuestionsSchema>;

const unreachable = {
  nl: 'AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.',
  en: 'AI-wijzer cannot be reached right now. Please try again later.',
};

/** Who a call is made as: the headers of src/tab/auth (the SSO or MSAL token, or the dev user). */
export type CallIdentity = Pick<TabIdentity, 'headers'>;

/**
 * Sends one call: JSON, the user's language, who calls (token or dev user); the answer checked. Exported for the
 * pages loaded on demand that bring their own schemas (src/tab/auth/me.ts), so the start page need not carry them.
 */
export function caller(lang: Lang, identity: CallIdentity) {
  return async function call<S extends z.ZodType>(path: string, init: RequestInit, schema?: S): Promise<z.output<S>> {
    const headers = new Headers(init.headers);
    headers.set('accept-language', lang === 'en' ? 'en' : 'nl');
    if (init.body) headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(await identity.headers())) headers.set(name, value);
    let res: Response;
    try {
      res = await fetch(path, { ...init, headers });
    } catch {
      throw new ApiError(unreachable[lang], 0);
    }
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const message = (
        body as
          { error?: { code?: string; message?: string; problems?: { field?: string; message: string }[] } } | undefined
      )?.error;
      throw new ApiError(
        [message?.message, ...(message?.problems?.map((p) => p.message) ?? [])].filter(Boolean).join(' ') ||
          unreachable[lang],
        res.status,
        typeof message?.code === 'string' ? message.code : undefined,
        (Array.isArray(message?.problems) ? message.problems : [])
          .filter((p) => typeof p?.message === 'string')
          .map((p) => ({ field: typeof p.field === 'string' ? p.field : '(invoer)', message: p.message })),
      );
    }
    if (!schema) return undefined as z.output<S>;
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiError(unreachable[lang], res.status);
    return parsed.data;
  };
}

/** The tab's one way to call the server: JSON, the user's language, who calls (src/tab/auth). */
export function apiClient(lang: Lang, identity: CallIdentity): ApiClient {
  const call = caller(lang, identity);
  return {
    ask: (question) =>
      call('/api/ask', { method: 'POST', body: JSON.stringify({ question }) }, frontDoorResponseSchema),
    feedback: async (body) => {
      await call('/api/ask/feedback', { method: 'POST', body: JSON.stringify(body) });
    },
    choice: async (body) => {
      await call('/api/ask/choice', { method: 'POST', body: JSON.stringify(body) });
    },
    vision: (language = lang) => call(`/api/vision?lang=${language}`, {}, visionDocumentSchema),
    checkQuestions: () => call('/api/checks/questions', {}, checkQuestionsSchema),
    check: (body, requestKey) =>
      call(
        '/api/checks',
        {
          method: 'POST',
          body: JSON.stringify(body),
          ...(requestKey ? { headers: { 'idempotency-key': requestKey } } : {}),
        },
        checkResponseSchema,
      ),
    myChecks: (before) => call(`/api/checks${before ? `?before=${before}` : ''}`, {}, checkListSchema),
    myCheck: (seq) => call(`/api/checks/${seq}`, {}, checkDetailSchema),
    reassess: (seq) => call(`/api/checks/${seq}/reassess`, { method: 'POST' }, checkResponseSchema),
  };
}

/** The Datahygiëne page's calls (GET/POST /api/scans…), through the same one way to the server. */
export interface ScanClient {
  /** The caller's open and recent jobs, their stored reports and (team leads, admins) the agents' uploads. */
  scans(): Promise<ScanList>;
  /** What the caller can scan in Microsoft 365 (403 consent_required, 503 graph_not_configured/graph_unavailable). */
  targets(search?: string): Promise<ScanTargets>;
  /** Starts a scan as a job (202). */
  start(target: ScanTargetRef): Promise<ScanJobSummary>;
  /** A job's progress; its `scanId` when done. */
  job(id: string): Promise<ScanJobSummary>;
  /** One stored report with its trend. */
  report(scanId: string): Promise<ScanReportView>;
}

export type ScanTargetRef = ScanJobSummary['target'];

export function scanClient(lang: Lang, identity: CallIdentity): ScanClient {
  const call = caller(lang, identity);
  return {
    scans: () => call('/api/scans', {}, scanListSchema),
    targets: (search) =>
      call(`/api/scans/targets${search ? `?search=${encodeURIComponent(search)}` : ''}`, {}, scanTargetsSchema),
    start: (target) =>
      call(
        '/api/scans',
        { method: 'POST', body: JSON.stringify({ target: { [target.kind]: target.id } }) },
        scanJobSummarySchema,
      ),
    job: (id) => call(`/api/scans/${encodeURIComponent(id)}`, {}, scanJobSummarySchema),
    report: (scanId) => call(`/api/scans/reports/${encodeURIComponent(scanId)}`, {}, scanReportViewSchema),
  };
}

/** The channel tab's call: a team's last scan (team leads and admins; 403 `not_team_lead` for anyone else). */
export interface TeamClient {
  teamLatest(groupId: string): Promise<TeamLatestScan>;
}

export function teamClient(lang: Lang, identity: CallIdentity): TeamClient {
  const call = caller(lang, identity);
  return {
    teamLatest: (groupId) => call(`/api/scans/teams/${encodeURIComponent(groupId)}/latest`, {}, teamLatestScanSchema),
  };
}
