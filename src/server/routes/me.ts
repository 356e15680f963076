import { Router } from 'express';
import type { MeResponse } from '../../api/admin.js';
import { callerOf } from '../auth.js';
import type { AppContext } from '../context.js';

/**
 * GET /api/me: the caller's roles (so the tab shows Beheer to admins only; the API enforces it regardless), and
 * whether they are a local development identity, for the page to mark as such. No pseudonym, no name from Entra.
 */
export function meRoutes({ config }: AppContext): Router {
  const router = Router();
  const entra = Boolean(config.AAD_APP_CLIENT_ID && config.AAD_APP_TENANT_ID);
  router.get('/me', (req, res) => {
    const caller = callerOf(req);
    const body: MeResponse = {
      roles: [...(caller.roles ?? [])],
      identity: entra ? 'entra' : 'dev',
      ...(!entra && req.devUser ? { devUser: req.devUser } : {}),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });
  return router;
}
