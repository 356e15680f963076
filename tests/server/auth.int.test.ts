import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../../src/config.js';
import { startKeyServer, testClientId, testTenant } from '../helpers/entra-keys.js';
import { pseudonymFor } from '../../src/pseudonym.js';
import { callerOf, identifyCaller } from '../../src/server/auth.js';
import { correlationId } from '../../src/server/correlation.js';
import { errorHandler } from '../../src/server/errors.js';
import { createLogger } from '../../src/log.js';

const tenant = testTenant;
const otherTenant = '11111111-1111-4111-8111-111111111111';
const clientId = testClientId;

describe('identifying the caller of /api', () => {
  let keyServer: { url: string; server: Server };
  let privateKey: CryptoKey;
  let app: Server;
  let appUrl: string;
  const secret = 'een-geheime-sleutel-voor-tests-123';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    keyServer = await startKeyServer(await exportJWK(pair.publicKey));
    const config = loadConfig({
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_TENANT_ID: tenant,
      AAD_AUTHORITY_HOST: keyServer.url,
      PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
      PSEUDONYM_SECRET: secret,
    });
    const web = express();
    web.use(correlationId);
    web.get('/api/me', identifyCaller(config), (req, res) => res.json({ pseudonym: callerOf(req).pseudonym }));
    web.use(errorHandler(createLogger('silent')));
    app = web.listen(0, '127.0.0.1');
    await new Promise((resolve) => app.once('listening', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => app.close(resolve));
    await new Promise((resolve) => keyServer.server.close(resolve));
  });

  function token(
    claims: Record<string, unknown>,
    options: { audience?: string; issuer?: string; expires?: string; key?: CryptoKey } = {},
  ) {
    return new SignJWT({ scp: 'access_as_user', tid: tenant, oid: 'object-id-1', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setAudience(options.audience ?? `api://ai-wijzer.groningen.nl/${clientId}`)
      .setIssuer(options.issuer ?? `${keyServer.url}/${tenant}/v2.0`)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.key ?? privateKey);
  }

  async function call(bearer?: string) {
    return fetch(`${appUrl}/api/me`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  }

  it('accepts a valid tab SSO token and knows the caller only by a pseudonym', async () => {
    const res = await call(await token({}));
    expect(res.status).toBe(200);
    const { pseudonym } = (await res.json()) as { pseudonym: string };
    expect(pseudonym).toBe(pseudonymFor(secret, `${tenant}:object-id-1`));
    expect(pseudonym).not.toContain('object-id-1');
  });

  it('accepts the v1 issuer and the bare client id as audience', async () => {
    const res = await call(await token({}, { audience: clientId, issuer: `https://sts.windows.net/${tenant}/` }));
    expect(res.status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['another audience', async () => token({}, { audience: 'api://elders.example/abc' })],
    ['another issuer', async () => token({}, { issuer: 'https://login.example/evil/v2.0' })],
    ['an expired token', async () => token({}, { expires: '-10m' })],
    ['a token without access_as_user', async () => token({ scp: 'User.Read' })],
    ['a token of another tenant', async () => token({ tid: otherTenant })],
    [
      'a token signed with another key',
      async () => token({}, { key: (await generateKeyPair('RS256')).privateKey as CryptoKey }),
    ],
  ])('refuses %s with 401 in Dutch', async (_name, make) => {
    const res = await call(await make());
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message).toContain('Je bent niet aangemeld');
  });
});
