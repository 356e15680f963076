import { jest } from '@jest/globals';
import { meResponseSchema } from '../../src/api/admin.js';
import type { ScanJobView } from '../../src/api/scan-jobs.js';
import { scanReportViewSchema } from '../../src/api/scans.js';
import { teamLatestScanSchema } from '../../src/api/team-scan.js';
import { loadConfig } from '../../src/config.js';
import { startTestServer } from '../helpers/server.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { generateTree } from '../housekeeping/graph/tree.js';

jest.setTimeout(90_000);
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

/** The team whose files are scanned (its Microsoft 365 group id) and one nobody scanned. */
const teamId = '3f2a6c1e-8b4d-4e7a-9c21-5d0b7e6f4a12';
const otherTeam = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

type ErrorBody = { error: { code: string; message: string; problems?: { field: string; message: string }[] } };

/**
 * The channel tab's route over real HTTP, on the real server with the local Graph (the app's own token, as in local
 * development) and the development identities: a team's last scan, whoever started it, for team leads (DEV_TEAMLEADS)
 * and admins; 403 for staff, 400 for an id that is no GUID, `scan: null` for a team never scanned; nothing changes.
 */
describe('GET /api/scans/teams/:teamId/latest', () => {
  const graph = new FakeGraph({ token: 'dev-app-token', pageSize: 50, listPageSize: 5 });
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    const graphUrl = await graph.start();
    graph.loadTree('drive-team', generateTree({ seed: 21, files: 90, folders: 9 }));
    graph.groups.set(teamId, 'drive-team');
    graph.sites.set(`site-${teamId}`, ['drive-team']);
    graph.teams.set(teamId, { group: 'drive-team', channels: [] });
    server = await startTestServer({ GRAPH_BASE_URL: graphUrl, GRAPH_ACCESS_TOKEN: 'dev-app-token' });
  });
  afterAll(async () => {
    await server?.dispose();
    await graph.stop();
  });

  const call = (path: string, user: string, init: { method?: string; body?: unknown; lang?: string } = {}) =>
    fetch(`${server.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        'x-dev-user': user,
        ...(init.lang ? { 'accept-language': init.lang } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  const latest = async (team: string, user: string, lang?: string) => {
    const res = await call(`/scans/teams/${encodeURIComponent(team)}/latest`, user, { lang });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const snapshot = async () => ({
    scans: await server.store.query('select id, source_key, owner from housekeeping_scans order by seq'),
    jobs: await server.store.query('select id, status from scan_jobs order by id'),
  });

  /** A scan started through the API by `user`, followed until it is done. */
  async function scan(user: string, target: Record<string, string>): Promise<ScanJobView> {
    const started = await call('/scans', user, { method: 'POST', body: { target } });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as ScanJobView;
    for (let i = 0; i < 600; i++) {
      const view = (await (await call(`/scans/${id}`, user)).json()) as ScanJobView;
      if (view.status === 'done' || view.status === 'failed') return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the scan did not finish');
  }

  it('makes the DEV_TEAMLEADS names team leads (default teamleider), and only in local development', async () => {
    expect(loadConfig({}).DEV_TEAMLEADS).toEqual(['teamleider']);
    expect(loadConfig({ DEV_TEAMLEADS: '' }).DEV_TEAMLEADS).toEqual(['teamleider']);
    expect(loadConfig({ DEV_TEAMLEADS: 'an, piet@lokaal ,,' }).DEV_TEAMLEADS).toEqual(['an', 'piet@lokaal']);
    expect(() => loadConfig({ DEV_TEAMLEADS: 'an;drop table' })).toThrow(/DEV_TEAMLEADS/);
    const me = async (user: string) => meResponseSchema.parse(await (await call('/me', user)).json());
    expect(await me('teamleider')).toMatchObject({ roles: ['teamlead'], identity: 'dev', devUser: 'teamleider' });
    expect((await me('beheerder')).roles).toEqual(['admin']);
    expect((await me('anna')).roles).toEqual([]);
  });

  it('says "nog geen scan" to a team lead while the team has none, in their language', async () => {
    const nl = await latest(teamId, 'teamleider');
    expect(nl.status).toBe(200);
    expect(teamLatestScanSchema.parse(nl.body)).toEqual({
      teamId,
      scan: null,
      message: 'Er is nog geen scan van de bestanden van dit team.',
    });
    const en = teamLatestScanSchema.parse((await latest(teamId, 'teamleider', 'en')).body);
    expect(en.message).toBe("There is no scan of this team's files yet.");
  });

  it("gives a team lead and an admin the team's newest scan, whoever started it, with its report to open", async () => {
    const job = await scan('anna', { team: teamId });
    expect(job).toMatchObject({ status: 'done', scanId: expect.any(String) });
    // A scan of the team's site on its own is not a scan of "the team's files" (see src/api/team-scan.ts).
    expect(await scan('anna', { site: `site-${teamId}` })).toMatchObject({ status: 'done' });

    const { status, body } = await latest(teamId, 'teamleider');
    expect(status).toBe(200);
    const answer = teamLatestScanSchema.parse(body);
    expect(answer.message).toBeUndefined();
    const summary = answer.scan!;
    const report = scanReportViewSchema.parse(await (await call(`/scans/reports/${job.scanId}`, 'anna')).json()).report;
    expect(summary).toMatchObject({
      id: job.scanId,
      origin: 'team',
      finishedAt: report.finishedAt,
      label: report.label,
      score: report.score,
      subScores: report.subScores,
      complete: true,
      files: report.stats.files,
      folders: report.stats.folders,
    });
    expect(summary.findings).toBeGreaterThan(0);
    expect(summary.problems.length).toBeGreaterThan(0);
    expect(summary.problems.length).toBeLessThanOrEqual(3);
    // Most serious first; each a rule the report found, with its count and title.
    const rank = { high: 0, medium: 1, low: 2 } as const;
    const ranks = summary.problems.map((p) => rank[p.severity]);
    expect([...ranks].sort()).toEqual(ranks);
    for (const p of summary.problems) {
      expect(p.count).toBe(report.findings.filter((f) => f.rule === p.rule).length);
      expect(p.title.length).toBeGreaterThan(3);
    }
    // An admin sees the same; an id in capitals is the same team.
    expect(teamLatestScanSchema.parse((await latest(teamId, 'beheerder')).body).scan?.id).toBe(job.scanId);
    expect(teamLatestScanSchema.parse((await latest(teamId.toUpperCase(), 'teamleider')).body).scan?.id).toBe(
      job.scanId,
    );
    // The English titles for an English caller.
    const en = teamLatestScanSchema.parse((await latest(teamId, 'teamleider', 'en')).body).scan!;
    expect(en.problems.map((p) => p.rule)).toEqual(summary.problems.map((p) => p.rule));
    expect(en.problems[0]!.title).not.toBe(summary.problems[0]!.title);

    // The team lead may open that report (#scan/<id>); another staff member may not.
    const opened = await call(`/scans/reports/${job.scanId}`, 'teamleider');
    expect(opened.status).toBe(200);
    expect(scanReportViewSchema.parse(await opened.json())).toMatchObject({
      id: job.scanId,
      origin: 'team',
      target: { kind: 'team', id: teamId },
    });
    expect((await call(`/scans/reports/${job.scanId}`, 'piet')).status).toBe(404);

    // A newer scan of the team, by the team lead: now that one, as their own.
    const again = await scan('teamleider', { team: teamId });
    const newest = teamLatestScanSchema.parse((await latest(teamId, 'teamleider')).body).scan!;
    expect(newest).toMatchObject({ id: again.scanId, origin: 'own' });
    expect(teamLatestScanSchema.parse((await latest(teamId, 'beheerder')).body).scan).toMatchObject({
      id: again.scanId,
      origin: 'team',
    });
    // Another team's answer is its own: none.
    expect(teamLatestScanSchema.parse((await latest(otherTeam, 'teamleider')).body).scan).toBeNull();
  });

  it('refuses a staff member with 403 in their language, and an id that is no GUID with 400; nothing changes', async () => {
    const before = await snapshot();
    for (const lang of ['nl', 'en']) {
      const refused = await latest(teamId, 'anna', lang);
      expect(refused.status).toBe(403);
      const { error } = refused.body as ErrorBody;
      expect(error.code).toBe('not_team_lead');
      expect(error.message).toContain(lang === 'en' ? 'This is for team leads' : 'Dit is voor teamleiders');
      // Even a malformed id: the role is checked first.
      expect((await latest('niet-een-guid', 'anna', lang)).status).toBe(403);
    }
    for (const [id, lang] of [
      ['niet-een-guid', 'nl'],
      ['3f2a6c1e-8b4d-4e7a-9c21', 'en'],
      [`${teamId}x`, 'nl'],
      ['graph:team:' + teamId, 'en'],
    ] as const) {
      const bad = await latest(id, 'teamleider', lang);
      expect([id, bad.status]).toEqual([id, 400]);
      const { error } = bad.body as ErrorBody;
      expect(error.code).toBe('invalid_input');
      expect(error.problems).toEqual([
        {
          field: 'teamId',
          message:
            lang === 'en'
              ? "is not a team's Microsoft 365 group id (a GUID)"
              : 'is geen groeps-id van een team in Microsoft 365 (een GUID)',
        },
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });
});
