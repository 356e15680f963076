import { startTestServer } from '../helpers/server.js';

describe('HTTP host', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.dispose());

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: server.store.kind });
  });

  it('sends a CSP that lets only Teams and Microsoft 365 frame the app', async () => {
    const res = await fetch(`${server.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    // Microsoft's list for tabs (learn.microsoft.com, tabs/how-to/tab-requirements), no more: no skype.com.
    expect(ancestors.sort()).toEqual(
      [
        "'self'",
        'https://*.cloud.microsoft',
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.microsoft365.com',
        'https://*.office.com',
        'https://outlook.office.com',
        'https://outlook.office365.com',
        'https://outlook-sdf.office.com',
        'https://outlook-sdf.office365.com',
      ].sort(),
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('gives unknown API paths a JSON 404 in Dutch, or English when asked, with a correlation id', async () => {
    const nl = await fetch(`${server.url}/api/bestaat-niet`);
    expect(nl.status).toBe(404);
    const body = (await nl.json()) as { error: { message: string; correlationId: string } };
    expect(body.error.message).toBe('Dit adres bestaat niet.');
    expect(body.error.correlationId).toBe(nl.headers.get('x-correlation-id'));
    const en = await fetch(`${server.url}/api/bestaat-niet`, {
      headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' },
    });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe('This address does not exist.');
  });

  it('keeps a safe correlation id the caller sends and replaces an unsafe one', async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'x-correlation-id': 'abc-12345678' } });
    expect(kept.headers.get('x-correlation-id')).toBe('abc-12345678');
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'x-correlation-id': '<script>' } });
    expect(replaced.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects malformed JSON with 400 and an over-large body with 413', async () => {
    const bad = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const big = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(300_000) }),
    });
    expect(big.status).toBe(413);
  });

  it.each([{}, { type: 1 }, [], { type: '' }])(
    'refuses a body that is no activity (%j) with 400 in Dutch',
    async (body) => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error).toMatchObject({ code: 'invalid_input', message: 'De invoer klopt niet.' });
    },
  );

  it('redirects / to the tab', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/tab/');
  });
});

describe('the bot endpoint with a bot registration', () => {
  const guid = '11111111-2222-3333-4444-555555555555';
  /** An activity as a channel would send it, but without a token. */
  const postUnsigned = (url: string) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        conversation: { id: 'c' },
        from: { id: 'u' },
        recipient: { id: 'b' },
      }),
    });

  it('refuses activities without a Bot Framework token (anonymous only without BOT_ID)', async () => {
    const server = await startTestServer({ BOT_ID: guid, BOT_PASSWORD: 'geheim', BOT_TENANT_ID: guid });
    try {
      expect((await postUnsigned(server.url)).status).toBe(401);
    } finally {
      await server.dispose();
    }
  });

  it('starts with a user-assigned managed identity (no password) and refuses unsigned activities there too', async () => {
    const server = await startTestServer({ BOT_ID: guid, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: guid });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await postUnsigned(server.url)).status).toBe(401);
    } finally {
      await server.dispose();
    }
  });
});
