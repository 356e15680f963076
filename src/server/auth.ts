import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { Config } from '../config.js';
import { pseudonymFor } from '../pseudonym.js';
import { AppError, type Caller } from '../app/index.js';

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

const unauthenticated = new AppError('unauthenticated', 'unauthenticated', {
  nl: 'Je bent niet aangemeld. Open AI-wijzer in Teams en probeer het opnieuw.',
  en: 'You are not signed in. Open AI-wijzer in Teams and try again.',
});

const devUser = /^[A-Za-z0-9._@-]{1,64}$/;

/**
 * Identifies the caller of /api/*. With Entra ID configured: a tab SSO token (signature from the tenant's
 * published keys, audience, issuer, scope access_as_user, tenant). Without it (local development only):
 * the X-Dev-User header or "lokaal", so that each developer still sees only their own records.
 */
export function identifyCaller(config: Config) {
  const clientId = config.AAD_APP_CLIENT_ID;
  const tenantId = config.AAD_APP_TENANT_ID;
  if (!clientId || !tenantId) {
    return (req: Request, _res: Response, next: NextFunction) => {
      const given = req.get('x-dev-user');
      const name = given && devUser.test(given) ? given : 'lokaal';
      req.caller = { pseudonym: pseudonymFor(config.PSEUDONYM_SECRET, `dev:${name}`) };
      next();
    };
  }
  const jwks = createRemoteJWKSet(new URL(`${config.AAD_AUTHORITY_HOST}/${tenantId}/discovery/v2.0/keys`));
  const audiences = [clientId, ...(config.PUBLIC_URL ? [`api://${new URL(config.PUBLIC_URL).host}/${clientId}`] : [])];
  const issuers = [`${config.AAD_AUTHORITY_HOST}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) return next(unauthenticated);
    let payload: JWTPayload & { scp?: string; tid?: string; oid?: string };
    try {
      ({ payload } = await jwtVerify(token, jwks, { audience: audiences, issuer: issuers, clockTolerance: 60 }));
    } catch {
      return next(unauthenticated);
    }
    const scopes = (payload.scp ?? '').split(' ');
    if (!scopes.includes('access_as_user') || payload.tid !== tenantId || !payload.oid) return next(unauthenticated);
    req.caller = {
      pseudonym: pseudonymFor(config.PSEUDONYM_SECRET, `${payload.tid}:${payload.oid}`),
      tenantId: payload.tid,
      token,
    };
    next();
  };
}

/** The caller of a route that needs one; identifyCaller runs before every /api route. */
export function callerOf(req: Request): Caller {
  if (!req.caller) throw unauthenticated;
  return req.caller;
}
