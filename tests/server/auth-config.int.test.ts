import { readFileSync } from 'node:fs';
import { authConfigSchema, graphConsentScopes } from '../../src/api/auth-config.js';
import { testClientId, testTenant } from '../helpers/entra-keys.js';
import { startTestServer } from '../helpers/server.js';

const connectSrc = (res: Response) =>
  /connect-src ([^;]+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1]?.split(' ');

describe('GET /api/auth-config and the CSP it goes with', () => {
  it('without Entra ID: dev mode, and the CSP connects to nothing but itself and the teams-js CDN', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.url}/api/auth-config`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ mode: 'dev' });
      expect(connectSrc(res)).toEqual(["'self'", 'https://res.cdn.office.net']);
    } finally {
      await server.dispose();
    }
  });

  it('with Entra ID: public (no token), the tenant authority and the API scope; connect-src adds that origin only', async () => {
    const server = await startTestServer({
      AAD_APP_CLIENT_ID: testClientId,
      AAD_APP_TENANT_ID: testTenant,
      PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
    });
    try {
      const res = await fetch(`${server.url}/api/auth-config`);
      expect(res.status).toBe(200);
      const body: unknown = await res.json();
      expect(body).toEqual({
        mode: 'entra',
        clientId: testClientId,
        authority: `https://login.microsoftonline.com/${testTenant}`,
        scopes: [`api://ai-wijzer.groningen.nl/${testClientId}/access_as_user`],
      });
      expect(authConfigSchema.safeParse(body).success).toBe(true);
      expect(connectSrc(res)).toEqual(["'self'", 'https://res.cdn.office.net', 'https://login.microsoftonline.com']);
      // The staff API itself still needs the token.
      expect((await fetch(`${server.url}/api/me`)).status).toBe(401);
    } finally {
      await server.dispose();
    }
  });

  it('a national cloud host is named as it is; without PUBLIC_URL the scope names the client id', async () => {
    const server = await startTestServer({
      AAD_APP_CLIENT_ID: testClientId,
      AAD_APP_TENANT_ID: testTenant,
      AAD_AUTHORITY_HOST: 'https://login.microsoftonline.us',
    });
    try {
      const res = await fetch(`${server.url}/api/auth-config`);
      expect(await res.json()).toMatchObject({
        authority: `https://login.microsoftonline.us/${testTenant}`,
        scopes: [`${testClientId}/access_as_user`],
      });
      expect(connectSrc(res)).toContain('https://login.microsoftonline.us');
    } finally {
      await server.dispose();
    }
  });

  it("asks consent outside Teams for exactly the app registration's delegated Graph permissions", () => {
    const manifest = JSON.parse(readFileSync('aad.manifest.json', 'utf8')) as {
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
    };
    const graph = manifest.requiredResourceAccess.find((r) => r.resourceAppId === 'Microsoft Graph')!;
    const delegated = graph.resourceAccess.filter((a) => a.type === 'Scope').map((a) => a.id);
    expect([...graphConsentScopes].sort()).toEqual(delegated.map((id) => `https://graph.microsoft.com/${id}`).sort());
  });
});
