import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
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
  const key = `${purpose}|${reg.authorityHost}|${reg.tenantId}|${reg.clientId}`;
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
      ...(networkClient ? { system: { networkClient } } : {}),
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

/** A Graph token on behalf of the signed-in user (delegated: they scan only what they may see). */
export async function tokenOnBehalfOf(
  reg: AppRegistration,
  userToken: string,
): Promise<{ token: string; expiresAt: number }> {
  try {
    const result = await appFor(reg, 'delegated').acquireTokenOnBehalfOf({
      oboAssertion: userToken,
      scopes: [graphScope],
    });
    if (!result?.accessToken) throw new Error('no access token in the answer');
    return { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_600_000 };
  } catch (error) {
    if (needsConsent(error)) throw new ConsentRequiredError();
    throw error;
  }
}

/** The app's own Graph token (client credentials), for an admin's tenant-wide CLI run; msal caches and renews it. */
export function clientCredentials(reg: AppRegistration): TokenProvider {
  return async () => {
    const result = await appFor(reg, 'app').acquireTokenByClientCredential({ scopes: [graphScope] });
    if (!result?.accessToken) throw new Error('no access token in the answer');
    return result.accessToken;
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

export const staticToken =
  (token: string): TokenProvider =>
  async () =>
    token;
