import { app, authentication, pages } from '@microsoft/teams-js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  inTeams: boolean;
  theme: TeamsTheme;
  locale: string;
  /** The `subEntityId` of the Teams deep link the tab was opened by (teams-js v2: `page.subPageId`), if any. */
  subPage?: string;
  /** Where Teams shows the page: 'content' (a tab), 'settings' (a channel tab's configuration), … (`page.frameContext`). */
  frameContext?: string;
  /** In a team's channel: the team's Microsoft 365 group id and name (`team.groupId`, `team.displayName`). */
  team?: { groupId?: string; name?: string };
}

/**
 * Initialises teams-js when the page runs inside Teams. Outside Teams app.initialize() never settles,
 * so it races a timeout and the page runs standalone instead of hanging.
 */
export async function connectToHost(timeoutMs = 2500): Promise<HostInfo> {
  const standalone: HostInfo = { inTeams: false, theme: 'default', locale: navigator.language || 'nl-NL' };
  // Not framed and not opened by another window: certainly not in a Teams client.
  if (window.parent === window && !window.opener) return standalone;
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  try {
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timeout]);
    if (outcome === 'timeout') return standalone;
    const context = await app.getContext();
    return {
      inTeams: true,
      theme: asTheme(context.app.theme),
      locale: context.app.locale || standalone.locale,
      ...(context.page.subPageId ? { subPage: context.page.subPageId } : {}),
      ...(context.page.frameContext ? { frameContext: context.page.frameContext } : {}),
      ...(context.team
        ? {
            team: {
              ...(context.team.groupId ? { groupId: context.team.groupId } : {}),
              ...(context.team.displayName ? { name: context.team.displayName } : {}),
            },
          }
        : {}),
    };
  } catch {
    return standalone;
  }
}

export function onThemeChange(handler: (theme: TeamsTheme) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme)));
}

function asTheme(theme: string | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/**
 * The Teams SSO token for our API, inside Teams; undefined outside Teams or when the app has no SSO
 * registration (local development), where the API identifies the caller without it.
 */
export async function ssoToken(host: HostInfo): Promise<string | undefined> {
  if (!host.inTeams) return undefined;
  try {
    return await authentication.getAuthToken();
  } catch {
    return undefined;
  }
}

/**
 * Inside Teams, asks again for the SSO token without `silent`, so that Teams may show its own sign-in or consent
 * prompt; outside Teams nothing to ask. Resolves either way: the caller then simply tries again.
 */
export async function askConsent(host: HostInfo): Promise<void> {
  if (!host.inTeams) return;
  try {
    await authentication.getAuthToken({ silent: false });
  } catch {
    // Declined or not possible here: the page keeps its message and its button.
  }
}

/** What a channel tab's configuration page saves: what Teams opens in the tab (`contentUrl`) and its name. */
export interface ChannelTabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/**
 * On a channel tab's configuration page (frame context 'settings'): tells Teams that Save may be pressed, and on Save
 * gives it the tab's configuration. `onSaved` hears whether Teams took it. Outside that frame teams-js throws: false.
 */
export function offerTabConfig(config: ChannelTabConfig, onSaved?: (ok: boolean) => void): boolean {
  try {
    pages.config.registerOnSaveHandler((event) => {
      pages.config.setConfig(config).then(
        () => {
          event.notifySuccess();
          onSaved?.(true);
        },
        (error: unknown) => {
          event.notifyFailure(error instanceof Error ? error.message : 'setConfig failed');
          onSaved?.(false);
        },
      );
    });
    pages.config.setValidityState(true);
    return true;
  } catch {
    return false;
  }
}
