import { Router } from 'express';
import type { AppContext } from '../context.js';
import { adminRoutes } from './admin.js';
import { askRoutes } from './ask.js';
import { authConfigRoutes } from './auth-config.js';
import { checksRoutes } from './checks.js';
import { meRoutes } from './me.js';
import { scanJobsRoutes } from './scan-jobs.js';
import { scanUploadRoutes } from './scan-upload.js';
import { visionRoutes } from './vision.js';

/**
 * Routes under /api/ that need no signed-in staff member, mounted before the sign-in check: the on-premises scan
 * agent (it brings its own upload token), the vision, which is public, and the tab's sign-in settings.
 */
export function agentRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(scanUploadRoutes(ctx));
  // The vision is public (it is published to the council): reading it needs no sign-in, so links from the bot open.
  router.use(visionRoutes(ctx));
  // The tab must know how to sign in before anyone is signed in.
  router.use(authConfigRoutes(ctx));
  return router;
}

/**
 * The JSON APIs under /api/ for signed-in staff. Each capability adds its own route module here:
 * one line per module, so that capabilities never edit each other's files.
 */
export function apiRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(askRoutes(ctx));
  router.use(checksRoutes(ctx));
  router.use(scanJobsRoutes(ctx));
  router.use(meRoutes(ctx));
  router.use(adminRoutes(ctx));
  return router;
}
