import { checkDetailSchema, checkListSchema, recordedCheckSchema } from '../../src/api/checks.js';
import { startTestServer } from '../helpers/server.js';
import { baseCase } from './cases.js';

/** GET /api/checks/:seq and POST /api/checks/:seq/reassess: one's own check again, and judged with the rules of now. */
describe('one of my checks, and reassessing it with the current rules', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.dispose());

  const call = (path: string, init: { method?: string; body?: unknown; user?: string; lang?: string } = {}) =>
    fetch(`${server.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        'x-dev-user': init.user ?? 'anna',
        ...(init.lang ? { 'accept-language': init.lang } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  const count = async () =>
    Number((await server.store.query<{ n: number }>('select count(*)::int as n from quickcheck_records'))[0]!.n);

  it('gives my own check with the case it judged and the versions of now; anyone else gets 404, a bad number 400', async () => {
    const made = recordedCheckSchema.parse(
      await (
        await call('/checks', { method: 'POST', body: { ...baseCase, purpose: 'mail van jan@example.org' } })
      ).json(),
    );
    const res = await call(`/checks/${made.record.seq}`);
    expect(res.status).toBe(200);
    const detail = checkDetailSchema.parse(await res.json());
    expect(detail).toMatchObject({ verdict: made.verdict, record: made.record, reasons: made.reasons });
    // The case as recorded: the purpose masked.
    expect(detail.case).toMatchObject({ ...baseCase, purpose: expect.not.stringContaining('jan@example.org') });
    expect(detail.current).toEqual({ rulesVersion: made.rulesVersion, registerVersion: made.registerVersion });

    const other = await call(`/checks/${made.record.seq}`, { user: 'bert' });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('check_not_found');
    expect((await call('/checks/999999')).status).toBe(404);
    const bad = await call('/checks/nul', { lang: 'en' });
    expect(bad.status).toBe(400);
    expect((await call('/checks/questions')).status).toBe(200);
  });

  it('lists my checks with the versions of now, and after a register change reassesses one as a new record', async () => {
    const first = recordedCheckSchema.parse(
      await (
        await call('/checks', { method: 'POST', body: { ...baseCase, tool: 'Schrijfhulp Noord' }, user: 'carla' })
      ).json(),
    );
    expect(first.tool.id).toBeNull();
    const before = checkListSchema.parse(await (await call('/checks', { user: 'carla' })).json());
    expect(before.current).toEqual({ rulesVersion: first.rulesVersion, registerVersion: first.registerVersion });

    // An admin adds the tool: the register has a new version, so the recorded check was judged with an older one.
    const added = await call('/admin/tools/schrijfhulp-noord', {
      method: 'PUT',
      user: 'beheerder',
      body: {
        name: 'Schrijfhulp Noord',
        vendor: 'Samenwerking Noord',
        aliases: ['schrijfhulp noord'],
        contracted: true,
        hosting: 'nl',
        maxData: 'internal',
        dpia: ['text'],
      },
    });
    expect(added.status).toBe(201);
    const after = checkListSchema.parse(await (await call('/checks', { user: 'carla' })).json());
    expect(after.current!.registerVersion).not.toBe(first.registerVersion);
    expect(after.checks[0]!.registerVersion).toBe(first.registerVersion);

    // Someone else cannot reassess it, and nothing is recorded for them.
    const n = await count();
    expect((await call(`/checks/${first.record.seq}/reassess`, { method: 'POST', user: 'dirk' })).status).toBe(404);
    expect(await count()).toBe(n);

    const res = await call(`/checks/${first.record.seq}/reassess`, { method: 'POST', user: 'carla' });
    expect(res.status).toBe(201);
    const again = recordedCheckSchema.parse(await res.json());
    expect(again.record.seq).toBeGreaterThan(first.record.seq);
    expect(again.tool).toEqual({
      id: 'schrijfhulp-noord',
      name: 'Schrijfhulp Noord',
      matched: { on: 'name', label: 'Schrijfhulp Noord' },
    });
    expect(again.registerVersion).toBe(after.current!.registerVersion);
    expect(await count()).toBe(n + 1);
    const listed = checkListSchema.parse(await (await call('/checks', { user: 'carla' })).json());
    expect(listed.checks.map((c) => c.seq)).toEqual([again.record.seq, first.record.seq]);
  });
});
