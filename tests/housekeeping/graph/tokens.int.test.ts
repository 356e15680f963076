import {
  openCredential,
  packJobToken,
  refreshWindowMs,
  sealCredential,
  unpackJobToken,
} from '../../../src/housekeeping/jobs/credential.js';
import {
  clientCredentials,
  ConsentRequiredError,
  needsConsent,
  tokenOnBehalfOf,
  type AppRegistration,
} from '../../../src/housekeeping/sources/graph/tokens.js';
import { LocalEntra } from './local-entra.js';

/**
 * Entra ID cannot be reached from here. msal-node insists on an https authority, so these tests give it one
 * (https://login.test) and route its HTTP through msal's own extension point (system.networkClient) to the
 * local token endpoint (local-entra.ts). The server's path (a loopback http AAD_AUTHORITY_HOST) is tested
 * end to end in tests/housekeeping/jobs/delegated.int.test.ts.
 */
const tenant = '11111111-2222-3333-4444-555555555555';
const clientId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('Graph tokens through msal-node', () => {
  const entra = new LocalEntra(tenant, clientId, 'geheim', 'https://login.test');
  let reg: AppRegistration;

  beforeAll(async () => {
    await entra.start();
    reg = {
      clientId,
      clientSecret: 'geheim',
      tenantId: tenant,
      authorityHost: 'https://login.test',
      networkClient: entra.network(),
    };
  });
  afterAll(() => entra.stop());

  it('exchanges the signed-in user token for a Graph token (on-behalf-of)', async () => {
    const result = await tokenOnBehalfOf(reg, 'user-token-1');
    expect(result.token).toBe('graph:user-token-1');
    expect(result.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    const grant = entra.requests.find((r) => r.form.requested_token_use === 'on_behalf_of')!;
    expect(grant.form.assertion).toBe('user-token-1');
    expect(grant.form.scope).toContain('https://graph.microsoft.com/.default');
    expect(entra.requests.some((r) => r.path.includes('discovery/instance'))).toBe(false);
    // Another user never gets the first user's cached token.
    expect((await tokenOnBehalfOf(reg, 'user-token-2')).token).toBe('graph:user-token-2');
    expect((await tokenOnBehalfOf(reg, 'user-token-1')).token).toBe('graph:user-token-1');
  });

  it('keeps the refresh token of each user exchange apart: a user gets their own, never another user', async () => {
    const withRefreshToken = { withRefreshToken: true };
    const first = await tokenOnBehalfOf(reg, 'rt-gebruiker-1', withRefreshToken);
    const second = await tokenOnBehalfOf(reg, 'rt-gebruiker-2', withRefreshToken);
    const given = (assertion: string) =>
      entra.requests.filter((r) => r.form.assertion === assertion && r.form.requested_token_use === 'on_behalf_of');
    // msal asks offline_access, so Entra ID gives a refresh token with the exchange.
    expect(given('rt-gebruiker-1')[0]!.form.scope?.split(' ')).toContain('offline_access');
    expect(first.refreshToken).toEqual(expect.any(String));
    expect(second.refreshToken).toEqual(expect.any(String));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The same assertion again (msal answers from its cache) still finds that user's refresh token.
    expect((await tokenOnBehalfOf(reg, 'rt-gebruiker-1', withRefreshToken)).refreshToken).toBe(first.refreshToken);
    // Not asked for, not read.
    expect(await tokenOnBehalfOf(reg, 'rt-gebruiker-1')).not.toHaveProperty('refreshToken');
    expect(given('rt-gebruiker-1')).toHaveLength(1);
  });

  it('turns AADSTS65001 / invalid_grant into "consent required"', async () => {
    await expect(tokenOnBehalfOf(reg, 'no-consent-user')).rejects.toBeInstanceOf(ConsentRequiredError);
  });

  // Runs after an OBO exchange on purpose: a cached delegated token must never come back as the app's token.
  it('gets the app token with client credentials once and reuses it from msal cache', async () => {
    const provider = clientCredentials(reg);
    const before = entra.requests.filter((r) => r.form.grant_type === 'client_credentials').length;
    expect(await provider()).toBe('app-token');
    expect(await provider()).toBe('app-token');
    expect(entra.requests.filter((r) => r.form.grant_type === 'client_credentials').length - before).toBe(1);
  });

  it('does not hide a wrong client secret as a consent problem', async () => {
    const wrong = { ...reg, clientSecret: 'fout', clientId: 'ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee' };
    const error = await tokenOnBehalfOf(wrong, 'user-token-2').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ConsentRequiredError);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('consent error mapping', () => {
  it.each([
    [{ errorCode: 'invalid_grant' }, true],
    [{ errorCode: 'interaction_required' }, true],
    [{ errorCode: 'server_error', subError: 'consent_required' }, true],
    [{ errorCode: 'x', errorMessage: 'AADSTS65001: not consented' }, true],
    [{ errorCode: 'invalid_client', errorMessage: 'AADSTS7000215: Invalid client secret' }, false],
    [new Error('socket hang up'), false],
  ])('%j -> %s', (error, expected) => {
    expect(needsConsent(error)).toBe(expected);
  });
});

describe('a delegated job token', () => {
  const assertion = (expSeconds: number) =>
    ['x', Buffer.from(JSON.stringify({ exp: expSeconds })).toString('base64url'), 'y'].join('.');
  const now = 1_800_000_000_000;

  it('packs the assertion and the refresh token, and with a refresh token lives a day from its start', () => {
    const graph = { token: 'graph:a', expiresAt: now + 3_600_000, refreshToken: 'rt-a' };
    const packed = packJobToken(graph, assertion(now / 1000 + 600), now);
    expect(packed.expiresAt).toBe(now + refreshWindowMs);
    expect(unpackJobToken(packed.token, packed.expiresAt)).toEqual({
      token: 'graph:a',
      expiresAt: now + 3_600_000,
      assertion: assertion(now / 1000 + 600),
      refreshToken: 'rt-a',
    });
  });

  it('without a refresh token lives until the later of the token and the assertion', () => {
    const packed = packJobToken({ token: 'graph:b', expiresAt: now + 3_600_000 }, assertion(now / 1000 + 7200), now);
    expect(packed.expiresAt).toBe(now + 7_200_000);
    expect(unpackJobToken(packed.token, packed.expiresAt)).not.toHaveProperty('refreshToken');
    // A plain token (the app's own, or sealed before assertions were kept) stays as it is.
    expect(unpackJobToken('graph:c', 5)).toEqual({ token: 'graph:c', expiresAt: 5 });
    expect(unpackJobToken('{"graph":1}', 5)).toEqual({ token: '{"graph":1}', expiresAt: 5 });
  });
});

describe('sealed job credential', () => {
  it('opens with the same secret only, and keeps the expiry', () => {
    const sealed = sealCredential('een-geheim-van-minstens-16', 'graph-token', 1_900_000_000_000);
    expect(sealed).not.toContain('graph-token');
    expect(openCredential('een-geheim-van-minstens-16', sealed)).toEqual({
      token: 'graph-token',
      expiresAt: 1_900_000_000_000,
    });
    expect(openCredential('een-ander-geheim-van-16+', sealed)).toBeUndefined();
    expect(openCredential('een-geheim-van-minstens-16', `${sealed.slice(0, -2)}xx`)).toBeUndefined();
  });
});
