import {
  auditVerifySchema,
  figuresSchema,
  meResponseSchema,
  toolChangeResponseSchema,
  toolHistorySchema,
  toolListSchema,
  versionsSchema,
} from '../../src/api/admin.js';
import { frontDoorResponseSchema } from '../../src/api/ask.js';
import { recordedCheckSchema } from '../../src/api/checks.js';
import { pseudonymFor } from '../../src/pseudonym.js';
import { loadQuickcheckContent, loadRegister } from '../../src/quickcheck/index.js';
import { baseCase } from '../quickcheck/cases.js';
import { startTestServer } from '../helpers/server.js';

/** A tool the shipped register does not have, as an admin would add it. */
const schrijfhulp = {
  name: 'Schrijfhulp Noord',
  vendor: 'Samenwerking Noord',
  aliases: ['schrijfhulp'],
  contracted: true,
  hosting: 'nl',
  maxData: 'internal',
  dpia: ['text'],
  notes: 'De schrijfhulp van de samenwerkende gemeenten.',
};

const adminRoutes: [method: string, path: string, body?: unknown][] = [
  ['GET', '/admin/tools'],
  ['PUT', '/admin/tools/schrijfhulp-noord', schrijfhulp],
  ['PUT', '/admin/tools/chatgpt-free', { ...schrijfhulp, name: 'Overgenomen' }],
  ['PUT', '/admin/tools/Not An Id', { nonsense: true }],
  ['DELETE', '/admin/tools/chatgpt-free'],
  ['GET', '/admin/tools/history'],
  ['GET', '/admin/versions'],
  ['GET', '/admin/figures'],
  ['GET', '/admin/audit/verify'],
  ['GET', '/admin/audit/export'],
];

