import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { Config } from '../config.js';
import { pseudonymFor } from '../pseudonym.js';
import { AppError, entraAppRoles, type Caller, type Role } from '../app/index.js';
import { fromLoopback } from './loopback.js';

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
    /** The local development user (X-Dev-User, or "lokaal"); only without Entra ID settings. */
    devUser?: string;
  }
}

export const unauthenticated = new AppError('unauthenticated', 'unauthenticated', {
  nl: 'Je bent niet aangemeld. Open AI-wijzer opnieuw in Teams of in de browser en meld je aan.',
  en: 'You are not signed in. Open AI-wijzer again in Teams or in the browser and sign in.',
});

const devUser = /^[A-Za-z0-9._@-]{1,64}$/;

/** The AI-wijzer roles of the Entra app roles in a token's `roles` claim; unknown roles give nothing. */
export function rolesOf(claim: unknown): Role[] {
  if (!Array.isArray(claim)) return [];
  const roles = new Set<Role>();
  for (const value of claim)
    if (typeof value === 'string' && Object.hasOwn(entraAppRoles, value)) roles.add(entraAppRoles[value]!);
  return [...roles];
}

/**
 * Identifies the caller of /api/*. With Entra ID configured: a tab SSO token (signature from the tenant's
 * published keys, audience, issuer, scope access_as_user, tenant), and the roles from its app roles
 * (`AIWijzer.Admin`, `AIWijzer.TeamLead`). Without it (local development only): the X-Dev-User header or
 * "lokaal", so that each developer still sees only their own records; the names in DEV_ADMINS are admins, those in
 * DEV_TEAMLEADS team leads. That identity is honoured only for requests from this machine (the socket's loopback peer).
 */
export function identifyCaller(config: Config) {
  const clientId = config.AAD_APP_CLIENT_ID;
  const tenantId = config.AAD_APP_TENANT_ID;
  if (!clientId || !tenantId) {
    // loadConfig refuses production without these settings already; this keeps the dev identity out of any other way in.
    if (config.NODE_ENV === 'production')
      throw new Error(
        'the development identity (X-Dev-User) is refused with NODE_ENV=production: set AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID',
      );
    const admins = new Set(config.DEV_ADMINS);
    const teamLeads = new Set(config.DEV_TEAMLEADS);
    return (req: Request, _res: Response, next: NextFunction) => {
      // The development identity is for the developer's own machine: from anywhere else there is no caller.
      if (!fromLoopback(req)) return next(unauthenticated);
      const given = req.get('x-dev-user');
      const name = given && devUser.test(given) ? given : 'lokaal';
      req.caller = {
        pseudonym: pseudonymFor(config.PSEUDONYM_SECRET, `dev:${name}`),
        roles: [...(admins.has(name) ? ['admin' as const] : []), ...(teamLeads.has(name) ? ['teamlead' as const] : [])],
      };
      req.devUser = name;
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
    let payload: JWTPayload & { scp?: string; tid?: string; oid?: string; roles?: unknown };
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
      roles: rolesOf(payload.roles),
    };
    next();
  };
}

/** The caller of a route that needs one; identifyCaller runs before every /api route. */
export function callerOf(req: Request): Caller {
  if (!req.caller) throw unauthenticated;
  return req.caller;
}
