import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HostInfo } from '../teams.js';
import { loadAuthConfig } from './auth-config.js';
import { devIdentity, storeDevUser, storedDevUser } from './dev-identity.js';
import type { TabIdentity } from './identity.js';
import type { MsalSession } from './msal-session.js';
import { teamsIdentity } from './teams-identity.js';

export type IdentityState =
  | { status: 'connecting' }
  /** Who calls the API; `signOut` only when signed in with MSAL; `dev` in local development. */
  | {
      status: 'ready';
      identity: TabIdentity;
      signOut?: () => Promise<void>;
      dev?: { user: string | undefined; choose(name: string): void };
    }
  /** Outside Teams with Entra ID and no account yet: the sign-in page. */
  | { status: 'signed-out'; signIn: () => Promise<void>; failed: boolean }
  /** The sign-in settings could not be read, or MSAL did not start. */
  | { status: 'unavailable'; retry: () => void };

type Resolved = { kind: 'dev' } | { kind: 'teams' } | { kind: 'msal'; session: MsalSession } | { kind: 'unavailable' };

/**
 * Picks the tab's identity once the host is known: without Entra ID the development user (marked on the page);
 * with it, inside Teams the SSO token and outside Teams MSAL, loaded only then (its own webpack chunk).
 */
export function useIdentity(host: HostInfo | undefined): IdentityState {
  const [resolved, setResolved] = useState<Resolved | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [devUser, setDevUser] = useState(storedDevUser);

  useEffect(() => {
    if (!host) return;
    let live = true;
    setResolved(undefined);
    void (async (): Promise<Resolved> => {
      let config;
      try {
        config = await loadAuthConfig();
      } catch {
        // Inside Teams the SSO token still says who calls; outside Teams the page cannot tell how to sign in.
        return host.inTeams ? { kind: 'teams' } : { kind: 'unavailable' };
      }
      if (config.mode === 'dev') return { kind: 'dev' };
      if (host.inTeams) return { kind: 'teams' };
      try {
        const { startMsal } = await import(/* webpackChunkName: "msal" */ './msal-session.js');
        return { kind: 'msal', session: await startMsal(config) };
      } catch {
        return { kind: 'unavailable' };
      }
    })().then((r) => live && setResolved(r));
    return () => {
      live = false;
    };
  }, [host, attempt]);

  const choose = useCallback((name: string) => {
    storeDevUser(name);
    setDevUser(name);
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return useMemo((): IdentityState => {
    if (!host || !resolved) return { status: 'connecting' };
    switch (resolved.kind) {
      case 'dev':
        return { status: 'ready', identity: devIdentity(devUser), dev: { user: devUser, choose } };
      case 'teams':
        return { status: 'ready', identity: teamsIdentity(host) };
      case 'unavailable':
        return { status: 'unavailable', retry };
      case 'msal': {
        const { signedIn, signIn, failed } = resolved.session;
        return signedIn
          ? { status: 'ready', identity: signedIn.identity, signOut: signedIn.signOut }
          : { status: 'signed-out', signIn, failed };
      }
    }
  }, [host, resolved, devUser, choose, retry]);
}
