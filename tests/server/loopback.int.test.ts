import { networkInterfaces } from 'node:os';
import { sampleCheckCase } from '../helpers/check-case.js';
import { startTestServer } from '../helpers/server.js';

/** This machine's first address that is not loopback: where another machine would reach it. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('the development identity and the anonymous bot, from this machine only', () => {
  if (!outside) {
    // Without a second address no request can come from anywhere but loopback here: say so rather than pass.
    it.skip('needs a network address besides loopback on this machine (none found)', () => undefined);
    return;
  }
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const via = (host: string) => server.url.replace('localhost', host);
  beforeAll(async () => {
    server = await startTestServer({}, { host: '0.0.0.0' });
    const recorded = await fetch(`${via('127.0.0.1')}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'anna' },
      body: JSON.stringify(sampleCheckCase),
    });
    expect(recorded.status).toBe(201);
  });
  afterAll(() => server.dispose());

  it("gives anna's checks to a caller on this machine", async () => {
    const res = await fetch(`${via('127.0.0.1')}/api/checks`, { headers: { 'x-dev-user': 'anna' } });
    expect(res.status).toBe(200);
    expect((await res.json()).checks).toHaveLength(1);
  });

  it.each([
    ['X-Dev-User: anna', { 'x-dev-user': 'anna' }],
    ['X-Dev-User and a forged X-Forwarded-For: 127.0.0.1', { 'x-dev-user': 'anna', 'x-forwarded-for': '127.0.0.1' }],
    ['no header (the "lokaal" user)', {}],
  ])('refuses another machine with %s: 401 in Dutch, nothing of anna', async (_name, headers) => {
    const res = await fetch(`${via(outside)}/api/checks`, { headers });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.message).toMatch(/^Je bent niet aangemeld\./);
    expect(JSON.stringify(body)).not.toContain('copilot');
  });

  it('records nothing for another machine', async () => {
    const res = await fetch(`${via(outside)}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'anna' },
      body: JSON.stringify(sampleCheckCase),
    });
    expect(res.status).toBe(401);
    const mine = await fetch(`${via('127.0.0.1')}/api/checks`, { headers: { 'x-dev-user': 'anna' } });
    expect((await mine.json()).checks).toHaveLength(1);
  });

  it('keeps the anonymous bot (no BOT_ID) for this machine', async () => {
    const activity = {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      id: 'a1',
      conversation: { id: 'c1' },
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      text: 'help',
    };
    const res = await fetch(`${via(outside)}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(401);
  });
});
