import {
  AuthError,
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type RedirectRequest,
} from '@azure/msal-browser';
import { graphConsentScopes, type AuthConfig } from '../../api/auth-config.js';
import { parseRoute } from '../useHashRoute.js';
import type { TabIdentity } from './identity.js';

/**
 * Sign-in in a browser outside Teams, with MSAL and redirects (this file and @azure/msal-browser are a webpack chunk
 * of their own: App.tsx imports it only in that case, so the start page's JavaScript stays small in Teams).
 */
export type EntraAuthConfig = Extract<AuthConfig, { mode: 'entra' }>;

export interface MsalSession {
  /** Signed in: the identity for the API calls, and signing out. */
  signedIn?: { identity: TabIdentity; signOut(): Promise<void> };
  /** The redirect that came back said that signing in failed or was cancelled. */
  failed: boolean;
  /** Goes to the sign-in page of Entra ID and back here, to the page the person was on. */
  signIn(): Promise<void>;
}

/**
 * Whether a silent token request needs the person: Entra ID says so, or the refresh token is gone or expired
 * (a SPA's lasts 24 hours, AADSTS700084 comes as invalid_grant).
 */
function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  return (
    error instanceof AuthError &&
    ['invalid_grant', 'no_tokens_found', 'refresh_token_expired', 'token_refresh_required'].includes(error.errorCode)
  );
}

/** The page to return to after a redirect: the current hash route when it is one of the tab's, else the start. */
function returnPlace(): string {
  const hash = window.location.hash;
  return hash && parseRoute(hash).view !== 'not-found' ? hash : '';
}

/**
 * Starts MSAL: handles the answer of a redirect that came back (code and state checked by MSAL, PKCE, nonce), goes
 * back to the page the person started from, and finds the account signed in in this browser tab (MSAL keeps it in
 * sessionStorage, which ends with the tab).
 */
export async function startMsal(config: EntraAuthConfig): Promise<MsalSession> {
  const redirectUri = new URL('/tab/', window.location.origin).href;
  const pca = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // Our own tenant's authority, named: no instance discovery round trip (and a national cloud works too).
      knownAuthorities: [new URL(config.authority).host],
      redirectUri,
      postLogoutRedirectUri: redirectUri,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await pca.initialize();
  let failed = false;
  let account: AccountInfo | null = null;
  try {
    // The tab's routes live in the hash: MSAL must not navigate back itself, the state says where to go.
    const result = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (result) {
      account = result.account;
      if (result.state && parseRoute(result.state).view !== 'not-found') window.location.hash = result.state;
    }
  } catch {
    failed = true;
  }
  account ??= pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  const request = (extra: Partial<RedirectRequest> = {}): RedirectRequest => ({
    scopes: config.scopes,
    state: returnPlace(),
    ...extra,
  });
  const signIn = () => pca.loginRedirect(request());
  if (!account) return { failed, signIn };
  pca.setActiveAccount(account);
  const signedInAccount = account;

  const identity: TabIdentity = {
    kind: 'msal',
    headers: async (): Promise<Record<string, string>> => {
      try {
        // The cached token, else the refresh token; never a hidden iframe (this page is the redirect URI, and an
        // iframe of it would start the whole tab): when those fail, a redirect does it.
        const result = await pca.acquireTokenSilent({
          scopes: config.scopes,
          account: signedInAccount,
          cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
        });
        return { authorization: `Bearer ${result.accessToken}` };
      } catch (error) {
        // The session at Entra ID ended, or a policy wants the person: sign in again and come back here.
        if (needsInteraction(error)) await pca.acquireTokenRedirect(request({ account: signedInAccount }));
        return {};
      }
    },
    askConsent: () =>
      pca.acquireTokenRedirect(
        request({ account: signedInAccount, prompt: 'consent', extraScopesToConsent: [...graphConsentScopes] }),
      ),
  };
  return {
    failed,
    signIn,
    signedIn: { identity, signOut: () => pca.logoutRedirect({ account: signedInAccount }) },
  };
}
