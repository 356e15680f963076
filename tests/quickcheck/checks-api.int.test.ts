import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkListSchema, checkQuestionsSchema, recordedCheckSchema } from '../../src/api/checks.js';
import { loadConfig } from '../../src/config.js';
import { createApplication } from '../../src/app/index.js';
import { createLogger } from '../../src/log.js';
import { startTestServer } from '../helpers/server.js';
import { baseCase } from './cases.js';

describe('POST and GET /api/checks', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.dispose());

  const post = (body: unknown, user = 'anna', headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': user, ...headers },
      body: JSON.stringify(body),
    });
  const list = async (user: string) =>
    checkListSchema.parse(await (await fetch(`${server.url}/api/checks`, { headers: { 'x-dev-user': user } })).json());
  const count = async () =>
    Number((await server.store.query<{ n: number }>('select count(*)::int as n from quickcheck_records'))[0]!.n);

  it('evaluates a case, records it and answers with the verdict, its sources and where it was recorded', async () => {
    const before = await count();
    const res = await post({ ...baseCase, tool: 'chat gpt', personalData: 'ordinary', task: 'summarize' });
    expect(res.status).toBe(201);
    const body = recordedCheckSchema.parse(await res.json());
    expect(body.verdict).toBe('prohibited');
    // The entry it used and why: the alias the name matched.
    expect(body.tool).toEqual({
      id: 'chatgpt-free',
      name: 'ChatGPT (gratis)',
      matched: { on: 'alias', label: 'chat gpt' },
    });
    expect(body.reasons[0]!.sources.length).toBeGreaterThan(0);
    expect(body.record.seq).toBe(before + 1);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a bad case with 400, naming the field and what is allowed, and records nothing', async () => {
    const before = await count();
    const res = await post({ ...baseCase, task: 'poems', humanReview: 'ja', extra: 1 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; message: string; problems: { field: string; message: string }[] };
    };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toBe('De invoer klopt niet.');
    expect(body.error.problems).toEqual(
      expect.arrayContaining([
        { field: 'task', message: expect.stringContaining('"summarize"') },
        { field: 'humanReview', message: expect.stringContaining('true|false') },
        { field: '(invoer)', message: expect.stringContaining('extra') },
      ]),
    );
    const missing = await post({ tool: 'copilot' });
    expect(missing.status).toBe(400);
    const en = await post({ ...baseCase, personalData: 'some' }, 'anna', { 'accept-language': 'en' });
    expect(((await en.json()) as { error: { problems: { message: string }[] } }).error.problems[0]!.message).toMatch(
      /^Invalid option: expected one of "none"\|"ordinary"\|"sensitive"\|"unknown"/,
    );
    expect(await count()).toBe(before);
  });

  it('asks which tool is meant when the name fits several entries ("copilot"), with 400 on the tool field, and records nothing', async () => {
    const before = await count();
    const res = await post({ ...baseCase, tool: 'copilot' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; problems: { field: string; message: string }[] } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.problems).toEqual([
      {
        field: 'tool',
        message:
          "'copilot' past bij meer tools in het register: Microsoft 365 Copilot, Microsoft 365 Copilot Chat of GitHub Copilot (gratis). Kies welke je bedoelt.",
      },
    ]);
    const en = await post({ ...baseCase, tool: 'DeepL' }, 'anna', { 'accept-language': 'en' });
    expect(((await en.json()) as { error: { problems: { message: string }[] } }).error.problems[0]!.message).toBe(
      "'DeepL' fits several tools in the register: DeepL Translator (free) or DeepL Pro. Choose the one you mean.",
    );
    expect(await count()).toBe(before);
    // The entry chosen by its id is judged, and the verdict says it was recognised by its id.
    const chosen = recordedCheckSchema.parse(await (await post({ ...baseCase, tool: 'copilot-chat' })).json());
    expect(chosen.tool).toEqual({
      id: 'copilot-chat',
      name: 'Microsoft 365 Copilot Chat',
      matched: { on: 'id', label: 'copilot-chat' },
    });
  });

  it('answers in English when the caller prefers it', async () => {
    const res = await post({ ...baseCase, trainingDone: false }, 'anna', { 'accept-language': 'en-GB,en;q=0.9' });
    const body = recordedCheckSchema.parse(await res.json());
    expect(body.verdict).toBe('conditional');
    expect(body.conditions[0]!.text).toBe("Take the municipality's AI literacy training.");
  });

  it("lists only the caller's own checks: user B never sees user A's", async () => {
    await post({ ...baseCase, purpose: 'van bert' }, 'bert');
    await post({ ...baseCase, purpose: 'tweede van bert', audience: 'published' }, 'bert');
    await post({ ...baseCase, purpose: 'van carla' }, 'carla');
    const bert = await list('bert');
    expect(bert.checks.map((c) => c.purpose)).toEqual(['tweede van bert', 'van bert']);
    expect(bert.checks[0]).toMatchObject({
      verdict: 'conditional',
      ruleIds: ['published-output'],
      task: 'text',
      tool: { id: 'copilot-chat' },
    });
    const carla = await list('carla');
    expect(carla.checks.map((c) => c.purpose)).toEqual(['van carla']);
    expect((await list('dirk')).checks).toEqual([]);
    const anna = await list('anna');
    expect(anna.checks.every((c) => !c.purpose.includes('bert'))).toBe(true);
  });

  it('pages back with limit and before, and refuses a bad limit', async () => {
    for (let i = 0; i < 3; i++) await post({ ...baseCase, purpose: `pagina ${i}` }, 'eva');
    const page = checkListSchema.parse(
      await (await fetch(`${server.url}/api/checks?limit=2`, { headers: { 'x-dev-user': 'eva' } })).json(),
    );
    expect(page.checks.map((c) => c.purpose)).toEqual(['pagina 2', 'pagina 1']);
    const next = checkListSchema.parse(
      await (
        await fetch(`${server.url}/api/checks?limit=2&before=${page.checks[1]!.seq}`, {
          headers: { 'x-dev-user': 'eva' },
        })
      ).json(),
    );
    expect(next.checks.map((c) => c.purpose)).toEqual(['pagina 0']);
    const bad = await fetch(`${server.url}/api/checks?limit=5000`, { headers: { 'x-dev-user': 'eva' } });
    expect(bad.status).toBe(400);
  });

  it('serves the questions and the register tools for the form, in Dutch or English', async () => {
    const nl = checkQuestionsSchema.parse(await (await fetch(`${server.url}/api/checks/questions`)).json());
    expect(nl.questions).toHaveLength(12);
    expect(
      nl.questions
        .find((q) => q.field === 'personalData')!
        .options!.some((o) => o.unknown && o.label === 'weet ik niet'),
    ).toBe(true);
    expect(nl.tools.map((t) => t.id)).toContain('chatgpt-free');
    const en = checkQuestionsSchema.parse(
      await (await fetch(`${server.url}/api/checks/questions`, { headers: { 'accept-language': 'en' } })).json(),
    );
    expect(en.questions[0]!.text).toBe('Which AI tool do you want to use?');
    expect(nl.tools.find((t) => t.id === 'chatgpt-free')!.name).toBe('ChatGPT (gratis)');
    expect(en.tools.find((t) => t.id === 'chatgpt-free')!.name).toBe('ChatGPT (free)');
    expect(en.tools.find((t) => t.id === 'deepl-pro')!.name).toBe('DeepL Pro');
  });
});

