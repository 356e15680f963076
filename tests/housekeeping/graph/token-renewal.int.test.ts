import { jest } from '@jest/globals';
import { createGraphSource } from '../../../src/housekeeping/sources/graph/graph-source.js';
import {
  clientCredentials,
  onBehalfOf,
  staticToken,
  type AppRegistration,
} from '../../../src/housekeeping/sources/graph/tokens.js';
import type { TokenProvider } from '../../../src/housekeeping/sources/graph/transport.js';
import { FakeGraph } from './fake-graph.js';
import { byPath, collect, expectedEntries, fastTime } from './helpers.js';
import { LocalEntra } from './local-entra.js';
import { generateTree } from './tree.js';

jest.setTimeout(30_000);

/**
 * Scans that last longer than their Graph token (and than the user assertion it was exchanged for). The local Entra ID issues Graph tokens that live 2 s, the local
 * Graph refuses a token past its expiry with 401 InvalidAuthenticationToken as Graph does, and every answer takes
 * 500 ms, so one scan outlives several tokens. msal-node is reached as in tokens.int.test.ts.
 */
const tenant = '11111111-2222-3333-4444-666666666666';
const clientId = 'aaaaaaaa-bbbb-cccc-dddd-ffffffffffff';
const tree = generateTree({ seed: 41, files: 150, folders: 15 });
const pages = Math.ceil((tree.items.length + 1) / 15);

