import { connect } from 'node:net';
import { tableSnapshots } from '../helpers/db-snapshot.js';
import { startTestServer } from '../helpers/server.js';

/** Sends raw bytes and reads the whole answer: fetch cannot send broken HTTP. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string) {
  const [head, body] = answer.split('\r\n\r\n', 2) as [string, string];
  return { status: Number(head.split(' ')[1]), head, body: JSON.parse(body) };
}

describe("requests Node refuses before Express: the API's error shape, not an empty answer", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.dispose());

  it('answers an address over 16 kB with 431 and a Dutch and English JSON message, and changes nothing', async () => {
    const snapshot = tableSnapshots(server.store);
    const before = await snapshot();
    const answer = await fetch(`${server.url}/api/checks?tool=${'x'.repeat(20_000)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'anna' },
      body: '{}',
    });
    expect(answer.status).toBe(431);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await answer.json();
    expect(body.error).toMatchObject({ code: 'headers_too_large', correlationId: expect.any(String) });
    expect(body.error.message).toMatch(/te lang.*\/ The address or the headers of the request are too long/);
    expect(await snapshot()).toEqual(before);
  });

  it('answers headers over 16 kB the same way', async () => {
    const answer = await fetch(`${server.url}/api/vision`, { headers: { 'x-padding': 'y'.repeat(17_000) } });
    expect(answer.status).toBe(431);
    expect((await answer.json()).error.code).toBe('headers_too_large');
  });

  it('answers broken HTTP with 400 in the same shape', async () => {
    const { status, head, body } = parse(
      await raw(server.port, 'GET /api/vision HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
    );
    expect(status).toBe(400);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(body.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/geen geldig HTTP-verzoek/),
    });
  });

  it('keeps serving after such requests', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
