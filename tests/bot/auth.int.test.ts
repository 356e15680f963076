import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { tableSnapshots } from '../helpers/db-snapshot.js';
import { startTestServer } from '../helpers/server.js';

/**
 * The Bot Framework's side of a token, played by a local key server: OpenID metadata and the signing keys (with the
 * channels each key is endorsed for), as login.botframework.com publishes them. Tokens are signed with its key.
 */
async function startKeyServer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'local-key', use: 'sig', alg: 'RS256' };
  let base = '';
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid')
      return res.end(
        JSON.stringify({
          issuer: 'https://api.botframework.com',
          jwks_uri: `${base}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    if (req.url === '/keys') return res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, privateKey, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const botId = '11111111-2222-3333-4444-555555555555';
const serviceUrl = 'https://smba.trafficmanager.net/emea/';
// An invoke is answered in the HTTP response itself, so that a served activity needs no call back to a connector.
const activity = {
  type: 'invoke',
  name: 'adaptiveCard/action',
  channelId: 'msteams',
  serviceUrl,
  id: 'a-1',
  conversation: { id: 'c-1', conversationType: 'personal', tenantId: botId },
  from: { id: 'u-1' },
  recipient: { id: `28:${botId}` },
  value: { action: { type: 'Action.Execute', verb: 'quickcheck.restart', data: { lang: 'nl' } }, trigger: 'manual' },
};

describe('the bot endpoint accepts only activities with a valid Bot Framework token', () => {
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    keys = await startKeyServer();
    server = await startTestServer(
      { BOT_ID: botId, BOT_PASSWORD: 'geheim', BOT_TENANT_ID: botId },
      {
        // With one setting overridden botbuilder takes them all from here: the public cloud's, but the keys are ours.
        botAuthOverrides: {
          ToBotFromChannelOpenIdMetadataUrl: `${keys.base}/openid`,
          ToBotFromEmulatorOpenIdMetadataUrl: `${keys.base}/openid`,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${botId}`,
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          ValidateAuthority: true,
          CallerId: 'urn:botframework:azure',
        },
      },
    );
  });
  afterAll(async () => {
    await server?.dispose();
    await keys?.close();
  });

  const token = (
    claims: Record<string, unknown> = {},
    options: { key?: CryptoKey; expiresIn?: string; issuer?: string; notBefore?: string } = {},
  ) =>
    new SignJWT({ serviceurl: serviceUrl, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'local-key', typ: 'JWT' })
      .setIssuer(options.issuer ?? 'https://api.botframework.com')
      .setAudience(typeof claims.aud === 'string' ? claims.aud : botId)
      .setIssuedAt()
      .setNotBefore(options.notBefore ?? '-1m')
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? keys.privateKey);
  const post = (authorization?: string, body: object = activity) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
  /** Every way the Bot Framework's token can be wrong, for the activity `body`. */
  async function refusedCases(body: {
    channelId: string;
    serviceUrl: string;
  }): Promise<[string, string | undefined][]> {
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'https://api.botframework.com', aud: botId, serviceurl: body.serviceUrl, nbf: now - 60, exp: now + 3600 })}.`;
    return [
      ['missing', undefined],
      ['expired', `Bearer ${await token({}, { expiresIn: '-10m' })}`],
      ['not yet valid (nbf in ten minutes)', `Bearer ${await token({}, { notBefore: '10m', expiresIn: '2h' })}`],
      ['forged', `Bearer ${await token({}, { key: otherKey })}`],
      ['wrong audience', `Bearer ${await token({ aud: '99999999-2222-3333-4444-555555555555' })}`],
      ['wrong issuer', `Bearer ${await token({}, { issuer: 'https://evil.example' })}`],
      ['alg none', `Bearer ${unsigned}`],
      ['for another service URL', `Bearer ${await token({ serviceurl: 'https://elders.example/' })}`],
    ];
  }

  it('serves an activity whose token is signed by the published key, for this bot, from the Bot Framework', async () => {
    const res = await post(`Bearer ${await token()}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; value: { body: unknown[] } };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('refuses a missing, expired, not yet valid, forged, wrongly addressed, wrongly issued or unsigned token with 401', async () => {
    for (const [what, authorization] of await refusedCases(activity)) {
      const res = await post(authorization);
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
      expect(await res.text()).not.toContain('AdaptiveCard');
    }
  });

  it("refuses a token whose key is not endorsed for the activity's channel with 401", async () => {
    const res = await post(`Bearer ${await token()}`, { ...activity, channelId: 'webchat' });
    expect(res.status).toBe(401);
  });

  it('refuses a card submit (Action.Submit) with any such token, and nothing is recorded or kept', async () => {
    // The check card's fallback: a message whose value holds the answers; accepted, it would record a check.
    const submit = {
      ...activity,
      type: 'message',
      name: undefined,
      text: '',
      value: {
        verb: 'quickcheck.submit',
        lang: 'nl',
        tool: 'ChatGPT (gratis)',
        purpose: 'een brief',
        task: '0',
        prohibitedPractice: '0',
        personalData: '0',
        confidentialData: '0',
        decisionAboutPerson: '0',
        humanReview: '0',
        audience: '0',
        syntheticMedia: '0',
        phase: '0',
        trainingDone: '0',
      },
    };
    const snapshot = tableSnapshots(server.store);
    const before = await snapshot();
    for (const [what, authorization] of [
      ...(await refusedCases(submit)),
      ['channel not endorsed', `Bearer ${await token()}`] as [string, string],
    ]) {
      const body = what === 'channel not endorsed' ? { ...submit, channelId: 'webchat' } : submit;
      const res = await post(authorization, body);
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
    }
    expect(await snapshot()).toEqual(before);
  });
});
