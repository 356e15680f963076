import { Router } from 'express';
import type { ScanList, ScanTargets } from '../../api/scan-jobs.js';
import type { ScanReportView } from '../../api/scans.js';
import type { TeamLatestScan } from '../../api/team-scan.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';

/**
 * POST /api/scans starts a Graph scan as a job and answers 202 at once; GET /api/scans/:id gives its progress and,
 * when done, the report, only to the user who started it. GET /api/scans lists the caller's jobs and the reports
 * they may read, GET /api/scans/reports/:scanId gives one of those, GET /api/scans/targets what they can scan
 * (before /scans/:id, which would take "targets" for a job id), GET /api/scans/teams/:teamId/latest a team's last
 * scan for team leads and admins (the channel tab). This instance's worker lives as long as the server.
 * The answers are those of src/api/scan-jobs.ts and scans.ts.
 */
export function scanJobsRoutes({ app, onClose }: AppContext): Router {
  const router = Router();
  const worker = app.scans.startWorker(process.env);
  onClose(() => worker.stop());

  router.post('/scans', async (req, res) => {
    const job = await app.scans.start(callerOf(req), req.body, langOf(req));
    res.status(202).location(`/api/scans/${job.id}`).json(job);
  });
  router.get('/scans', async (req, res) => {
    res.json((await app.scans.list(callerOf(req), req.query, langOf(req))) satisfies ScanList);
  });
  router.get('/scans/targets', async (req, res) => {
    res.json((await app.scans.targets(callerOf(req), req.query, langOf(req))) satisfies ScanTargets);
  });
  router.get('/scans/reports/:scanId', async (req, res) => {
    res.json((await app.scans.report(callerOf(req), String(req.params.scanId), langOf(req))) satisfies ScanReportView);
  });
  router.get('/scans/teams/:teamId/latest', async (req, res) => {
    res.json((await app.scans.teamLatest(callerOf(req), req.params.teamId, langOf(req))) satisfies TeamLatestScan);
  });
  router.get('/scans/:id', async (req, res) => {
    res.json(await app.scans.get(callerOf(req), String(req.params.id), langOf(req)));
  });
  return router;
}
