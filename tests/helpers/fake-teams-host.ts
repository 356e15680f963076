/**
 * A page that plays the Teams web client for a tab in an iframe: it answers the teams-js messages the tab sends
 * on start (initialize, getContext) the way the host does, and can send a theme change. Served by the browser
 * test at https://teams.microsoft.com/ (a route), so teams-js accepts it as a valid host origin. `subEntityId` is
 * what a deep link into the tab carries (`context={"subEntityId": ...}`); Teams hands it to the tab in its context.
 */
export function fakeTeamsHostPage(
  tabUrl: string,
  context: { theme: 'default' | 'dark' | 'contrast'; locale: string; subEntityId?: string },
): string {
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
    frameContext: 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    entityId: 'ai-wijzer',
    ...(context.subEntityId === undefined ? {} : { subEntityId: context.subEntityId }),
    tid: '00000000-0000-0000-0000-000000000001',
    sessionId: 'session-1',
    appSessionId: 'app-session-1',
  };
  return `<!doctype html><html><body>
<iframe id="app" src="${tabUrl}" width="1000" height="700" title="AI-wijzer"></iframe>
<script>
  window.received = [];
  const frame = document.getElementById('app');
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string' || event.source !== frame.contentWindow) return;
    window.received.push(m.func);
    const reply = (args) => event.source.postMessage({ id: m.id, uuid: m.uuid, args }, event.origin);
    if (m.func === 'initialize') reply(['content', 'web', ${JSON.stringify(JSON.stringify(runtime))}, '2.0.0']);
    else if (m.func === 'getContext') reply([${JSON.stringify(legacyContext)}]);
    else reply([]);
  });
  window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
</script></body></html>`;
}
