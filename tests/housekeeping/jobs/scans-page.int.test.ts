import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { scanListSchema, scanTargetsSchema, type ScanJobView, type ScanList } from '../../../src/api/scan-jobs.js';
import { scanReportViewSchema } from '../../../src/api/scans.js';
import { runScan } from '../../../src/housekeeping/scan.js';
import { startTestServer } from '../../helpers/server.js';
import { FakeGraph } from '../graph/fake-graph.js';
import { LocalEntra } from '../graph/local-entra.js';
import { generateTree } from '../graph/tree.js';
import { memorySource } from '../memory-source.js';

jest.setTimeout(90_000);
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

/**
 * The server side of the tab's Datahygiëne page, over real HTTP with the real server: what a person can scan (from
 * the local Graph on their behalf, through the local Entra ID), their scans as jobs and stored reports, one report
 * with its trend, and how an on-premises agent's report appears to them.
 */
const tenant = '7e1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
const clientId = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const uploadToken = 'upload-token-for-tests-0123456789abcdef';

type ErrorBody = { error: { code: string; message: string; problems?: { field: string }[] } };

describe('the Datahygiëne page API, signed in through Entra ID', () => {
  const entra = new LocalEntra(tenant, clientId, 'client-geheim');
  const graph = new FakeGraph({ token: 'app-token-not-used', pageSize: 100, listPageSize: 2 });
  const tree = generateTree({ seed: 83, files: 120, folders: 12 });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let lead: string;
  let colleague: string;

  beforeAll(async () => {
    await entra.start();
    const graphUrl = await graph.start();
    graph.loadTree('od-lead', tree);
    graph.drives.get('od-lead')!.name = 'OneDrive';
    graph.addDrive('od-collega', 'OneDrive');
    for (const [id, name] of [
      ['team-1', 'Team Wijkzaken'],
      ['team-2', 'Team Archief'],
      ['team-3', 'Team Financiën'],
      ['team-4', 'Team Communicatie'],
      ['team-5', 'Team Vergunningen'],
    ])
      graph.teamNames.set(id!, name!);
    graph.siteNames.set('groningen.sharepoint.com,s-1,w-1', 'Intranet');
    graph.siteNames.set('groningen.sharepoint.com,s-2,w-2', 'Financiën en Control');
    graph.siteNames.set('groningen.sharepoint.com,s-3,w-3', 'Beleid Ruimte');
    graph.siteNames.set('groningen.sharepoint.com,s-4,w-4', 'Financieel Archief');
    graph.users.set('graph:lead-oid', {
      joinedTeams: ['team-1', 'team-2', 'team-3', 'team-4', 'team-5'],
      followedSites: [
        'groningen.sharepoint.com,s-1,w-1',
        'groningen.sharepoint.com,s-2,w-2',
        'groningen.sharepoint.com,s-3,w-3',
      ],
      drive: 'od-lead',
    });
    graph.users.set('graph:collega-oid', { joinedTeams: ['team-1'], followedSites: [], drive: 'od-collega' });
    server = await startTestServer({
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_TENANT_ID: tenant,
      AAD_APP_CLIENT_SECRET: 'client-geheim',
      AAD_AUTHORITY_HOST: entra.url,
      PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
      GRAPH_BASE_URL: graphUrl,
      PSEUDONYM_SECRET: 'een-geheime-sleutel-voor-tests-123',
      SCAN_UPLOAD_TOKEN: uploadToken,
    });
    lead = await entra.userToken('lead-oid');
    colleague = await entra.userToken('collega-oid');
  });

  afterAll(async () => {
    await server.dispose();
    await graph.stop();
    await entra.stop();
  });

  const api = (bearer: string, path: string, init: RequestInit & { lang?: string } = {}) =>
    fetch(`${server.url}/api${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        'accept-language': init.lang ?? 'nl',
      },
    });
  const jobCount = async () => (await server.store.query('select id from scan_jobs')).length;

  async function scan(bearer: string, drive: string): Promise<ScanJobView> {
    const res = await api(bearer, '/scans', { method: 'POST', body: JSON.stringify({ target: { drive } }) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as ScanJobView;
    for (const end = Date.now() + 60_000; Date.now() < end;) {
      const view = (await (await api(bearer, `/scans/${id}`)).json()) as ScanJobView;
      if (view.status === 'done' || view.status === 'failed') return view;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} did not finish`);
  }

  describe('GET /api/scans/targets', () => {
    it('lists the OneDrive, the teams and the followed sites of the caller, followed across their pages', async () => {
      const before = graph.log.byKind.joinedTeams ?? 0;
      const res = await api(lead, '/scans/targets');
      expect(res.status).toBe(200);
      const body = scanTargetsSchema.parse(await res.json());
      expect(body).toEqual({
        viewer: 'user',
        targets: [
          { kind: 'drive', id: 'od-lead', name: 'OneDrive' },
          { kind: 'team', id: 'team-2', name: 'Team Archief' },
          { kind: 'team', id: 'team-4', name: 'Team Communicatie' },
          { kind: 'team', id: 'team-3', name: 'Team Financiën' },
          { kind: 'team', id: 'team-5', name: 'Team Vergunningen' },
          { kind: 'team', id: 'team-1', name: 'Team Wijkzaken' },
          { kind: 'site', id: 'groningen.sharepoint.com,s-3,w-3', name: 'Beleid Ruimte' },
          { kind: 'site', id: 'groningen.sharepoint.com,s-2,w-2', name: 'Financiën en Control' },
          { kind: 'site', id: 'groningen.sharepoint.com,s-1,w-1', name: 'Intranet' },
        ],
        incomplete: [],
        truncated: false,
      });
      expect((graph.log.byKind.joinedTeams ?? 0) - before).toBe(3); // five teams in pages of two
      // Each person sees their own.
      const other = scanTargetsSchema.parse(await (await api(colleague, '/scans/targets')).json());
      expect(other.targets).toEqual([
        { kind: 'drive', id: 'od-collega', name: 'OneDrive' },
        { kind: 'team', id: 'team-1', name: 'Team Wijkzaken' },
      ]);
    });

    it('waits out Graph throttling (429 and 503 with Retry-After) and still gives the whole list', async () => {
      const throttled = graph.log.throttled;
      graph.setFaults({ burst: { from: graph.log.total + 1, to: graph.log.total + 3 }, retryAfter: 1 });
      const res = await api(lead, '/scans/targets');
      graph.setFaults({});
      expect(res.status).toBe(200);
      expect(graph.log.throttled - throttled).toBe(3);
      const body = scanTargetsSchema.parse(await res.json());
      expect(body.incomplete).toEqual([]);
      expect(body.targets).toHaveLength(9);
    });

    it('narrows the list to a search, with the sites Graph finds for it', async () => {
      const res = await api(lead, `/scans/targets?search=${encodeURIComponent('financi')}`);
      const body = scanTargetsSchema.parse(await res.json());
      expect(body.targets).toEqual([
        { kind: 'team', id: 'team-3', name: 'Team Financiën' },
        { kind: 'site', id: 'groningen.sharepoint.com,s-4,w-4', name: 'Financieel Archief' },
        { kind: 'site', id: 'groningen.sharepoint.com,s-2,w-2', name: 'Financiën en Control' },
      ]);
    });

    it('says which list Graph refused, in the caller language, and gives the rest', async () => {
      graph.setFaults({ forbiddenPaths: ['/me/joinedTeams'] });
      const nl = scanTargetsSchema.parse(await (await api(lead, '/scans/targets')).json());
      const en = scanTargetsSchema.parse(await (await api(lead, '/scans/targets', { lang: 'en' })).json());
      graph.setFaults({});
      expect(nl.incomplete).toEqual([{ part: 'teams', message: expect.stringMatching(/^Je teams .*geen toegang/) }]);
      expect(en.incomplete).toEqual([{ part: 'teams', message: expect.stringMatching(/^Your teams .*access/) }]);
      expect(nl.targets.map((t) => t.kind)).toEqual(['drive', 'site', 'site', 'site']);
    });

    it('answers 403 consent_required in Dutch and in English when Entra ID asks for consent, and creates nothing', async () => {
      const jobs = await jobCount();
      const requests = graph.log.total;
      const token = await entra.userToken('no-consent-oid');
      for (const [lang, pattern] of [
        ['nl', /toestemming/],
        ['en', /consent/],
      ] as const) {
        const res = await api(token, '/scans/targets', { lang });
        expect(res.status).toBe(403);
        const { error } = (await res.json()) as ErrorBody;
        expect(error.code).toBe('consent_required');
        expect(error.message).toMatch(pattern);
      }
      const start = await api(token, '/scans', {
        method: 'POST',
        body: JSON.stringify({ target: { drive: 'od-lead' } }),
      });
      expect(start.status).toBe(403);
      expect(await jobCount()).toBe(jobs);
      expect(graph.log.total).toBe(requests); // Graph was never asked
    });

    it('answers 503 graph_unavailable when Graph gives none of the lists (it refuses the token: 401)', async () => {
      const res = await api(await entra.userToken('onbekend-oid'), '/scans/targets', { lang: 'en' });
      expect(res.status).toBe(503);
      expect(((await res.json()) as ErrorBody).error.code).toBe('graph_unavailable');
    });

    it('refuses a search that is empty or too long, and an unknown parameter', async () => {
      for (const query of ['?search=', `?search=${'x'.repeat(101)}`, '?zoek=x']) {
        const res = await api(lead, `/scans/targets${query}`);
        expect(res.status).toBe(400);
        expect(((await res.json()) as ErrorBody).error.code).toBe('invalid_input');
      }
    });
  });

  describe('GET /api/scans and GET /api/scans/reports/:scanId', () => {
    let firstReport: string;
    let agentReport: string;

    it('shows a started job with its target and progress, and after it finished its stored report', async () => {
      const res = await api(lead, '/scans', { method: 'POST', body: JSON.stringify({ target: { drive: 'od-lead' } }) });
      const started = (await res.json()) as ScanJobView;
      const listed = scanListSchema.parse(await (await api(lead, '/scans')).json());
      expect(listed.jobs[0]).toMatchObject({ id: started.id, target: { kind: 'drive', id: 'od-lead' } });
      expect(['queued', 'running', 'done']).toContain(listed.jobs[0]!.status);
      expect(listed.jobs[0]!.progress).toEqual(expect.objectContaining({ items: expect.any(Number) }));

      let list: ScanList;
      for (;;) {
        list = scanListSchema.parse(await (await api(lead, '/scans')).json());
        if (list.jobs[0]!.status === 'done' || list.jobs[0]!.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const job = list.jobs[0]!;
      expect(job).toMatchObject({ id: started.id, status: 'done', scanId: expect.any(String) });
      expect(job.progress.items).toBe(tree.items.length);
      expect(list.reports).toHaveLength(1);
      const summary = list.reports[0]!;
      expect(summary).toMatchObject({
        id: job.scanId,
        origin: 'own',
        source: 'graph',
        root: 'drive od-lead',
        target: { kind: 'drive', id: 'od-lead' },
        complete: true,
      });
      firstReport = summary.id;

      const one = await api(lead, `/scans/reports/${summary.id}`);
      expect(one.status).toBe(200);
      const view = scanReportViewSchema.parse(await one.json());
      expect(view).toMatchObject({ id: summary.id, origin: 'own', target: { kind: 'drive', id: 'od-lead' } });
      expect(view.report).toMatchObject({ score: summary.score, label: summary.label, complete: true });
      expect(view.report.findings.length).toBeGreaterThan(0);
      expect(view.report.subScores).toBeDefined();
      expect(view.report.folders!.length).toBeGreaterThan(0);
      expect(view.report.trend).toBeUndefined();
    });

    it('gives the next report of the same drive with its trend since the previous one', async () => {
      const second = await scan(lead, 'od-lead');
      expect(second.scanId).toBeDefined();
      const view = scanReportViewSchema.parse(await (await api(lead, `/scans/reports/${second.scanId}`)).json());
      expect(view.report.trend).toMatchObject({ previousId: firstReport, scoreDelta: 0 });
      const list = scanListSchema.parse(await (await api(lead, '/scans')).json());
      expect(list.reports.map((r) => r.id)).toEqual([second.scanId, firstReport]); // newest first
      expect(list.jobs.map((j) => j.scanId)).toEqual([second.scanId, firstReport]);
    });

    it("keeps one person's scans from another: a colleague's report is 404, and not in their list", async () => {
      for (const path of [
        `/scans/reports/${firstReport}`,
        '/scans/reports/niet-een-id',
        `/scans/reports/${randomUUID()}`,
      ]) {
        const res = await api(colleague, path, { lang: 'en' });
        expect(res.status).toBe(404);
        const { error } = (await res.json()) as ErrorBody;
        expect(error).toMatchObject({ code: 'not_found', message: 'This report does not exist.' });
      }
      const theirs = scanListSchema.parse(await (await api(colleague, '/scans')).json());
      expect(theirs).toEqual({ jobs: [], reports: [] });
      // The colleague's own scan of the same drive compares with nothing of the team lead's.
      const own = await scan(colleague, 'od-lead');
      const view = scanReportViewSchema.parse(await (await api(colleague, `/scans/reports/${own.scanId}`)).json());
      expect(view.report.trend).toBeUndefined();
    });

    it("keeps an on-premises agent's report from staff without the team lead or admin role", async () => {
      const report = await runScan(memorySource(['Beleid/Nota v2.docx', 'Nieuwe map/']), {
        now: new Date(Date.UTC(2026, 10, 23)),
      });
      const upload = await fetch(`${server.url}/api/scans/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${uploadToken}` },
        body: JSON.stringify({ sourceKey: 'fs:agent01:/mnt/afdeling', report }),
      });
      expect(upload.status).toBe(201);
      const { id } = (await upload.json()) as { id: string };
      const list = scanListSchema.parse(await (await api(lead, '/scans')).json());
      expect(list.reports.map((r) => r.origin)).not.toContain('agent');
      expect((await api(lead, `/scans/reports/${id}`)).status).toBe(404);
      agentReport = id;
    });

    it("shows an on-premises agent's report to team leads and admins (Entra app roles), with its trend", async () => {
      const report = await runScan(memorySource(['Beleid/Nota.docx']), { now: new Date(Date.UTC(2026, 10, 30)) });
      const upload = await fetch(`${server.url}/api/scans/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${uploadToken}` },
        body: JSON.stringify({ sourceKey: 'fs:agent01:/mnt/afdeling', report }),
      });
      const { id } = (await upload.json()) as { id: string };
      for (const role of ['AIWijzer.TeamLead', 'AIWijzer.Admin']) {
        const token = await entra.userToken('lead-oid', undefined, [role]);
        const list = scanListSchema.parse(await (await api(token, '/scans')).json());
        // Newest first: the second upload, the first, then the caller's own scans.
        expect(list.reports.slice(0, 2)).toEqual([
          expect.objectContaining({ id, origin: 'agent', source: 'filesystem', complete: true }),
          expect.objectContaining({ id: agentReport, origin: 'agent' }),
        ]);
        expect(list.reports.slice(2).every((r) => r.origin === 'own')).toBe(true);
        expect(list.reports[0]!.target).toBeUndefined();
        const view = scanReportViewSchema.parse(await (await api(token, `/scans/reports/${id}`)).json());
        expect(view).toMatchObject({ id, origin: 'agent', report: { score: report.score } });
        expect(view.report.trend).toMatchObject({ previousId: agentReport });
      }
      // A colleague with the role sees the agents' reports, still not the team lead's own.
      const other = await entra.userToken('collega-oid', undefined, ['AIWijzer.TeamLead']);
      const theirs = scanListSchema.parse(await (await api(other, '/scans')).json());
      expect(theirs.reports.map((r) => r.id)).not.toContain(firstReport);
      expect(theirs.reports.filter((r) => r.origin === 'agent').map((r) => r.id)).toEqual([id, agentReport]);
      expect((await api(other, `/scans/reports/${firstReport}`)).status).toBe(404);
    });

    it('refuses a limit out of range', async () => {
      expect((await api(lead, '/scans?limit=0')).status).toBe(400);
      expect((await api(lead, '/scans?limit=51')).status).toBe(400);
      const one = scanListSchema.parse(await (await api(lead, '/scans?limit=1')).json());
      expect(one.reports).toHaveLength(1);
    });
  });

  it('refuses a caller without a valid SSO token', async () => {
    for (const path of ['/scans', '/scans/targets', `/scans/reports/${randomUUID()}`])
      expect((await api('geen-token', path)).status).toBe(401);
  });
});