describe('Graph tokens renewed during a long scan', () => {
  const entra = new LocalEntra(tenant, clientId, 'geheim', 'https://login.test');
  const graph = new FakeGraph({ token: 'app-token', pageSize: 15, delayMs: 500 });
  let url: string;
  let n = 0;
  const reg = (renewalOffsetSeconds: number): AppRegistration => ({
    clientId,
    clientSecret: 'geheim',
    tenantId: tenant,
    authorityHost: 'https://login.test',
    networkClient: entra.network(),
    renewalOffsetSeconds,
  });
  const grants = (kind: 'on_behalf_of' | 'client_credentials' | 'refresh_token') =>
    entra.requests.filter((r) =>
      kind === 'on_behalf_of' ? r.form.requested_token_use === kind : r.form.grant_type === kind,
    ).length;
  const scan = (token: TokenProvider) =>
    createGraphSource({ baseUrl: url, token, target: { drive: 'd1' }, tenant: `renew${++n}`, ...fastTime });
  const user = (oid: string) => graph.users.set(`graph:${oid}`, { joinedTeams: [], followedSites: [] });

  beforeAll(async () => {
    await entra.start();
    entra.tokenLifetimeSeconds = 2;
    url = await graph.start();
    graph.loadTree('d1', tree);
  });
  afterAll(async () => {
    await graph.stop();
    await entra.stop();
  });

  function expectWholeTree(entries: ReturnType<typeof byPath>) {
    expect(new Set(entries.keys())).toEqual(new Set(['', ...expectedEntries(tree).keys()]));
  }

  it('renews a delegated token before it expires with the refresh token of the on-behalf-of answer, and reads every item', async () => {
    user('lang-scannen');
    const assertion = await entra.userToken('lang-scannen');
    const before = {
      obo: grants('on_behalf_of'),
      refresh: grants('refresh_token'),
      expired: graph.log.expired,
      total: graph.log.total,
    };
    const started = Date.now();
    const src = scan(onBehalfOf(reg(1), assertion));
    const entries = byPath(await collect(src));
    const took = Date.now() - started;
    expectWholeTree(entries);
    expect(src.gaps).toEqual([]);
    expect(took).toBeGreaterThan(3 * 2000); // longer than three token lifetimes
    // One exchange of the assertion; every renewal after it with the refresh token Entra ID gave.
    expect(grants('on_behalf_of') - before.obo).toBe(1);
    expect(grants('refresh_token') - before.refresh).toBeGreaterThanOrEqual(3);
    // Renewed one second ahead: no request went out with an expired token, and none was sent twice.
    expect(graph.log.expired - before.expired).toBe(0);
    expect(graph.log.total - before.total).toBe(1 + pages + 1);
  });

  it('goes on past the expiry of the user assertion (the tab token): the refresh token outlives it', async () => {
    user('korte-tab');
    const assertion = await entra.userToken('korte-tab', undefined, [], 2); // the tab token lives 2 s
    const before = { obo: grants('on_behalf_of'), refresh: grants('refresh_token') };
    const started = Date.now();
    const src = scan(onBehalfOf(reg(1), assertion));
    expectWholeTree(byPath(await collect(src)));
    expect(src.gaps).toEqual([]);
    expect(Date.now() - started).toBeGreaterThan(3 * 2000);
    expect(grants('on_behalf_of') - before.obo).toBe(1);
    expect(grants('refresh_token') - before.refresh).toBeGreaterThanOrEqual(3);
  });

  it('gets a new token once after a 401 InvalidAuthenticationToken and sends the request again', async () => {
    user('verlopen');
    const assertion = await entra.userToken('verlopen');
    // The token from the scan's start has expired already, though the job thought it had an hour left.
    const initial = { token: `graph:verlopen;exp=${Date.now() - 1000}`, expiresAt: Date.now() + 3_600_000 };
    const before = {
      grants: grants('on_behalf_of') + grants('refresh_token'),
      expired: graph.log.expired,
      total: graph.log.total,
    };
    const src = scan(onBehalfOf(reg(0), assertion, initial));
    const entries = byPath(await collect(src));
    expectWholeTree(entries);
    expect(src.gaps).toEqual([]);
    // Without a renewal margin the token is used to its last moment: each expiry costs one 401 and one retry.
    const expired = graph.log.expired - before.expired;
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(graph.log.total - before.total).toBe(1 + pages + 1 + expired);
    expect(grants('on_behalf_of') + grants('refresh_token') - before.grants).toBeGreaterThanOrEqual(expired);
  });

  it('renews the app token (client credentials) the same way', async () => {
    const before = { cc: grants('client_credentials'), expired: graph.log.expired };
    const src = scan(clientCredentials(reg(1)));
    expectWholeTree(byPath(await collect(src)));
    expect(src.gaps).toEqual([]);
    expect(grants('client_credentials') - before.cc).toBeGreaterThanOrEqual(3);
    expect(graph.log.expired - before.expired).toBe(0);
  });

  it('ends incomplete with the 401 when the session was ended and the user assertion has expired: no crash, no short list as complete', async () => {
    user('kort');
    const assertion = await entra.userToken('kort', undefined, [], 2); // the tab token itself lives 2 s
    const before = graph.log.expired;
    const src = scan(onBehalfOf(reg(0), assertion));
    await src.prepare();
    // Signed out elsewhere (or revoked by an admin): the refresh token from the exchange no longer works.
    entra.revokeSessions();
    const entries = await collect(src);
    expect(entries).toEqual([]);
    // Graph refused the token (or it ran out before it was sent) and Entra ID refused a new one: the refresh token
    // (AADSTS700082), then the expired assertion (AADSTS500133).
    expect(src.gaps).toEqual([{ path: '', reason: expect.stringMatching(/token.*verlopen en niet te vernieuwen/) }]);
    expect(graph.log.expired - before).toBeLessThanOrEqual(1);
    expect(entra.requests.some((r) => r.form.assertion === assertion)).toBe(true);
    expect(entra.requests.some((r) => r.form.grant_type === 'refresh_token')).toBe(true);
  });

  it('does not send a given token twice after a 401: it cannot be renewed', async () => {
    const before = graph.log.total;
    const src = scan(staticToken(`app-token;exp=${Date.now() - 1}`));
    await expect(src.prepare()).rejects.toThrow(/weigert het token/);
    expect(graph.log.total - before).toBe(1);
  });
});
