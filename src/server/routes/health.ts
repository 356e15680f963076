import { Router } from 'express';
import type { Health, Readiness } from '../../api/health.js';
import type { AppContext } from '../context.js';

/** /healthz: the process is up. /readyz: it can reach its database (load balancers stop sending when not). */
export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const body: Health = { status: 'ok', version: ctx.version };
    res.json(body);
  });
  router.get('/readyz', async (_req, res) => {
    const { ready, database } = await ctx.app.ready();
    const body: Readiness = { status: ready ? 'ready' : 'not-ready', database };
    res.status(ready ? 200 : 503).json(body);
  });
  return router;
}
