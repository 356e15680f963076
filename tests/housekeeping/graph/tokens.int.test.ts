import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { openCredential, sealCredential } from '../../../src/housekeeping/jobs/credential.js';
import { clientCredentials, ConsentRequiredError, needsConsent, tokenOnBehalfOf, type AppRegistration } from '../../../src/housekeeping/sources/graph/tokens.js';

/**
 * Entra ID cannot be reached from here. msal-node insists on an https authority, so the tests give it one
 * (https://login.test) and route its HTTP through msal's own extension point (system.networkClient) to a
 * small local token endpoint that serves the OpenID metadata and answers the OBO and client-credential
 * grants the way Entra ID does, including the consent error AADSTS65001.
 */
const tenant = '11111111-2222-3333-4444-555555555555';
const clientId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

class LocalEntra {
  readonly requests: { path: string; form: Record<string, string> }[] = [];
  private server?: Server;
  port = 0;

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
        this.requests.push({ path: url.pathname, form });
        const send = (status: number, body: object) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        const base = `https://login.test/${tenant}`;
        if (url.pathname === `/${tenant}/v2.0/.well-known/openid-configuration`) {
          return send(200, {
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            issuer: `${base}/v2.0`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
          });
        }
        if (url.pathname !== `/${tenant}/oauth2/v2.0/token` || req.method !== 'POST') return send(404, { error: 'not_found' });
        if (form.client_id !== clientId || form.client_secret !== 'geheim') return send(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        if (form.grant_type === 'client_credentials') return send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'app-token' });
        if (form.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && form.requested_token_use === 'on_behalf_of') {
          if (form.assertion === 'user-without-consent') {
            return send(400, {
              error: 'invalid_grant',
              error_description: "AADSTS65001: The user or administrator has not consented to use the application with ID 'x'.",
              error_codes: [65001],
              suberror: 'consent_required',
            });
          }
          return send(200, { token_type: 'Bearer', scope: 'https://graph.microsoft.com/.default', expires_in: 3599, ext_expires_in: 3599, access_token: `graph-for-${form.assertion}` });
        }
        return send(400, { error: 'unsupported_grant_type' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** msal's network client, sending https://login.test/... to the local server. */
  network(): INetworkModule {
    const local = (url: string) => url.replace('https://login.test', `http://127.0.0.1:${this.port}`);
    const call = async <T>(url: string, method: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
      const res = await fetch(local(url), { method, headers: options?.headers, body: options?.body });
      return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: (await res.json()) as T };
    };
    return {
      sendGetRequestAsync: (url, options) => call(url, 'GET', options),
      sendPostRequestAsync: (url, options) => call(url, 'POST', options),
    };
  }
}

describe('Graph tokens through msal-node', () => {
  const entra = new LocalEntra();
  let reg: AppRegistration;

  beforeAll(async () => {
    await entra.start();
    reg = { clientId, clientSecret: 'geheim', tenantId: tenant, authorityHost: 'https://login.test', networkClient: entra.network() };
  });
  afterAll(() => entra.stop());

  it('exchanges the signed-in user token for a Graph token (on-behalf-of)', async () => {
    const result = await tokenOnBehalfOf(reg, 'user-token-1');
    expect(result.token).toBe('graph-for-user-token-1');
    expect(result.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    const grant = entra.requests.find((r) => r.form.requested_token_use === 'on_behalf_of')!;
    expect(grant.form.assertion).toBe('user-token-1');
    expect(grant.form.scope).toContain('https://graph.microsoft.com/.default');
    expect(entra.requests.some((r) => r.path.includes('discovery/instance'))).toBe(false);
    // Another user never gets the first user's cached token.
    expect((await tokenOnBehalfOf(reg, 'user-token-2')).token).toBe('graph-for-user-token-2');
    expect((await tokenOnBehalfOf(reg, 'user-token-1')).token).toBe('graph-for-user-token-1');
  });

  it('turns AADSTS65001 / invalid_grant into "consent required"', async () => {
    await expect(tokenOnBehalfOf(reg, 'user-without-consent')).rejects.toBeInstanceOf(ConsentRequiredError);
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

describe('sealed job credential', () => {
  it('opens with the same secret only, and keeps the expiry', () => {
    const sealed = sealCredential('een-geheim-van-minstens-16', 'graph-token', 1_900_000_000_000);
    expect(sealed).not.toContain('graph-token');
    expect(openCredential('een-geheim-van-minstens-16', sealed)).toEqual({ token: 'graph-token', expiresAt: 1_900_000_000_000 });
    expect(openCredential('een-ander-geheim-van-16+', sealed)).toBeUndefined();
    expect(openCredential('een-geheim-van-minstens-16', `${sealed.slice(0, -2)}xx`)).toBeUndefined();
  });
});
