import {
  ConfidentialClientApplication,
  CryptoProvider,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { z } from 'zod';
import type { TokenProvider } from './transport.js';

/** The app registration that asks Entra ID for Graph tokens (AAD_APP_*), and where Entra ID lives. */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /** AAD_AUTHORITY_HOST, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** msal's HTTP client; tests route it to a local token endpoint. */
  networkClient?: INetworkModule;
  /** A token this close to its expiry (seconds) is renewed before it is sent: 300 (msal's default); tests use less. */
  renewalOffsetSeconds?: number;
}

const graphScope = 'https://graph.microsoft.com/.default';

/** The user has not (yet) consented to the app's Graph permissions, or must sign in again: the tab asks. */
export class ConsentRequiredError extends Error {
  constructor() {
    super('consent required');
    this.name = 'ConsentRequiredError';
  }
}

const apps = new Map<string, ConfidentialClientApplication>();

/**
 * One msal application per registration AND purpose: the app's own tokens and users' delegated tokens must
 * never share a token cache (msal could hand a cached delegated token to an app-only request).
 */
function appFor(reg: AppRegistration, purpose: 'delegated' | 'app'): ConfidentialClientApplication {
  const key = `${purpose}|${reg.authorityHost}|${reg.tenantId}|${reg.clientId}|${reg.renewalOffsetSeconds ?? ''}`;
  let app = apps.get(key);
  if (!app) {
    const host = new URL(reg.authorityHost);
    const loopback = host.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(host.hostname);
    const networkClient = reg.networkClient ?? (loopback ? loopbackNetwork(host.host) : undefined);
    app = new ConfidentialClientApplication({
      auth: {
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        authority: `${loopback ? `https://${host.host}` : reg.authorityHost.replace(/\/$/, '')}/${reg.tenantId}`,
        // The host is ours to name (national clouds, a local stand-in): no instance discovery round trip.
        knownAuthorities: [host.host],
      },
      system: {
        ...(networkClient ? { networkClient } : {}),
        ...(reg.renewalOffsetSeconds !== undefined ? { tokenRenewalOffsetSeconds: reg.renewalOffsetSeconds } : {}),
      },
    });
    apps.set(key, app);
  }
  return app;
}

/** Errors that mean "ask the user for consent / to sign in again", by Entra ID's codes. */
export function needsConsent(error: unknown): boolean {
  const e = error as { errorCode?: string; subError?: string; errorMessage?: string; message?: string };
  const codes = [e.errorCode, e.subError].filter(Boolean);
  if (codes.some((c) => c === 'invalid_grant' || c === 'interaction_required' || c === 'consent_required')) return true;
  return /AADSTS65001|AADSTS50076|AADSTS50079/.test(`${e.errorMessage ?? ''} ${e.message ?? ''}`);
}

/** A delegated Graph token, and the refresh token Entra ID gave with it when it did. */
export interface DelegatedToken {
  token: string;
  expiresAt: number;
  /** From the on-behalf-of answer (msal asks `offline_access`): renews the token after the user assertion expired. */
  refreshToken?: string;
}

/** A Graph token on behalf of the signed-in user (delegated: they scan only what they may see). */
export async function tokenOnBehalfOf(
  reg: AppRegistration,
  userToken: string,
  /** `withRefreshToken`: also the refresh token (for a job that must renew; the cache is read for it). */
  options: { skipCache?: boolean; withRefreshToken?: boolean } = {},
): Promise<DelegatedToken> {
  const app = appFor(reg, 'delegated');
  try {
    const result = await app.acquireTokenOnBehalfOf({
      oboAssertion: userToken,
      scopes: [graphScope],
      ...(options.skipCache ? { skipCache: true } : {}),
    });
    if (!result?.accessToken) throw new Error('no access token in the answer');
    const refreshToken = options.withRefreshToken ? await refreshTokenOf(app, userToken) : undefined;
    return {
      token: result.accessToken,
      expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_600_000,
      ...(refreshToken ? { refreshToken } : {}),
    };
  } catch (error) {
    if (needsConsent(error)) throw new ConsentRequiredError();
    throw error;
  }
}

/** The parts of msal's serialised token cache (the MSAL cache schema) that tell whose refresh token is whose. */
const cacheSchema = z.object({
  AccessToken: z
    .record(z.string(), z.object({ home_account_id: z.string(), userAssertionHash: z.string().optional() }))
    .default({}),
  RefreshToken: z.record(z.string(), z.object({ home_account_id: z.string(), secret: z.string() })).default({}),
});

/**
 * The refresh token msal keeps from the on-behalf-of answer for this assertion. msal-node does not renew OBO tokens
 * with it ("once we implement distributed cache"), so it is taken from the cache: the access token of the assertion
 * (kept under the assertion's hash) names the account, and the account's refresh token is the one. Nothing when
 * Entra ID sent none or the account is not known for certain (no client_info): then renewal needs the assertion.
 */
