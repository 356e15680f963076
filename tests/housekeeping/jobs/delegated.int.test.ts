import { jest } from '@jest/globals';
import type { ScanJobView } from '../../../src/api/scan-jobs.js';
import { sealCredential } from '../../../src/housekeeping/jobs/credential.js';
import { pseudonymFor } from '../../../src/pseudonym.js';
import { scanJobQueue } from '../../../src/store/repositories/scan-jobs.js';
import { startTestServer } from '../../helpers/server.js';
import { FakeGraph } from '../graph/fake-graph.js';
import { LocalEntra } from '../graph/local-entra.js';
import { generateTree } from '../graph/tree.js';

jest.setTimeout(60_000);
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

/**
 * The team lead's path end to end: a tab SSO token signed by the (local) tenant, the server exchanges it
 * on behalf of the user through msal for a Graph token, the job stores that token sealed, the worker scans
 * the (local) Graph with it. A user without consent gets a 403 that tells the tab to ask for it.
 */
const tenant = '7e1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
const clientId = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';

describe('a delegated (on-behalf-of) scan', () => {
  const entra = new LocalEntra(tenant, clientId, 'client-geheim');
  const graph = new FakeGraph({ token: 'graph:teamleider-oid', pageSize: 100 });
  const tree = generateTree({ seed: 71, files: 150, folders: 15 });
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    await entra.start();
    const graphUrl = await graph.start();
    graph.loadTree('d1', tree);
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
    await server.dispose();
    await graph.stop();
    await entra.stop();
  });

  const post = async (bearer: string, lang = 'nl') =>
    fetch(`${server.url}/api/scans`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify({ target: { drive: 'd1' } }),
    });
  const get = async (bearer: string, id: string) =>
    fetch(`${server.url}/api/scans/${id}`, { headers: { authorization: `Bearer ${bearer}` } });

  it('scans with the user own Graph token, keeps it sealed while the job is open, and shows the result to that user only', async () => {
    const lead = await entra.userToken('teamleider-oid');
    const res = await post(lead);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as ScanJobView;
    const obo = entra.requests.find((r) => r.form.requested_token_use === 'on_behalf_of')!;
    expect(obo.form.assertion).toBe(lead);

    const stored = await server.store.query<{ credential: string | null }>(
      'select credential from scan_jobs where id = $1',
      [id],
    );
    expect(JSON.stringify(stored)).not.toContain('graph:teamleider-oid');

    let view: ScanJobView;
    for (;;) {
      view = (await (await get(lead, id)).json()) as ScanJobView;
      if (view.status === 'done' || view.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(view.status).toBe('done');
    expect(view.report!.complete).toBe(true);
    expect(view.report!.stats.files + view.report!.stats.folders).toBe(tree.items.length);
    expect(
      (
        await server.store.query<{ credential: string | null }>('select credential from scan_jobs where id = $1', [id])
      )[0]!.credential,
    ).toBeNull();

    const colleague = await entra.userToken('collega-oid');
    expect((await get(colleague, id)).status).toBe(404);
  });

  it('renews the Graph token on the user behalf while a job outlives several tokens and the tab token, and reads every item', async () => {
    // Graph tokens live 2 s and every answer of Graph takes 500 ms: the job needs several tokens.
    entra.tokenLifetimeSeconds = 2;
    graph.options.delayMs = 500;
    graph.options.pageSize = 12;
    graph.users.set('graph:lange-scan-oid', { joinedTeams: [], followedSites: [] });
    try {
      // The tab's token has 3 s left when the scan starts: the job outlives it and renews with the refresh token.
      const lead = await entra.userToken('lange-scan-oid', undefined, [], 3);
      const before = entra.requests.filter((r) => r.form.requested_token_use === 'on_behalf_of').length;
      const refreshesBefore = entra.requests.filter((r) => r.form.grant_type === 'refresh_token').length;
      const started = Date.now();
      const res = await post(lead);
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as ScanJobView;
      const sealed = await server.store.query<{ credential: string | null }>(
        'select credential from scan_jobs where id = $1',
        [id],
      );
      // The assertion and refresh token it renews with are sealed with the token: none is readable in the database.
      expect(JSON.stringify(sealed)).not.toContain(lead.split('.')[1]!);
      const given = entra.requests.filter((r) => r.form.requested_token_use === 'on_behalf_of').length;
      expect(given).toBe(before + 1);
      expect(JSON.stringify(sealed)).not.toContain('graph:lange-scan-oid');
      let view: ScanJobView;
      for (;;) {
        view = (await (await get(lead, id)).json()) as ScanJobView;
        if (view.status === 'done' || view.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(Date.now() - started).toBeGreaterThan(3 * 2000);
      expect(view.status).toBe('done');
      expect(view.report!.complete).toBe(true);
      expect(view.report!.stats.files + view.report!.stats.folders).toBe(tree.items.length);
      // Renewed with the refresh token of the exchange (one exchange for the start, one in the worker at most).
      const exchanges = entra.requests.filter((r) => r.form.requested_token_use === 'on_behalf_of').length - before;
      expect(exchanges).toBeLessThanOrEqual(2);
      expect(
        entra.requests.filter((r) => r.form.grant_type === 'refresh_token').length - refreshesBefore,
      ).toBeGreaterThanOrEqual(3);
    } finally {
      entra.tokenLifetimeSeconds = undefined;
      graph.options.delayMs = 0;
      graph.options.pageSize = 100;
    }
  });

  it('fails a job whose token was sealed under another key (not JOB_CREDENTIAL_KEY) with its reason, and clears it', async () => {
    const lead = await entra.userToken('teamleider-oid');
    expect(server.config.JOB_CREDENTIAL_KEY).not.toBe(server.config.PSEUDONYM_SECRET);
    // A token that Graph accepts, sealed as before this key existed (with PSEUDONYM_SECRET), and under a former key.
    for (const key of [server.config.PSEUDONYM_SECRET, 'een-vorige-sleutel-voor-de-jobs-van-toen']) {
      const job = await scanJobQueue(server.store).create({
        owner: pseudonymFor(server.config.PSEUDONYM_SECRET, `${tenant}:teamleider-oid`),
        target: { kind: 'drive', id: 'd1' },
        lang: 'nl',
        credential: sealCredential(key, 'graph:teamleider-oid', Date.now() + 3_600_000),
      });
      let view: ScanJobView;
      for (;;) {
        view = (await (await get(lead, job.id)).json()) as ScanJobView;
        if (view.status === 'done' || view.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(view.status).toBe('failed');
      expect(view.error).toEqual({ code: 'credential_unreadable', message: expect.stringMatching(/sleutel.*opnieuw/) });
      const rows = await server.store.query<{ credential: string | null }>(
        'select credential from scan_jobs where id = $1',
        [job.id],
      );
      expect(rows[0]!.credential).toBeNull();
    }
  });

  it('answers 403 consent_required when the user has not consented, and starts nothing', async () => {
    const before = (await server.store.query('select id from scan_jobs')).length;
    const res = await post(await entra.userToken('no-consent-oid'), 'en');
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('consent_required');
    expect(body.error.message).toMatch(/consent/);
    expect((await server.store.query('select id from scan_jobs')).length).toBe(before);
  });

  it('refuses a caller without a valid SSO token', async () => {
    expect((await post('not-a-token')).status).toBe(401);
  });
});
