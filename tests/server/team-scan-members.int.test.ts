import { jest } from '@jest/globals';
import type { ScanJobView } from '../../src/api/scan-jobs.js';
import { teamLatestScanSchema } from '../../src/api/team-scan.js';
import { startTestServer } from '../helpers/server.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { LocalEntra } from '../housekeeping/graph/local-entra.js';
import { generateTree } from '../housekeeping/graph/tree.js';

jest.setTimeout(90_000);
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

const tenant = '7e1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
const clientId = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const teamA = '3f2a6c1e-8b4d-4e7a-9c21-5d0b7e6f4a12';
const teamB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

type ErrorBody = { error: { code: string; message: string } };

/**
 * AIWijzer.TeamLead is a role for the whole tenant, but a team lead sees the scans of their own teams only: signed in
 * through (local) Entra ID, the server asks Graph on their behalf which teams they belong to. A lead of another team
 * gets 403 for the team and 404 for its report; an admin sees every team.
 */
describe("a team's last scan, for the leads of that team", () => {
  const entra = new LocalEntra(tenant, clientId, 'client-geheim');
  const graph = new FakeGraph({ token: 'app-token-not-used', pageSize: 100, listPageSize: 1 });
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    await entra.start();
    const graphUrl = await graph.start();
    graph.loadTree('drive-a', generateTree({ seed: 5, files: 40, folders: 5 }));
    graph.groups.set(teamA, 'drive-a');
    graph.sites.set(`site-${teamA}`, ['drive-a']);
    graph.teams.set(teamA, { group: 'drive-a', channels: [] });
    // The member's teams come in pages of one: team A is on the second.
    graph.users.set('graph:member-oid', { joinedTeams: [teamB, teamA], followedSites: [] });
    graph.users.set('graph:lead-a-oid', { joinedTeams: [teamB, teamA], followedSites: [] });
    graph.users.set('graph:lead-b-oid', { joinedTeams: [teamB], followedSites: [] });
    graph.users.set('graph:admin-oid', { joinedTeams: [], followedSites: [] });
    server = await startTestServer({
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_TENANT_ID: tenant,
      AAD_APP_CLIENT_SECRET: 'client-geheim',
      AAD_AUTHORITY_HOST: entra.url,
      PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
      GRAPH_BASE_URL: graphUrl,
      PSEUDONYM_SECRET: 'een-geheime-sleutel-voor-tests-123',
    });
  });
  afterAll(async () => {
    await server?.dispose();
    await graph.stop();
    await entra.stop();
  });

  const token = (oid: string, roles: string[] = []) => entra.userToken(oid, 'ai-wijzer.groningen.nl', roles);
  const call = async (path: string, bearer: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  let scanId = '';

  it("a member scans the team's files; a lead of that team sees the scan and opens its report", async () => {
    const member = await token('member-oid');
    const started = await call('/scans', member, { method: 'POST', body: { target: { team: teamA } } });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as ScanJobView;
    let view: ScanJobView;
    for (;;) {
      view = (await (await call(`/scans/${id}`, member)).json()) as ScanJobView;
      if (view.status === 'done' || view.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(view.error ?? view.status).toBe('done');

    const lead = await token('lead-a-oid', ['AIWijzer.TeamLead']);
    const res = await call(`/scans/teams/${teamA}/latest`, lead);
    expect(res.status).toBe(200);
    const latest = teamLatestScanSchema.parse(await res.json());
    expect(latest.scan).not.toBeNull();
    scanId = latest.scan!.id;
    expect((await call(`/scans/reports/${scanId}`, lead)).status).toBe(200);
  });

  it('a lead of another team gets 403 for the team and 404 for its report; an admin sees it', async () => {
    expect(scanId).not.toBe('');
    const other = await token('lead-b-oid', ['AIWijzer.TeamLead']);
    const res = await call(`/scans/teams/${teamA}/latest`, other);
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_team_member');
    expect((await call(`/scans/reports/${scanId}`, other)).status).toBe(404);
    // Their own team: allowed, and never scanned.
    const own = teamLatestScanSchema.parse(await (await call(`/scans/teams/${teamB}/latest`, other)).json());
    expect(own.scan).toBeNull();

    const admin = await token('admin-oid', ['AIWijzer.Admin']);
    const seen = teamLatestScanSchema.parse(await (await call(`/scans/teams/${teamA}/latest`, admin)).json());
    expect(seen.scan?.id).toBe(scanId);
  });

  it('staff, also members of the team, are refused before Graph is asked', async () => {
    const asked = graph.log.total;
    const res = await call(`/scans/teams/${teamA}/latest`, await token('member-oid'));
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_team_lead');
    expect(graph.log.byKind.joinedTeams ?? 0).toBeGreaterThan(0);
    expect(graph.log.total).toBe(asked);
  });
});