describe('the Datahygiëne page API in local development', () => {
  it('lists the sites the app token sees (it has no "me"), across pages, and narrows them to a search', async () => {
    const graph = new FakeGraph({ token: 'dev-app-token', listPageSize: 2 });
    const graphUrl = await graph.start();
    for (let i = 1; i <= 5; i++) graph.siteNames.set(`host,site-${i},web`, `Site ${i}`);
    graph.siteNames.set('host,site-fin,web', 'Financiën');
    const server = await startTestServer({ GRAPH_BASE_URL: graphUrl, GRAPH_ACCESS_TOKEN: 'dev-app-token' });
    try {
      const get = async (path: string) =>
        scanTargetsSchema.parse(
          await (await fetch(`${server.url}/api${path}`, { headers: { 'x-dev-user': 'ontwikkelaar' } })).json(),
        );
      const all = await get('/scans/targets');
      expect(all.viewer).toBe('app');
      expect(all.targets.map((t) => t.name)).toEqual(['Financiën', 'Site 1', 'Site 2', 'Site 3', 'Site 4', 'Site 5']);
      expect(all.incomplete).toEqual([]);
      expect(graph.log.byKind.siteSearch).toBe(3);
      expect(graph.log.byKind.joinedTeams ?? 0).toBe(0);
      expect((await get('/scans/targets?search=fin')).targets).toEqual([
        { kind: 'site', id: 'host,site-fin,web', name: 'Financiën' },
      ]);
    } finally {
      await server.dispose();
      await graph.stop();
    }
  });

  it('answers 503 graph_not_configured without Entra ID settings and without GRAPH_ACCESS_TOKEN; the list still works', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/api/scans/targets`, { headers: { 'accept-language': 'en' } });
      expect(res.status).toBe(503);
      const { error } = (await res.json()) as ErrorBody;
      expect(error).toMatchObject({ code: 'graph_not_configured', message: expect.stringMatching(/not set up/) });
      const list = await fetch(`${server.url}/api/scans`);
      expect(list.status).toBe(200);
      expect(scanListSchema.parse(await list.json())).toEqual({ jobs: [], reports: [] });
    } finally {
      await server.dispose();
    }
  });
});
