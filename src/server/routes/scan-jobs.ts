import { Router } from 'express';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';
import { langOf } from '../errors.js';

/**
 * POST /api/scans starts a Graph scan as a job and answers 202 at once; GET /api/scans/:id gives its progress and,
 * when done, the report, only to the user who started it. This instance's worker lives as long as the server.
 */
export function scanJobsRoutes({ app, onClose }: AppContext): Router {
  const router = Router();
  const worker = app.scans.startWorker(process.env);
  onClose(() => worker.stop());

  router.post('/scans', async (req, res) => {
    const job = await app.scans.start(callerOf(req), req.body, langOf(req));
    res.status(202).location(`/api/scans/${job.id}`).json(job);
  });
  router.get('/scans/:id', async (req, res) => {
    res.json(await app.scans.get(callerOf(req), String(req.params.id), langOf(req)));
  });
  return router;
}