async function refreshTokenOf(app: ConfidentialClientApplication, assertion: string): Promise<string | undefined> {
  const hash = await new CryptoProvider().hashString(assertion);
  const cache = cacheSchema.safeParse(JSON.parse(app.getTokenCache().serialize()));
  if (!cache.success) return undefined;
  const accounts = new Set(
    Object.values(cache.data.AccessToken)
      .filter((t) => t.userAssertionHash === hash)
      .map((t) => t.home_account_id),
  );
  const [account] = [...accounts];
  if (accounts.size !== 1 || !account) return undefined;
  const tokens = Object.values(cache.data.RefreshToken).filter((t) => t.home_account_id === account);
  return tokens.length === 1 ? tokens[0]!.secret : undefined;
}

/** A new delegated Graph token with a refresh token (Entra ID hands out a new refresh token with it). */
async function tokenByRefresh(reg: AppRegistration, refreshToken: string): Promise<DelegatedToken> {
  try {
    const result = await appFor(reg, 'delegated').acquireTokenByRefreshToken({ refreshToken, scopes: [graphScope] });
    if (!result?.accessToken) throw new Error('no access token in the answer');
    return { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_600_000 };
  } catch (error) {
    if (needsConsent(error)) throw new ConsentRequiredError();
    throw error;
  }
}

/**
 * A delegated scan's tokens for as long as it runs: `initial` (the token from the scan's start, when there is
 * one) while it is valid, then a new token whenever it nears its expiry or Graph refused it: with the refresh
 * token of the on-behalf-of answer when there is one (it outlives the user's assertion, the tab's SSO token,
 * which may have minutes left when the scan starts), else, or when Entra ID no longer takes it (revoked, the
 * session ended), with a new on-behalf-of exchange of the assertion. When neither works (AADSTS500133: the
 * assertion expired) the scan goes on with the last token until Graph refuses it.
 */
export function onBehalfOf(
  reg: AppRegistration,
  assertion: string,
  initial?: { token: string; expiresAt: number },
  refreshToken?: string,
): TokenProvider {
  let refresh = refreshToken;
  return renewingToken(
    async (renew) => {
      if (refresh) {
        try {
          return await tokenByRefresh(reg, refresh);
        } catch (error) {
          if (!(error instanceof ConsentRequiredError)) throw error;
          refresh = undefined;
        }
      }
      const next = await tokenOnBehalfOf(reg, assertion, { skipCache: renew, withRefreshToken: true });
      refresh = next.refreshToken;
      return next;
    },
    { initial, marginMs: (reg.renewalOffsetSeconds ?? 300) * 1000 },
  );
}

/** The app's own Graph token (client credentials), for an admin's tenant-wide CLI run; msal caches and renews it. */
export function clientCredentials(reg: AppRegistration): TokenProvider {
  return renewingToken(
    async (renew) => {
      const result = await appFor(reg, 'app').acquireTokenByClientCredential({
        scopes: [graphScope],
        ...(renew ? { skipCache: true } : {}),
      });
      if (!result?.accessToken) throw new Error('no access token in the answer');
      return { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_600_000 };
    },
    { marginMs: (reg.renewalOffsetSeconds ?? 300) * 1000 },
  );
}

/**
 * A token provider over `acquire`: hands out the current token until it is within `marginMs` of its expiry (or
 * the caller asks to renew after a 401), then acquires a new one. Callers that ask together share one
 * acquisition. When renewing fails while the current token has not yet expired, that token is given out (Graph
 * decides); otherwise the failure goes to the caller.
 */
export function renewingToken(
  acquire: (renew: boolean) => Promise<{ token: string; expiresAt: number }>,
  options: { initial?: { token: string; expiresAt: number }; marginMs: number },
): TokenProvider {
  let current = options.initial;
  let pending: Promise<{ token: string; expiresAt: number }> | undefined;
  return async (ask) => {
    // A refusal of a token already replaced (requests that were on their way during a renewal) needs no new one.
    const renew = ask?.renew === true && (ask.refused === undefined || ask.refused === current?.token);
    if (!renew && current && current.expiresAt - options.marginMs > Date.now()) return current.token;
    const stale = current;
    pending ??= acquire(renew).finally(() => (pending = undefined));
    try {
      current = await pending;
      return current.token;
    } catch (error) {
      if (!renew && stale && stale.expiresAt > Date.now()) return stale.token;
      throw error;
    }
  };
}

/**
 * Entra ID is always https, and msal refuses anything else. A loopback http authority (AAD_AUTHORITY_HOST
 * of a local stand-in, as the SSO check accepts) is given to msal as https and reached over http here.
 */
function loopbackNetwork(host: string): INetworkModule {
  const local = (url: string) => (url.startsWith(`https://${host}/`) ? `http://${url.slice(8)}` : url);
  const call = async <T>(
    url: string,
    method: 'GET' | 'POST',
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const res = await fetch(local(url), { method, headers: options?.headers, body: options?.body });
    return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: (await res.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => call(url, 'GET', options),
    sendPostRequestAsync: (url, options) => call(url, 'POST', options),
  };
}

/** A given token (GRAPH_ACCESS_TOKEN, a token from the tab): nothing to renew it with. */
export const staticToken =
  (token: string): TokenProvider =>
  async (ask) => {
    if (ask?.renew) throw new Error('a given token cannot be renewed');
    return token;
  };
