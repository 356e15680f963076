import { listReachableTargets } from '../../../src/housekeeping/sources/graph/reachable.js';
import { staticToken } from '../../../src/housekeeping/sources/graph/tokens.js';
import { FakeGraph } from './fake-graph.js';
import { fastTime } from './helpers.js';

/** What a person can scan, read from the local Graph as from Microsoft Graph: their lists, paged, throttled. */
describe('listReachableTargets', () => {
  let graph: FakeGraph;
  let url: string;
  const user = 'graph:medewerker-oid';

  beforeEach(async () => {
    graph = new FakeGraph({ token: 'app-token', listPageSize: 3 });
    url = await graph.start();
    graph.addDrive('od-1', 'OneDrive');
    for (let i = 1; i <= 8; i++) graph.teamNames.set(`team-${i}`, `Team ${String.fromCharCode(72 - i)}`);
    graph.siteNames.set('host,s-fin,w', 'Financiën');
    graph.siteNames.set('host,s-com,w', 'Communicatie');
    graph.siteNames.set('host,s-arch,w', 'Archief Ruimtelijke Ordening');
    graph.siteNames.set('host,s-hr,w', 'HR');
    graph.users.set(user, {
      joinedTeams: [...graph.teamNames.keys()],
      followedSites: ['host,s-fin,w', 'host,s-com,w', 'host,s-hr,w', 'host,s-arch,w'],
      drive: 'od-1',
    });
  });
  afterEach(() => graph.stop());

  const list = (options: Partial<Parameters<typeof listReachableTargets>[0]> = {}) =>
    listReachableTargets({
      baseUrl: url,
      token: staticToken(user),
      viewer: 'user',
      tenant: 'reachable',
      ...fastTime,
      ...options,
    });

  it('gives the OneDrive, every team and every followed site across their pages, sorted by kind and name', async () => {
    const found = await list();
    expect(found.failed).toEqual([]);
    expect(found.truncated).toBe(false);
    expect(found.targets[0]).toEqual({ kind: 'drive', id: 'od-1', name: 'OneDrive' });
    const teams = found.targets.filter((t) => t.kind === 'team');
    expect(teams).toHaveLength(8);
    expect(teams.map((t) => t.name)).toEqual([...teams.map((t) => t.name)].sort());
    expect(found.targets.filter((t) => t.kind === 'site').map((t) => t.name)).toEqual([
      'Archief Ruimtelijke Ordening',
      'Communicatie',
      'Financiën',
      'HR',
    ]);
    expect(graph.log.byKind.joinedTeams).toBe(3); // 8 teams in pages of 3
    expect(graph.log.byKind.followedSites).toBe(2);
  });

  it('waits out Retry-After and still gives the whole list', async () => {
    graph.setFaults({ burst: { from: 1, to: 3 }, retryAfter: 1 });
    const found = await list();
    expect(graph.log.throttled).toBe(3);
    expect(found.failed).toEqual([]);
    expect(found.targets).toHaveLength(1 + 8 + 4);
  });

  it('narrows everything to a search and asks Graph for the sites it finds', async () => {
    graph.siteNames.set('host,s-fin2,w', 'Financiën Sociaal Domein'); // not followed: only the search finds it
    const found = await list({ search: 'financien' });
    expect(found.targets).toEqual([{ kind: 'site', id: 'host,s-fin,w', name: 'Financiën' }]);
    const byGraph = await list({ search: 'Financiën' });
    expect(byGraph.targets.map((t) => t.name)).toEqual(['Financiën', 'Financiën Sociaal Domein']);
    expect(graph.log.byKind.siteSearch).toBe(2);
  });

  it('names a list Graph refuses and still gives the others', async () => {
    graph.setFaults({ forbiddenPaths: ['/me/joinedTeams'] });
    const found = await list();
    expect(found.failed).toEqual([{ part: 'teams', status: 403, code: 'accessDenied' }]);
    expect(found.targets.filter((t) => t.kind === 'team')).toEqual([]);
    expect(found.targets).toHaveLength(1 + 4);
  });

  it('has no OneDrive to give for a user without one, and that is no failure', async () => {
    graph.users.get(user)!.drive = undefined;
    const found = await list();
    expect(found.failed).toEqual([]);
    expect(found.targets.some((t) => t.kind === 'drive')).toBe(false);
  });

  it('fails every list with a token Graph does not accept (401)', async () => {
    const found = await list({ token: staticToken('graph:onbekend') });
    expect(found.targets).toEqual([]);
    expect(found.failed.map((f) => [f.part, f.status])).toEqual([
      ['drive', 401],
      ['teams', 401],
      ['followed-sites', 401],
    ]);
    expect(found.asked).toEqual(['drive', 'teams', 'followed-sites']);
  });

  it('with the app token (no "me"): every site Graph finds for *, across pages', async () => {
    graph.sites.set('site-team-1', ['od-1']);
    const found = await list({ token: staticToken('app-token'), viewer: 'app' });
    expect(found.asked).toEqual(['site-search']);
    expect(found.failed).toEqual([]);
    expect(found.targets.map((t) => t.id).sort()).toEqual(
      ['host,s-arch,w', 'host,s-com,w', 'host,s-fin,w', 'host,s-hr,w', 'site-team-1'].sort(),
    );
    expect(graph.log.byKind.meDrive ?? 0).toBe(0);
  });

  it('gives up when the time runs out behind a long Retry-After, naming every list', async () => {
    graph.setFaults({ burst: { from: 1, to: 3 }, retryAfter: 300 });
    // A tenant of its own: the pause it leaves behind must not hold up the other tests.
    const found = await list({ tenant: 'reachable-slow', signal: AbortSignal.timeout(200) });
    expect(found.targets).toEqual([]);
    expect(found.failed).toEqual([
      { part: 'drive', status: 0, code: 'timeout' },
      { part: 'teams', status: 0, code: 'timeout' },
      { part: 'followed-sites', status: 0, code: 'timeout' },
    ]);
  });

  it('cuts a long list off and says so', async () => {
    const found = await list({ maxPerPart: 5 });
    expect(found.truncated).toBe(true);
    expect(found.targets.filter((t) => t.kind === 'team')).toHaveLength(5);
  });
});
