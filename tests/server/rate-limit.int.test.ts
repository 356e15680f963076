import { sampleCheckCase } from '../helpers/check-case.js';
import { startTestServer } from '../helpers/server.js';

describe('rate limits on /api', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  afterEach(() => server.dispose());

  const post = (user: string) =>
    fetch(`${server.url}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': user },
      body: JSON.stringify(sampleCheckCase),
    });
  const recorded = async () =>
    (await server.store.query<{ n: number }>('select count(*)::int as n from quickcheck_records'))[0]!.n;

  it("answers a person's request beyond RATE_LIMIT_PER_USER with 429 in Dutch, records nothing, and spares others", async () => {
    server = await startTestServer({ RATE_LIMIT_PER_USER: '3', RATE_LIMIT_PER_IP: '1000' });
    for (let i = 0; i < 3; i++) expect((await post('anna')).status).toBe(201);
    const limited = await post('anna');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-policy')).toMatch(/q=3/);
    const body = await limited.json();
    expect(body.error).toMatchObject({ code: 'rate_limited' });
    expect(body.error.message).toMatch(/^Te veel verzoeken\. Er is niets gewijzigd/);
    // Another person is not held up by anna's requests.
    expect((await post('bert')).status).toBe(201);
    // anna's three and bert's one: the refused request recorded nothing.
    expect(await recorded()).toBe(4);
  });

  it('limits an address before anyone is identified, health checks excepted', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_USER: '1000', RATE_LIMIT_PER_IP: '4' });
    for (let i = 0; i < 4; i++) expect((await post(`p${i}`)).status).toBe(201);
    const limited = await post('p9');
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.message).toMatch(/^Te veel verzoeken/);
    const english = await fetch(`${server.url}/api/vision`, { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(429);
    expect((await english.json()).error.message).toMatch(/^Too many requests\./);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // What was refused stored nothing: the database has the four checks only.
    expect(await recorded()).toBe(4);
  });
});
