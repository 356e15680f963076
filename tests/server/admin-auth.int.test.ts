import type { Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../../src/config.js';
import { startKeyServer, testClientId, testTenant } from '../helpers/entra-keys.js';
import { identifyCaller, rolesOf } from '../../src/server/auth.js';
import { startTestServer } from '../helpers/server.js';

const tenant = testTenant;
const clientId = testClientId;

describe('admin roles from the Entra app roles in the token', () => {
  let keyServer: { url: string; server: Server };
  let privateKey: CryptoKey;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    keyServer = await startKeyServer(await exportJWK(pair.publicKey));
    server = await startTestServer({
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_TENANT_ID: tenant,
      AAD_AUTHORITY_HOST: keyServer.url,
      PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
    });
  });
  afterAll(async () => {
    await server.dispose();
    await new Promise((resolve) => keyServer.server.close(resolve));
  });

  const token = (claims: Record<string, unknown>) =>
    new SignJWT({ scp: 'access_as_user', tid: tenant, oid: 'object-id-7', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setAudience(`api://ai-wijzer.groningen.nl/${clientId}`)
      .setIssuer(`${keyServer.url}/${tenant}/v2.0`)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  const call = async (path: string, bearer?: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        // Ignored with Entra ID configured: a dev user name gives no identity and no role.
        'x-dev-user': 'beheerder',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
    });
  const register = () => server.store.query('select id, entry from tool_register order by id');

  it('refuses a token without the AIWijzer.Admin role with 403, and one with it passes', async () => {
    for (const roles of [undefined, [], ['AIWijzer.TeamLead'], ['AIWijzer.admin', 'Admin']]) {
      const res = await call('/admin/tools', await token(roles ? { roles } : {}));
      expect([roles, res.status]).toEqual([roles, 403]);
    }
    const admin = await call('/admin/tools', await token({ roles: ['AIWijzer.TeamLead', 'AIWijzer.Admin'] }));
    expect(admin.status).toBe(200);
    expect(((await admin.json()) as { tools: unknown[] }).tools.length).toBeGreaterThan(0);
  });

  it('lets a staff token change nothing, and an admin token change the register', async () => {
    await call('/admin/tools', await token({ roles: ['AIWijzer.Admin'] }));
    const before = await register();
    const body = JSON.stringify({
      name: 'Archiefzoeker',
      vendor: 'Gemeente Groningen',
      contracted: true,
      hosting: 'own',
      maxData: 'sensitive',
    });
    const staff = await call('/admin/tools/archiefzoeker', await token({ roles: ['AIWijzer.TeamLead'] }), {
      method: 'PUT',
      body,
    });
    expect(staff.status).toBe(403);
    expect(await call('/admin/tools/chatgpt-free', await token({}), { method: 'DELETE' })).toHaveProperty(
      'status',
      403,
    );
    expect(await register()).toEqual(before);
    const admin = await call('/admin/tools/archiefzoeker', await token({ roles: ['AIWijzer.Admin'] }), {
      method: 'PUT',
      body,
    });
    expect(admin.status).toBe(201);
    expect((await register()).length).toBe(before.length + 1);
  });

  it('needs a token: the X-Dev-User header alone is not signed in; /api/me gives the roles, no dev identity', async () => {
    expect((await call('/admin/tools')).status).toBe(401);
    const me = await call('/me', await token({ roles: ['AIWijzer.Admin', 'AIWijzer.TeamLead'] }));
    expect(await me.json()).toEqual({ roles: ['admin', 'teamlead'], identity: 'entra' });
  });
});

describe('roles and the development identity', () => {
  it('maps the Entra app roles and ignores anything else', () => {
    expect(rolesOf(['AIWijzer.Admin', 'AIWijzer.TeamLead', 'AIWijzer.Admin'])).toEqual(['admin', 'teamlead']);
    expect(rolesOf(['aiwijzer.admin', 'toString', 'constructor', 42])).toEqual([]);
    expect(rolesOf('AIWijzer.Admin')).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
  });

  it('reads DEV_ADMINS as a list of dev user names (default beheerder) and refuses other names', () => {
    expect(loadConfig({}).DEV_ADMINS).toEqual(['beheerder']);
    expect(loadConfig({ DEV_ADMINS: '' }).DEV_ADMINS).toEqual(['beheerder']);
    expect(loadConfig({ DEV_ADMINS: 'an, piet@lokaal ,,' }).DEV_ADMINS).toEqual(['an', 'piet@lokaal']);
    expect(() => loadConfig({ DEV_ADMINS: 'an;drop table' })).toThrow(/DEV_ADMINS/);
  });

  it('refuses the development identity with NODE_ENV=production', () => {
    const config = { ...loadConfig({}), NODE_ENV: 'production' as const };
    expect(() => identifyCaller(config)).toThrow(/NODE_ENV=production/);
  });
});
