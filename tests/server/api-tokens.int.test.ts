import { jest } from '@jest/globals';
import type { Express } from 'express';
import type { ScanReport } from '../../src/housekeeping/report.js';
import { runScan } from '../../src/housekeeping/scan.js';
import { apiErrorBodySchema, isDutch } from '../helpers/api-error.js';
import { tableSnapshots, type TableSnapshot } from '../helpers/db-snapshot.js';
import { refusedTokens } from '../helpers/entra-tokens.js';
import { LocalAuthority, type AuthorityUser } from '../helpers/local-authority.js';
import { startTestServer } from '../helpers/server.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { generateTree } from '../housekeeping/graph/tree.js';
import { memorySource } from '../housekeeping/memory-source.js';
import { namedToolCheckCase } from '../helpers/check-case.js';

jest.setTimeout(60_000);
// The jobs this suite starts stay queued: what is asserted is who may start them, not the scan.
process.env.SCAN_WORKER_CONCURRENCY = '0';

const teamId = '3f2a6c1e-8b4d-4e7a-9c21-5d0b7e6f4a12';
const uploadToken = 'upload-token-for-tests-0123456789abcdef';

type Who = 'staff' | 'teamlead' | 'admin';
const users: Record<Who, AuthorityUser> = {
  staff: { oid: 'staff-oid', name: 'Medewerker', username: 'medewerker@groningen.nl' },
  teamlead: { oid: 'lead-oid', name: 'Teamleider', username: 'teamleider@groningen.nl', roles: ['AIWijzer.TeamLead'] },
  admin: { oid: 'admin-oid', name: 'Beheerder', username: 'beheerder@groningen.nl', roles: ['AIWijzer.Admin'] },
};

/** What the suite made before the matrix runs (with valid tokens), for the routes that name a thing in their path. */
const made = { seq: 0, jobId: '', reportId: '', sectionId: '' };

const validCase = namedToolCheckCase;
const tool = (name: string) => ({
  name,
  vendor: 'Gemeente Groningen',
  contracted: true,
  hosting: 'own',
  maxData: 'internal',
});

/**
 * A route behind sign-in: who may call it (`staff` is anyone signed in, `teamlead` and `admin` need that app role),
 * the call that succeeds for them, the statuses it answers, and the tables that call writes to (so that a refusal
 * that changes nothing is told apart from a snapshot that could not see a change).
 */
interface Row {
  route: string;
  path: () => string;
  /** Who calls it in the valid case. */
  who: Who;
  /** The app role the route needs (403 without it). */
  needs?: 'teamlead' | 'admin';
  body?: () => unknown;
  ok: number;
  writes?: string[];
}

const rows: Row[] = [
  {
    route: 'POST /api/ask',
    path: () => '/api/ask',
    who: 'staff',
    body: () => ({ question: 'Mag ik AI gebruiken?' }),
    ok: 200,
  },
  {
    route: 'POST /api/ask/feedback',
    path: () => '/api/ask/feedback',
    who: 'staff',
    body: () => ({ helpful: true }),
    ok: 201,
    writes: ['vision_feedback'],
  },
  {
    route: 'POST /api/ask/choice',
    path: () => '/api/ask/choice',
    who: 'staff',
    body: () => ({ sectionId: made.sectionId }),
    ok: 201,
    writes: ['vision_feedback'],
  },
  {
    route: 'POST /api/checks',
    path: () => '/api/checks',
    who: 'staff',
    body: () => validCase,
    ok: 201,
    writes: ['quickcheck_records'],
  },
  { route: 'GET /api/checks', path: () => '/api/checks', who: 'staff', ok: 200 },
  { route: 'GET /api/checks/questions', path: () => '/api/checks/questions', who: 'staff', ok: 200 },
  { route: 'GET /api/checks/:seq', path: () => `/api/checks/${made.seq}`, who: 'staff', ok: 200 },
  {
    route: 'POST /api/checks/:seq/reassess',
    path: () => `/api/checks/${made.seq}/reassess`,
    who: 'staff',
    ok: 201,
    writes: ['quickcheck_records'],
  },
  {
    route: 'POST /api/scans',
    path: () => '/api/scans',
    who: 'staff',
    // Another drive than the fixture's job: an open job for the same target is answered, not made again.
    body: () => ({ target: { drive: 'drive-tweede' } }),
    ok: 202,
    writes: ['scan_jobs'],
  },
  { route: 'GET /api/scans', path: () => '/api/scans', who: 'staff', ok: 200 },
  { route: 'GET /api/scans/targets', path: () => '/api/scans/targets', who: 'staff', ok: 200 },
  // An agent's report: team leads and admins read those.
  {
    route: 'GET /api/scans/reports/:scanId',
    path: () => `/api/scans/reports/${made.reportId}`,
    who: 'teamlead',
    ok: 200,
  },
  {
    route: 'GET /api/scans/teams/:teamId/latest',
    path: () => `/api/scans/teams/${teamId}/latest`,
    who: 'teamlead',
    needs: 'teamlead',
    ok: 200,
  },
  { route: 'GET /api/scans/:id', path: () => `/api/scans/${made.jobId}`, who: 'staff', ok: 200 },
  { route: 'GET /api/me', path: () => '/api/me', who: 'staff', ok: 200 },
  { route: 'GET /api/admin/tools', path: () => '/api/admin/tools', who: 'admin', needs: 'admin', ok: 200 },
  {
    route: 'GET /api/admin/tools/history',
    path: () => '/api/admin/tools/history',
    who: 'admin',
    needs: 'admin',
    ok: 200,
  },
  {
    route: 'PUT /api/admin/tools/:id',
    path: () => '/api/admin/tools/proef-nieuw',
    who: 'admin',
    needs: 'admin',
    body: () => tool('Proef nieuw'),
    ok: 201,
    writes: ['tool_register', 'tool_register_changes'],
  },
  {
    route: 'DELETE /api/admin/tools/:id',
    path: () => '/api/admin/tools/proef-weg',
    who: 'admin',
    needs: 'admin',
    ok: 200,
    writes: ['tool_register', 'tool_register_changes'],
  },
  { route: 'GET /api/admin/versions', path: () => '/api/admin/versions', who: 'admin', needs: 'admin', ok: 200 },
  { route: 'GET /api/admin/figures', path: () => '/api/admin/figures', who: 'admin', needs: 'admin', ok: 200 },
  {
    route: 'GET /api/admin/audit/verify',
    path: () => '/api/admin/audit/verify',
    who: 'admin',
    needs: 'admin',
    ok: 200,
  },
  {
    route: 'GET /api/admin/audit/export',
    path: () => '/api/admin/audit/export',
    who: 'admin',
    needs: 'admin',
    ok: 200,
  },
];

