import { askFeedbackResponseSchema, askResponseSchema } from '../../src/api/ask.js';
import { visionFeedbackStore } from '../../src/store/repositories/vision.js';
import { sharedVision } from '../../src/vision/index.js';
import { startTestServer } from '../helpers/server.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe.each([
  ['without question text', 'false'],
  ['with question text', 'true'],
])('POST /api/ask over HTTP (%s)', (_label, storeText) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({
      ASK_STORE_QUESTION_TEXT: storeText,
      PRIVACY_CONTACT: 'het AI-team (ai@example.nl)',
    });
  });
  afterAll(async () => server.dispose());
  const feedback = () => visionFeedbackStore(server.store).list();

  it('answers with a quote that is an exact substring of the vision, and stores nothing for an answer', async () => {
    const res = await post(`${server.url}/api/ask`, { question: 'Wat is kunstmatige intelligentie?' });
    expect(res.status).toBe(200);
    const body = askResponseSchema.parse(await res.json());
    expect(body.outcome).toBe('answer');
    expect(body.language).toBe('nl');
    const section = sharedVision().languages.nl.document.sections.find((s) => s.id === body.citations[0]!.sectionId)!;
    expect(section.body).toContain(body.citations[0]!.quote);
    expect(body.visionVersion).toBe(sharedVision().version);
    expect(await feedback()).toEqual([]);
  });

  it('abstains on an out-of-scope question with the configured contact, and records it', async () => {
    const res = await post(`${server.url}/api/ask`, { question: 'Hoe verleng ik mijn rijbewijs?' });
    const body = askResponseSchema.parse(await res.json());
    expect(body.outcome).toBe('abstain');
    expect(body.answer).toContain('het AI-team (ai@example.nl)');
    const [stored] = await feedback();
    expect(stored).toMatchObject({ kind: 'unanswered', outcome: 'abstain', language: 'nl' });
    if (storeText === 'true') expect(stored!.question).toBe('Hoe verleng ik mijn rijbewijs?');
    else expect(stored!.question).toBeUndefined();
  });

  it('rejects an empty or too long question with 400 and a Dutch message, storing nothing', async () => {
    const before = (await feedback()).length;
    for (const question of ['', '   ', 'x'.repeat(501)]) {
      const res = await post(`${server.url}/api/ask`, { question });
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { code: string; message: string; problems: { field: string; message: string }[] };
      };
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toBe('De invoer klopt niet.');
      expect(body.error.problems[0]!.field).toBe('question');
    }
    expect((await post(`${server.url}/api/ask`, {})).status).toBe(400);
    const english = await post(`${server.url}/api/ask`, { question: '' }, { 'accept-language': 'en' });
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe('The input is not valid.');
    expect((await feedback()).length).toBe(before);
  });

  it('stores feedback, with the question only when allowed, and validates it', async () => {
    const res = await post(`${server.url}/api/ask/feedback`, {
      question: 'Mag ik Copilot gebruiken?',
      sectionId: 'privacy',
      helpful: false,
    });
    expect(res.status).toBe(201);
    expect(askFeedbackResponseSchema.parse(await res.json())).toEqual({
      stored: true,
      questionStored: storeText === 'true',
    });
    const [stored] = await visionFeedbackStore(server.store).list({ kind: 'feedback' });
    expect(stored).toMatchObject({
      kind: 'feedback',
      helpful: false,
      sectionId: 'privacy',
      visionVersion: sharedVision().version,
    });
    expect(stored!.question).toBe(storeText === 'true' ? 'Mag ik Copilot gebruiken?' : undefined);
    const bad = await post(`${server.url}/api/ask/feedback`, { helpful: 'ja', sectionId: 'Niet Geldig' });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { problems: { field: string }[] } }).error.problems
      .map((p) => p.field)
      .sort();
    expect(fields).toEqual(['helpful', 'sectionId']);
  });

  it('stores a suggested section the asker chose, with the question only when allowed, and rejects an unknown section', async () => {
    const res = await post(`${server.url}/api/ask/choice`, {
      question: 'Kunnen we een AI-systeem terugdraaien?',
      sectionId: 'controle-op-technologie',
      language: 'nl',
    });
    expect(res.status).toBe(201);
    expect(askFeedbackResponseSchema.parse(await res.json())).toEqual({
      stored: true,
      questionStored: storeText === 'true',
    });
    const [stored] = await visionFeedbackStore(server.store).list({ kind: 'chosen' });
    expect(stored).toMatchObject({
      kind: 'chosen',
      sectionId: 'controle-op-technologie',
      language: 'nl',
      visionVersion: sharedVision().version,
    });
    expect(stored!.question).toBe(storeText === 'true' ? 'Kunnen we een AI-systeem terugdraaien?' : undefined);
    const before = (await feedback()).length;
    const unknown = await post(`${server.url}/api/ask/choice`, { question: 'x', sectionId: 'parkeren' });
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { error: { problems: { field: string; message: string }[] } }).error.problems,
    ).toEqual([{ field: 'sectionId', message: 'Dit onderdeel staat niet in de AI-visie.' }]);
    expect((await post(`${server.url}/api/ask/choice`, { question: 'x' })).status).toBe(400);
    expect((await feedback()).length).toBe(before);
  });
});
