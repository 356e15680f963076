import { Router } from 'express';
import { z } from 'zod';
import { jobErrorMessages, startScanSchema, type ScanJobView } from '../../api/scan-jobs.js';
import { parseInput } from '../../validation.js';
import { openCredential, sealCredential } from '../../housekeeping/jobs/credential.js';
import type { ScanJob, TargetKind } from '../../housekeeping/jobs/types.js';
import { JobError, startScanWorker } from '../../housekeeping/jobs/worker.js';
import { createGraphSource, GraphTargetError } from '../../housekeeping/sources/graph/graph-source.js';
import { ConsentRequiredError, staticToken, tokenOnBehalfOf } from '../../housekeeping/sources/graph/tokens.js';
import { getScan } from '../../store/repositories/housekeeping.js';
import { graphDriveStateStore, scanJobQueue } from '../../store/repositories/scan-jobs.js';
import { errorForLog } from '../../log.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';
import { HttpError, invalidInput } from '../http-error.js';
import type { Lang } from '../../lang.js';

/** Worker timing; settable for tests and for deployments with slow databases. */
const workerEnv = z.object({
  SCAN_WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(2),
  SCAN_WORKER_POLL_MS: z.coerce.number().int().min(10).default(1000),
  SCAN_WORKER_HEARTBEAT_MS: z.coerce.number().int().min(10).default(5000),
  SCAN_WORKER_STALE_MS: z.coerce.number().int().min(100).default(60_000),
});

const notFound = new HttpError(404, 'not_found', { nl: 'Deze scan bestaat niet.', en: 'This scan does not exist.' });
const consent = new HttpError(403, 'consent_required', {
  nl: 'AI-wijzer heeft je toestemming nodig om je bestanden in Microsoft 365 te lezen. Geef toestemming en probeer het opnieuw.',
  en: 'AI-wijzer needs your consent to read your files in Microsoft 365. Give consent and try again.',
});
const notConfigured = new HttpError(503, 'graph_not_configured', {
  nl: 'Scannen via Microsoft 365 is op deze installatie niet ingesteld.',
  en: 'Scanning through Microsoft 365 is not set up on this installation.',
});

/**
 * POST /api/scans starts a Graph scan as a job and answers 202 at once; GET /api/scans/:id gives its
 * progress and, when done, the report, only to the user who started it. The worker that runs the jobs
 * lives as long as the server.
 */
export function scanJobsRoutes(ctx: AppContext): Router {
  const router = Router();
  const { config } = ctx;
  const timing = workerEnv.parse(process.env);
  const queue = scanJobQueue(ctx.store);
  const states = graphDriveStateStore(ctx.store);
  const delegated = Boolean(config.AAD_APP_CLIENT_ID && config.AAD_APP_TENANT_ID);

  if (timing.SCAN_WORKER_CONCURRENCY > 0) {
    const worker = startScanWorker({
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
        ctx.logger.warn({ err: errorForLog(error), job: job?.id }, 'scan job error');
      },
    });
    ctx.onClose(() => worker.stop());
  }

  router.post('/scans', async (req, res) => {
    const lang = langOf(req);
    const caller = callerOf(req);
    const parsed = parseInput(startScanSchema(lang), req.body, lang);
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
    res
      .status(202)
      .location(`/api/scans/${job.id}`)
      .json(await view(job, lang));
  });

  router.get('/scans/:id', async (req, res) => {
    const lang = langOf(req);
    const caller = callerOf(req);
    const id = String(req.params.id);
    const job = /^[0-9a-f-]{36}$/.test(id) ? await queue.get(id) : undefined;
    if (!job || job.owner !== caller.pseudonym) throw notFound;
    res.json(await view(job, lang));
  });

  async function view(job: ScanJob, lang: Lang): Promise<ScanJobView> {
    const stored = job.scanId ? await getScan(ctx.store, job.scanId) : undefined;
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

  return router;
}

function targetOf(job: ScanJob) {
  const { kind, id } = job.target;
  return kind === 'drive' ? { drive: id } : kind === 'site' ? { site: id } : { team: id };
}
