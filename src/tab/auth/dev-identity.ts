import type { TabIdentity } from './identity.js';

/** The name rule of the server's X-Dev-User (src/server/auth.ts); any other name is "lokaal" there. */
export const devUserPattern = /^[A-Za-z0-9._@-]{1,64}$/;

const storageKey = 'ai-wijzer.dev-user';

/** The development user chosen on this page, for this browser tab only (sessionStorage); undefined when none. */
export function storedDevUser(): string | undefined {
  try {
    const name = window.sessionStorage.getItem(storageKey) ?? undefined;
    return name && devUserPattern.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the chosen development user for this browser tab; a name the server would not take is not kept. */
export function storeDevUser(name: string): void {
  if (!devUserPattern.test(name)) return;
  try {
    window.sessionStorage.setItem(storageKey, name);
  } catch {
    // Storage blocked: the choice lasts as long as the page.
  }
}

/**
 * Local development without Entra ID: the server takes the caller from X-Dev-User (or "lokaal" without it) and
 * refuses this with NODE_ENV=production. There is no consent to ask: Graph runs on the app's own token here.
 */
export function devIdentity(name: string | undefined): TabIdentity {
  return {
    kind: 'dev',
    headers: async (): Promise<Record<string, string>> => (name ? { 'x-dev-user': name } : {}),
    askConsent: async () => undefined,
  };
}
