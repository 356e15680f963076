import { sampleCheckCase } from '../helpers/check-case.js';
import { tableSnapshots } from '../helpers/db-snapshot.js';
import { startTestServer } from '../helpers/server.js';

describe('strict CORS on /api: only its own pages', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  afterEach(() => server.dispose());

  const post = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'anna', ...headers },
      body: JSON.stringify(sampleCheckCase),
    });

  it('refuses a request from another site in Dutch or English, without CORS headers, and changes nothing', async () => {
    server = await startTestServer();
    const snapshot = tableSnapshots(server.store);
    const before = await snapshot();
    const otherSites: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      // Same host name, other port or scheme: another origin.
      { origin: server.url.replace(/:\d+$/, ':1') },
      { origin: server.url.replace('http:', 'https:') },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of otherSites) {
      const refused = await post(headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const body = await refused.json();
      expect(body.error).toMatchObject({ code: 'cross_origin', message: expect.stringMatching(/andere website/) });
    }
    const english = await post({ origin: 'https://evil.example', 'accept-language': 'en' });
    expect((await english.json()).error.message).toMatch(/^This request comes from another website/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a preflight from another site, so a browser never sends the request itself', async () => {
    server = await startTestServer();
    const preflight = await fetch(`${server.url}/api/checks`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-dev-user',
      },
    });
    expect(preflight.status).toBe(403);
    for (const [name] of preflight.headers) expect(name).not.toMatch(/^access-control-/);
  });

  it('lets its own pages, PUBLIC_URL and callers without a browser (CLI, Bot Connector) through', async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://ai-wijzer.groningen.example' });
    expect((await post({ origin: server.url })).status).toBe(201);
    expect(
      (await post({ origin: 'https://ai-wijzer.groningen.example', 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(201);
    expect((await post({})).status).toBe(201);
    // Behind the https proxy: the origin the request was addressed to, as the proxy says.
    expect(
      (
        await post({
          origin: 'https://tab.proxy.example',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'tab.proxy.example',
        })
      ).status,
    ).toBe(201);
    const rows = await server.store.query<{ n: number }>('select count(*)::int as n from quickcheck_records');
    expect(rows[0]!.n).toBe(4);
  });
});
