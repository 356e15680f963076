import { recordedCheckSchema } from '../../src/api/checks.js';
import { startTestServer } from '../helpers/server.js';
import { baseCase } from './cases.js';

/** POST /api/checks with an Idempotency-Key: a retry of one submission is recorded once (issue 16, "Faults"). */
describe('a check sent again with the same Idempotency-Key', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.dispose());

  const post = (body: unknown, key?: string, init: { user?: string; lang?: string } = {}) =>
    fetch(`${server.url}/api/checks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-dev-user': init.user ?? 'anna',
        ...(init.lang ? { 'accept-language': init.lang } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    });
  const count = async () =>
    Number((await server.store.query<{ n: number }>('select count(*)::int as n from quickcheck_records'))[0]!.n);
  const newKey = () => crypto.randomUUID();

  it('is recorded once, and the retry gets the first record, also when the retries arrive together', async () => {
    const before = await count();
    const key = newKey();
    const first = recordedCheckSchema.parse(await (await post(baseCase, key)).json());
    const again = await post(baseCase, key);
    expect(again.status).toBe(201);
    expect(recordedCheckSchema.parse(await again.json())).toEqual(first);
    expect(await count()).toBe(before + 1);

    const together = newKey();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(baseCase, together)));
    const records = await Promise.all(answers.map(async (r) => recordedCheckSchema.parse(await r.json()).record));
    expect(new Set(records.map((r) => r.seq)).size).toBe(1);
    expect(await count()).toBe(before + 2);
    // Without a key, or with a new one, the same case is a new check.
    expect((await post(baseCase)).status).toBe(201);
    expect((await post(baseCase, newKey())).status).toBe(201);
    expect(await count()).toBe(before + 4);
  });

  it("is per person: someone else's key is a new check of their own", async () => {
    const key = newKey();
    const anna = recordedCheckSchema.parse(await (await post(baseCase, key)).json());
    const bert = recordedCheckSchema.parse(await (await post(baseCase, key, { user: 'bert' })).json());
    expect(bert.record.seq).not.toBe(anna.record.seq);
  });

  it('refuses a key used before for another case, and a malformed key, in the caller language, and records nothing', async () => {
    const key = newKey();
    expect((await post(baseCase, key)).status).toBe(201);
    const before = await count();
    const other = await post({ ...baseCase, purpose: 'iets anders' }, key);
    expect(other.status).toBe(400);
    const { error } = (await other.json()) as {
      error: { code: string; problems: { field: string; message: string }[] };
    };
    expect(error.code).toBe('invalid_input');
    expect(error.problems).toEqual([
      {
        field: 'Idempotency-Key',
        message:
          'Deze sleutel hoort bij een andere check die al is vastgelegd. Gebruik een nieuwe sleutel voor een nieuwe check.',
      },
    ]);
    const bad = await post(baseCase, 'kort', { lang: 'en' });
    expect(bad.status).toBe(400);
    const badError = ((await bad.json()) as { error: { problems: { field: string; message: string }[] } }).error;
    expect(badError.problems).toEqual([
      { field: 'Idempotency-Key', message: 'must be 16 to 100 letters, digits, - or _ (a UUID, for example)' },
    ]);
    expect(await count()).toBe(before);
  });
});
