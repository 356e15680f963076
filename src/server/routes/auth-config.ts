import { Router } from 'express';
import type { AuthConfig } from '../../api/auth-config.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../context.js';

/**
 * Where the browser signs in: `AAD_AUTHORITY_HOST` as an https origin and `<origin>/<tenant>` as the authority;
 * undefined without Entra ID settings. Entra ID is always https and msal refuses anything else, so a loopback http
 * host (a local stand-in, as the SSO check and src/housekeeping/sources/graph/tokens.ts accept it) is named as https.
 */
export function browserAuthority(config: Config): { origin: string; authority: string } | undefined {
  if (!config.AAD_APP_CLIENT_ID || !config.AAD_APP_TENANT_ID) return undefined;
  const host = new URL(config.AAD_AUTHORITY_HOST);
  const loopback = host.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(host.hostname);
  const base = loopback ? `https://${host.host}${host.pathname}` : host.href;
  const origin = new URL(base).origin;
  return { origin, authority: `${base.replace(/\/$/, '')}/${config.AAD_APP_TENANT_ID}` };
}

/** The scope of AI-wijzer's own API that the tab asks for: the App ID URI of aad.manifest.json, `access_as_user`. */
export function apiScope(config: Config): string | undefined {
  const clientId = config.AAD_APP_CLIENT_ID;
  if (!clientId) return undefined;
  // Without PUBLIC_URL there is no App ID URI to name; Entra ID also takes the client id as the resource.
  return config.PUBLIC_URL
    ? `api://${new URL(config.PUBLIC_URL).host}/${clientId}/access_as_user`
    : `${clientId}/access_as_user`;
}

/** GET /api/auth-config: the public sign-in settings of the tab outside Teams (no sign-in needed to read them). */
export function authConfigRoutes({ config }: AppContext): Router {
  const router = Router();
  const entra = browserAuthority(config);
  const scope = apiScope(config);
  const body: AuthConfig =
    entra && scope
      ? { mode: 'entra', clientId: config.AAD_APP_CLIENT_ID!, authority: entra.authority, scopes: [scope] }
      : { mode: 'dev' };
  router.get('/auth-config', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(body);
  });
  return router;
}