describe('Beheer over HTTP: /api/admin/* for admins only', () => {
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
        'x-dev-user': init.user ?? 'beheerder',
        ...(init.lang ? { 'accept-language': init.lang } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  const json = async (path: string, init: Parameters<typeof call>[1] = {}) => {
    const res = await call(path, init);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  /** Everything the register and its log hold, read straight from the database. */
  const snapshot = async () => ({
    head: await server.store.query('select revision, changed_at from tool_register_head'),
    tools: await server.store.query('select id, position, entry from tool_register order by id'),
    changes: await server.store.query('select seq, tool_id, action from tool_register_changes order by seq'),
  });
  const ask = async (question: string) =>
    frontDoorResponseSchema.parse((await json('/ask', { method: 'POST', body: { question }, user: 'anna' })).body);

  it('tells the tab who is calling: roles and a clearly marked development identity, no pseudonym', async () => {
    const admin = meResponseSchema.parse((await json('/me')).body);
    expect(admin).toEqual({ roles: ['admin'], identity: 'dev', devUser: 'beheerder' });
    const staff = await json('/me', { user: 'anna' });
    expect(staff.body).toEqual({ roles: [], identity: 'dev', devUser: 'anna' });
    expect(JSON.stringify(staff.body)).not.toContain(pseudonymFor(server.config.PSEUDONYM_SECRET, 'dev:anna'));
  });

  it('starts from the YAML register: the same tools and version, revision 0', async () => {
    const { status, body } = await json('/admin/tools');
    expect(status).toBe(200);
    const list = toolListSchema.parse(body);
    const yaml = loadRegister();
    expect(list.tools).toEqual(yaml.tools);
    expect(list.register).toMatchObject({ source: 'database', revision: 0, version: yaml.version, changedAt: null });
  });

  it('refuses a staff member with 403 on every admin route, in their language, and changes nothing', async () => {
    await json('/admin/tools'); // seeded, so that "before" is the register as kept
    const before = await snapshot();
    for (const [method, path, body] of adminRoutes) {
      for (const lang of ['nl', 'en']) {
        const res = await call(path, { method, body, user: 'anna', lang });
        expect([method, path, res.status]).toEqual([method, path, 403]);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        const error = ((await res.json()) as { error: { code: string; message: string } }).error;
        expect(error.code).toBe('not_admin');
        expect(error.message).toContain(lang === 'en' ? 'Only an AI-wijzer admin' : 'Dit mag alleen een beheerder');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('adds a tool; the check and the front door know it at once, and the history names who and when', async () => {
    const unknown = await ask('mag ik Schrijfhulp Noord gebruiken om een brief te schrijven?');
    expect(unknown.outcome).toBe('check');
    expect(JSON.stringify(unknown)).not.toContain('schrijfhulp-noord');

    const started = Date.now();
    const put = await json('/admin/tools/schrijfhulp-noord', { method: 'PUT', body: schrijfhulp });
    expect(put.status).toBe(201);
    const added = toolChangeResponseSchema.parse(put.body);
    expect(added).toMatchObject({ action: 'added', id: 'schrijfhulp-noord', register: { revision: 1 } });
    // Added without `tasks`: it defaults to none, so it is never suggested as an alternative until an admin says.
    expect(added.tool).toEqual({ id: 'schrijfhulp-noord', ...schrijfhulp, tasks: [] });
    expect(added.register.version).toMatch(/\/r1\+[0-9a-f]{8}$/);

    const known = await ask('mag ik Schrijfhulp Noord gebruiken om een brief te schrijven?');
    expect(known).toMatchObject({
      outcome: 'check',
      check: { tool: { id: 'schrijfhulp-noord', name: 'Schrijfhulp Noord' }, task: 'text' },
    });
    const res = await call('/checks', { method: 'POST', body: { ...baseCase, tool: 'schrijfhulp' }, user: 'anna' });
    expect(res.status).toBe(201);
    const verdict = recordedCheckSchema.parse(await res.json());
    expect(verdict.tool).toEqual({
      id: 'schrijfhulp-noord',
      name: 'Schrijfhulp Noord',
      matched: { on: 'alias', label: 'schrijfhulp' },
    });
    expect(verdict.registerVersion).toBe(added.register.version);
    const questions = (await (await call('/checks/questions', { user: 'anna' })).json()) as {
      registerVersion: string;
      questions: { field: string; tools?: { id: string }[] }[];
    };
    expect(questions.registerVersion).toBe(added.register.version);
    expect(JSON.stringify(questions)).toContain('schrijfhulp-noord');

    const history = toolHistorySchema.parse((await json('/admin/tools/history')).body);
    expect(history.start.version).toBe(loadRegister().version);
    const [last] = history.changes;
    expect(last).toMatchObject({
      revision: 1,
      toolId: 'schrijfhulp-noord',
      action: 'added',
      who: pseudonymFor(server.config.PSEUDONYM_SECRET, 'dev:beheerder'),
      byYou: true,
      before: null,
      after: { id: 'schrijfhulp-noord', ...schrijfhulp },
    });
    expect(Date.parse(last!.at)).toBeGreaterThanOrEqual(started - 5000);
    expect(Date.parse(last!.at)).toBeLessThanOrEqual(Date.now() + 5000);
    expect(last!.who).not.toContain('beheerder');
  });

  it('refuses an invalid entry with 400 naming the field, in the caller language, and changes nothing', async () => {
    const before = await snapshot();
    const cases: [id: string, body: unknown, field: string, message?: RegExp][] = [
      ['schrijfhulp-zuid', { ...schrijfhulp, aliases: [], name: 'Zuid', maxData: 'geheim' }, 'maxData'],
      ['schrijfhulp-zuid', { ...schrijfhulp, aliases: [], name: 'Zuid', vendor: undefined }, 'vendor'],
      ['schrijfhulp-zuid', { ...schrijfhulp, name: 'Zuid', aliases: ['Chat GPT'] }, 'aliases', /chatgpt-free/],
      ['schrijfhulp-zuid', { ...schrijfhulp, aliases: [] }, 'name', /schrijfhulp-noord/],
      [
        'schrijfhulp-zuid',
        { ...schrijfhulp, aliases: [], name: 'Zuid', contracted: false, maxData: 'personal' },
        'maxData',
        /'none'/,
      ],
      ['schrijfhulp-zuid', { ...schrijfhulp, aliases: [], name: 'Zuid', id: 'iets-anders' }, 'id', /schrijfhulp-zuid/],
      ['Schrijfhulp Zuid', { ...schrijfhulp, aliases: [], name: 'Zuid' }, 'id', /kleine letters/],
      ['schrijfhulp-zuid', { ...schrijfhulp, aliases: [], name: 'Zuid', prijs: 12 }, '(invoer)', /prijs/],
      ['schrijfhulp-zuid', [schrijfhulp], '(invoer)'],
    ];
    for (const [id, body, field, message] of cases) {
      const { status, body: answer } = await json(`/admin/tools/${encodeURIComponent(id)}`, { method: 'PUT', body });
      expect([id, field, status]).toEqual([id, field, 400]);
      const error = (
        answer as { error: { code: string; message: string; problems: { field: string; message: string }[] } }
      ).error;
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('De invoer klopt niet.');
      expect(error.problems).toEqual(
        expect.arrayContaining([{ field, message: message ? expect.stringMatching(message) : expect.any(String) }]),
      );
    }
    const en = await json('/admin/tools/schrijfhulp-zuid', {
      method: 'PUT',
      body: { ...schrijfhulp, name: 'Zuid', aliases: ['chatgpt'] },
      lang: 'en',
    });
    expect(en.status).toBe(400);
    expect(en.body).toMatchObject({
      error: {
        message: 'The input is not valid.',
        problems: [{ field: 'aliases', message: expect.stringMatching(/also names tool 'chatgpt-free'/) }],
      },
    });
    const enType = await json('/admin/tools/schrijfhulp-zuid', {
      method: 'PUT',
      body: { ...schrijfhulp, name: 'Zuid', aliases: [], hosting: 'mars' },
      lang: 'en',
    });
    expect(enType.body).toMatchObject({
      error: { problems: [{ field: 'hosting', message: expect.stringMatching(/expected one of/i) }] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('changes an entry (logged with before and after), leaves an unchanged one unlogged, and removes one', async () => {
    const changed = await json('/admin/tools/schrijfhulp-noord', {
      method: 'PUT',
      body: { ...schrijfhulp, maxData: 'personal', id: 'schrijfhulp-noord' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ action: 'changed', register: { revision: 2 }, tool: { maxData: 'personal' } });
    const logged = (await snapshot()).changes.length;
    const again = await json('/admin/tools/schrijfhulp-noord', {
      method: 'PUT',
      body: { ...schrijfhulp, maxData: 'personal' },
    });
    expect(again.body).toMatchObject({ action: 'unchanged', register: { revision: 2 } });
    expect((await snapshot()).changes.length).toBe(logged);

    const history = toolHistorySchema.parse((await json('/admin/tools/history?limit=1')).body);
    expect(history.changes).toHaveLength(1);
    expect(history.changes[0]).toMatchObject({
      action: 'changed',
      before: { maxData: 'internal' },
      after: { maxData: 'personal' },
    });
    const older = toolHistorySchema.parse((await json(`/admin/tools/history?before=${history.changes[0]!.seq}`)).body);
    expect(older.changes.map((c) => c.action)).toEqual(['added']);
    expect((await json('/admin/tools/history?limit=0')).status).toBe(400);

    expect((await json('/admin/tools/bestaat-niet', { method: 'DELETE' })).status).toBe(404);
    const removed = await json('/admin/tools/schrijfhulp-noord', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ action: 'removed', id: 'schrijfhulp-noord', register: { revision: 3 } });
    const list = toolListSchema.parse((await json('/admin/tools')).body);
    expect(list.tools.map((t) => t.id)).toEqual(loadRegister().tools.map((t) => t.id));
    const gone = await ask('mag ik Schrijfhulp Noord gebruiken om een brief te schrijven?');
    expect(JSON.stringify(gone)).not.toContain('schrijfhulp-noord');
    const last = toolHistorySchema.parse((await json('/admin/tools/history')).body).changes[0]!;
    expect(last).toMatchObject({ action: 'removed', before: { id: 'schrijfhulp-noord' }, after: null });
  });

  it('gives the versions of rules, questions, register and vision', async () => {
    const versions = versionsSchema.parse((await json('/admin/versions')).body);
    const content = loadQuickcheckContent();
    expect(versions.rules.version).toBe(content.rulesVersion);
    expect(versions.questions.version).toBe(content.questions.version);
    expect(versions.register).toMatchObject({ source: 'database', revision: 3, startVersion: loadRegister().version });
    expect(versions.register.changedAt).not.toBeNull();
    expect(versions.vision.version).toMatch(/\S/);
  });

  it('gives figures per verdict, tool, language and section, without names or pseudonyms', async () => {
    for (const user of ['bert', 'carla'])
      await call('/checks', { method: 'POST', body: { ...baseCase, tool: 'Perplexity' }, user });
    await call('/ask/feedback', { method: 'POST', body: { sectionId: 'privacy', helpful: true }, user: 'bert' });
    await call('/ask/feedback', { method: 'POST', body: { sectionId: 'privacy', helpful: false }, user: 'carla' });
    await call('/ask', { method: 'POST', body: { question: 'Hoe verleng ik mijn rijbewijs?' }, user: 'bert' });
    await call('/ask', { method: 'POST', body: { question: 'How do I renew my passport?' }, user: 'bert' });

    const { status, body } = await json('/admin/figures');
    expect(status).toBe(200);
    const figures = figuresSchema.parse(body);
    const recorded = await server.store.query<{ verdict: string }>('select verdict from quickcheck_records');
    expect(figures.checks.total).toBe(recorded.length);
    expect(Object.values(figures.checks.perVerdict).reduce((a, b) => a + b, 0)).toBe(recorded.length);
    expect(figures.checks.perTool).toEqual(
      expect.arrayContaining([
        { toolId: 'schrijfhulp-noord', name: 'Schrijfhulp Noord', count: 1 },
        { toolId: null, name: null, count: 2 },
      ]),
    );
    expect(figures.unanswered.total).toBeGreaterThanOrEqual(2);
    expect(figures.unanswered.perLanguage.nl).toBeGreaterThanOrEqual(1);
    expect(figures.unanswered.perLanguage.en).toBeGreaterThanOrEqual(1);
    expect(figures.feedback).toEqual(
      expect.arrayContaining([{ sectionId: 'privacy', heading: expect.any(String), helpful: 1, notHelpful: 1 }]),
    );
    const text = JSON.stringify(body);
    for (const user of ['anna', 'bert', 'carla', 'beheerder']) {
      expect(text).not.toContain(user);
      expect(text).not.toContain(pseudonymFor(server.config.PSEUDONYM_SECRET, `dev:${user}`));
    }
    expect(text).not.toContain('Perplexity');
    expect(text).not.toContain('rijbewijs');

    const future = figuresSchema.parse((await json('/admin/figures?since=2999-01-01')).body);
    expect(future).toMatchObject({ since: '2999-01-01', checks: { total: 0, perTool: [] }, unanswered: { total: 0 } });
    expect((await json('/admin/figures?since=gisteren')).status).toBe(400);
  });

  it('verifies the audit record (whole) and exports it as CSV with a byte order mark and semicolons', async () => {
    const count = (await server.store.query('select seq from quickcheck_records')).length;
    expect(count).toBeGreaterThan(0);
    const verify = auditVerifySchema.parse((await json('/admin/audit/verify')).body);
    expect(verify).toEqual({ ok: true, count, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const res = await call('/admin/audit/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="ai-wijzer-checks-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0]).toBe(
      'seq;tijdstip;pseudoniem;tool_id;tool;taak;doel;oordeel;regels;regelversie;registerversie;hash;gewist',
    );
    expect(lines).toHaveLength(count + 1);
    expect(text).toContain('Schrijfhulp Noord');
  });
});
