import { Router } from 'express';
import type { AppContext } from '../context.js';
import { askRoutes } from './ask.js';
import { checksRoutes } from './checks.js';
import { scanJobsRoutes } from './scan-jobs.js';
import { scanUploadRoutes } from './scan-upload.js';
import { visionRoutes } from './vision.js';

/**
 * Routes under /api/ that authenticate their callers themselves (machines, not signed-in staff):
 * the on-premises scan agent with its upload token. They are mounted before the user sign-in check.
 */
export function agentRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(scanUploadRoutes(ctx));
  return router;
}

/**
 * The JSON APIs under /api/ for signed-in staff. Each capability adds its own route module here:
 * one line per module, so that capabilities never edit each other's files.
 */
export function apiRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(askRoutes(ctx));
  router.use(visionRoutes(ctx));
  router.use(checksRoutes(ctx));
  router.use(scanJobsRoutes(ctx));
  return router;
}