/** Routes that need no sign-in on purpose: the vision is published, and the tab must learn how to sign in. */
const publicRoutes = ['GET /api/vision', 'GET /api/auth-config'];
/** Routes with a guard of their own: the agents' upload token, and the Bot Framework's (tests/bot/auth.int.test.ts). */
const ownGuard = ['POST /api/scans/upload', 'POST /api/messages'];

/** Who may not call a route that needs a role, and the code they get. */
const outranked: Record<NonNullable<Row['needs']>, { who: Who; code: string }[]> = {
  teamlead: [{ who: 'staff', code: 'not_team_lead' }],
  admin: [
    { who: 'staff', code: 'not_admin' },
    { who: 'teamlead', code: 'not_admin' },
  ],
};

/** Every route express knows, as "METHOD /path" (the routers' mount paths joined). */
function routesOf(app: Express): string[] {
  type Layer = { rawPath?: string; route?: { path: string; methods: Record<string, boolean> }; handle: unknown };
  const walk = (stack: Layer[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      if (layer.route)
        return Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => `${m.toUpperCase()} ${prefix}${layer.route!.path}`);
      const inner = (layer.handle as { stack?: Layer[] }).stack;
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      return inner ? walk(inner, prefix + mount) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
}

describe('the sign-in of every /api route (Entra ID tokens from a local authority)', () => {
  const authority = new LocalAuthority(Object.values(users));
  const graph = new FakeGraph({ token: 'app-token-niet-gebruikt', listPageSize: 5 });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let snapshot: () => Promise<TableSnapshot>;
  let report: ScanReport;

  beforeAll(async () => {
    await authority.start();
    for (const user of Object.values(users)) authority.consented.add(user.oid);
    const graphUrl = await graph.start();
    graph.loadTree('drive-eigen', generateTree({ seed: 3, files: 12, folders: 3 }));
    graph.groups.set(teamId, 'drive-eigen');
    graph.teams.set(teamId, { group: 'drive-eigen', channels: [] });
    for (const user of Object.values(users))
      graph.users.set(`graph:${user.oid}`, { joinedTeams: [teamId], followedSites: [], drive: 'drive-eigen' });
    server = await startTestServer({
      AAD_APP_CLIENT_ID: authority.clientId,
      AAD_APP_TENANT_ID: authority.tenant,
      AAD_APP_CLIENT_SECRET: authority.clientSecret,
      AAD_AUTHORITY_HOST: authority.url,
      PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
      GRAPH_BASE_URL: graphUrl,
      SCAN_UPLOAD_TOKEN: uploadToken,
      PSEUDONYM_SECRET: 'een-geheime-sleutel-voor-tests-123',
      // Other suites' limits (requests per minute) must not be what refuses these calls.
      RATE_LIMIT_PER_USER: '1000000',
      RATE_LIMIT_PER_IP: '1000000',
    });
    snapshot = tableSnapshots(server.store);

    const ok = async (res: Response) => {
      if (res.status >= 300) throw new Error(`fixture: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    made.sectionId = ((await ok(await call('GET', '/api/vision'))).sections as { id: string }[])[0]!.id;
    const check = await ok(await call('POST', '/api/checks', await valid('staff'), validCase));
    made.seq = (check.record as { seq: number }).seq;
    made.jobId = String(
      (await ok(await call('POST', '/api/scans', await valid('staff'), { target: { drive: 'drive-eigen' } }))).id,
    );
    await ok(await call('PUT', '/api/admin/tools/proef-weg', await valid('admin'), tool('Proef weg')));
    report = await runScan(memorySource(['Beleid/Nota v2.docx', 'Nieuwe map/']), {
      now: new Date(Date.UTC(2026, 10, 23)),
    });
    made.reportId = String(
      (
        await ok(
          await call('POST', '/api/scans/upload', `Bearer ${uploadToken}`, {
            sourceKey: 'fs:agent01:/mnt/afdeling',
            report,
          }),
        )
      ).id,
    );
  });
  afterAll(async () => {
    await server?.dispose();
    await graph.stop();
    await authority.stop();
  });

  const valid = async (who: Who) => `Bearer ${await authority.accessToken(users[who])}`;
  function call(method: string, path: string, authorization?: string, body?: unknown) {
    return fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
  async function refused(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    const { error } = apiErrorBodySchema.parse(await res.json());
    expect(error.code).toBe(code);
    expect(isDutch(error.message)).toBe(true);
    return error;
  }

  it('has a row for every /api route express serves', () => {
    const app = server.server.listeners('request')[0] as unknown as Express;
    const served = routesOf(app).filter((r) => r.split(' ')[1]!.startsWith('/api/'));
    expect([...new Set(served)].sort()).toEqual([...rows.map((r) => r.route), ...publicRoutes, ...ownGuard].sort());
  });

  describe.each(rows)('$route', (row) => {
    const verb = row.route.split(' ')[0]!;
    const send = (authorization?: string) => call(verb, row.path(), authorization, row.body?.());

    it.each(refusedTokens.map((t) => [t.name, t] as const))(
      'refuses %s with 401 in Dutch and changes nothing',
      async (_name, token) => {
        const before = await snapshot();
        const error = await refused(await send(await token.header(authority, users[row.who])), 401, 'unauthenticated');
        expect(error.message).toContain('Je bent niet aangemeld');
        expect(await snapshot()).toEqual(before);
      },
    );

    if (row.needs)
      it.each(outranked[row.needs].map((o) => [o.who, o] as const))(
        'refuses a valid token of %s without the role with 403 and changes nothing',
        async (_who, { who, code }) => {
          const before = await snapshot();
          await refused(await send(await valid(who)), 403, code);
          expect(await snapshot()).toEqual(before);
        },
      );

    it(`passes a valid token of ${row.who} (${row.ok})`, async () => {
      const before = await snapshot();
      const res = await send(await valid(row.who));
      const text = await res.text();
      expect({ status: res.status, text: res.status === row.ok ? '' : text }).toEqual({ status: row.ok, text: '' });
      const after = await snapshot();
      for (const table of row.writes ?? []) expect(after[table]).not.toEqual(before[table]);
    });
  });

  describe.each(publicRoutes)('%s (public)', (route) => {
    it('answers 200 without sign-in, whatever token comes along', async () => {
      const path = route.split(' ')[1]!;
      for (const token of refusedTokens) {
        const res = await call('GET', path, await token.header(authority, users.staff));
        expect({ token: token.name, status: res.status }).toEqual({ token: token.name, status: 200 });
      }
    });
  });

  describe('an /api address that does not exist', () => {
    it.each(refusedTokens.map((t) => [t.name, t] as const))(
      'refuses %s with 401 before saying it does not exist',
      async (_name, token) => {
        await refused(
          await call('GET', '/api/bestaat-niet', await token.header(authority, users.staff)),
          401,
          'unauthenticated',
        );
      },
    );
    it('answers a valid token with 404 in Dutch', async () => {
      await refused(await call('GET', '/api/bestaat-niet', await valid('staff')), 404, 'not_found');
    });
  });

  describe('POST /api/scans/upload (the agents\u2019 upload token, not sign-in)', () => {
    const upload = (authorization?: string) =>
      call('POST', '/api/scans/upload', authorization, { sourceKey: 'fs:agent02:/mnt/archief', report });

    it.each([
      ['no token', async () => undefined],
      ['a wrong upload token', async () => `Bearer ${uploadToken.replace(/0/g, '1')}`],
      ['the upload token under another scheme', async () => `Basic ${uploadToken}`],
      ['a valid staff SSO token', () => valid('staff')],
      ['a valid admin SSO token', () => valid('admin')],
    ])('refuses %s with 401 in Dutch and stores nothing', async (_name, header) => {
      const before = await snapshot();
      await refused(await upload(await header()), 401, 'invalid_upload_token');
      expect(await snapshot()).toEqual(before);
    });

    it('stores the report sent with the upload token (201)', async () => {
      const before = await snapshot();
      expect((await upload(`Bearer ${uploadToken}`)).status).toBe(201);
      expect((await snapshot()).housekeeping_scans!.rows).toBe(before.housekeeping_scans!.rows + 1);
    });
  });
});
