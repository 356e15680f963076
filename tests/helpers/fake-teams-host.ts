/** A team's channel the tab is shown in: Teams gives its ids and names in the context (teams-js v2: `team`, `channel`). */
export interface FakeTeamsChannel {
  /** The team's Microsoft 365 group id (`team.groupId`). */
  groupId: string;
  teamName: string;
  channelName: string;
}

/**
 * A page that plays the Teams web client for a tab in an iframe: it answers the teams-js messages the tab sends
 * on start (initialize, getContext) the way the host does, and can send a theme change. Served by the browser
 * test at https://teams.microsoft.com/ (a route), so teams-js accepts it as a valid host origin. `subEntityId` is
 * what a deep link into the tab carries (`context={"subEntityId": ...}`); Teams hands it to the tab in its context.
 *
 * A channel tab: `team` puts the tab in a team's channel, `frameContext: 'settings'` shows it as the configuration
 * page Teams opens when the tab is added. The page records what the tab sent: `window.received` (every message's
 * name), `window.validity` (the last `settings.setValidityState`), `window.savedConfigs` (each
 * `settings.setSettings`, i.e. `pages.config.setConfig`, answered as accepted); `window.pressSave()` plays Teams' Save
 * button (`settings.save`), after which the tab answers `settings.save.success` or `settings.save.failure`.
 */
export function fakeTeamsHostPage(
  tabUrl: string,
  context: {
    theme: 'default' | 'dark' | 'contrast';
    locale: string;
    subEntityId?: string;
    frameContext?: 'content' | 'settings';
    team?: FakeTeamsChannel;
  },
): string {
  const frameContext = context.frameContext ?? 'content';
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appEntity: {},
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      teamsCore: {},
    },
  };
  const legacyContext = {
    theme: context.theme,
    locale: context.locale,
    frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    entityId: 'ai-wijzer',
    ...(context.subEntityId === undefined ? {} : { subEntityId: context.subEntityId }),
    ...(context.team
      ? {
          teamId: '19:team-thread@thread.tacv2',
          teamName: context.team.teamName,
          groupId: context.team.groupId,
          teamType: 0,
          userTeamRole: 0,
          channelId: '19:channel-thread@thread.tacv2',
          channelName: context.team.channelName,
          channelType: 'Regular',
        }
      : {}),
    tid: '00000000-0000-0000-0000-000000000001',
    sessionId: 'session-1',
    appSessionId: 'app-session-1',
  };
  return `<!doctype html><html><body>
<iframe id="app" src="${tabUrl}" width="1000" height="700" title="AI-wijzer"></iframe>
<script>
  window.received = [];
  window.savedConfigs = [];
  window.validity = undefined;
  const frame = document.getElementById('app');
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string' || event.source !== frame.contentWindow) return;
    window.received.push(m.func);
    const reply = (args) => event.source.postMessage({ id: m.id, uuid: m.uuid, args }, event.origin);
    if (m.func === 'initialize') reply([${JSON.stringify(frameContext)}, 'web', ${JSON.stringify(JSON.stringify(runtime))}, '2.0.0']);
    else if (m.func === 'getContext') reply([${JSON.stringify(legacyContext)}]);
    else if (m.func === 'settings.setValidityState') window.validity = m.args[0];
    else if (m.func === 'settings.setSettings') {
      window.savedConfigs.push(m.args[0]);
      reply([true]);
    } else reply([]);
  });
  window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
  window.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
</script></body></html>`;
}