describe('the server with a tool register from TOOL_REGISTER_PATH', () => {
  it('uses that register, and refuses to start with a broken one, naming the file, line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quickcheck-register-'));
    const good = join(dir, 'tools.yaml');
    writeFileSync(
      good,
      'version: "gemeente-7"\ntools:\n  - id: eigen-ai\n    name: Eigen AI\n    vendor: Gemeente\n    contracted: true\n    hosting: own\n    maxData: sensitive\n',
    );
    const server = await startTestServer({ TOOL_REGISTER_PATH: good });
    try {
      const res = await fetch(`${server.url}/api/checks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...baseCase, tool: 'eigen ai' }),
      });
      expect(recordedCheckSchema.parse(await res.json())).toMatchObject({
        verdict: 'allowed',
        registerVersion: expect.stringMatching(/^gemeente-7\+[0-9a-f]{8}$/),
        tool: { id: 'eigen-ai' },
      });
    } finally {
      await server.dispose();
    }
    const bad = join(dir, 'broken.yaml');
    writeFileSync(
      bad,
      'version: "x"\ntools:\n  - id: eigen-ai\n    name: Eigen AI\n    contracted: true\n    hosting: own\n    maxData: geheim\n',
    );
    // The application loads the register when it is built at start-up; a broken one stops start-up with this error.
    const config = loadConfig({ NODE_ENV: 'test', TOOL_REGISTER_PATH: bad });
    expect(() => createApplication({ config, logger: createLogger('silent') })).toThrow(
      /broken\.yaml[\s\S]*tools\[0\]\.vendor[\s\S]*regel 7, tools\[0\]\.maxData/,
    );
  });
});
