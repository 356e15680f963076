import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import {
  ask,
  askExtractive,
  loadVision,
  semanticFromConfig,
  semanticIndex,
  sharedVision,
  type SemanticOptions,
} from '../../src/vision/index.js';
import { sectionTexts, SemanticIndex } from '../../src/vision/semantic.js';
import { askResponseSchema } from '../../src/api/ask.js';
import { runCaptured } from '../helpers/cli.js';
import { fakeEmbeddingsForSuite, startFakeEmbeddings, type FakeEmbeddings } from '../helpers/fake-embeddings.js';
import { startTestServer } from '../helpers/server.js';
import { engine, loadQuestions, semanticEngine } from './eval/evaluate.js';

const vision = loadVision({ contentDir: join(import.meta.dirname ?? __dirname, 'fixtures', 'valid'), compounds: {} });
const contact = 'het privacyteam';
// The words favour "privacy" (tools), the meaning "scholing" (learning).
const question = 'Hoe leer ik AI-tools goed gebruiken?';
const learning = {
  leer: 'leren',
  leren: 'leren',
  opleiding: 'leren',
  cursus: 'leren',
  scholing: 'leren',
  learn: 'leren',
  learning: 'leren',
  training: 'leren',
  course: 'leren',
};

describe('the semantic mode against a local OpenAI-compatible /v1/embeddings (real HTTP)', () => {
  const endpoint = fakeEmbeddingsForSuite({ concepts: learning });
  let fake: FakeEmbeddings;
  beforeEach(() => (fake = endpoint()));
  const optionsFor = (): SemanticOptions => ({
    baseUrl: fake.baseUrl,
    model: 'multilingual-e5-small',
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
    timeoutMs: 300,
  });

  it('embeds every section text of both languages once, in batches, with the passage prefix', async () => {
    const options = optionsFor();
    expect(await semanticIndex(vision, options).prepare()).toEqual({ ok: true, texts: expect.any(Number) });
    const sent = fake.requests.flatMap((r) => r.inputs);
    const expected = (['nl', 'en'] as const)
      .flatMap((l) => vision.languages[l].passages.flatMap((p) => sectionTexts(p.section)))
      .map((t) => `passage: ${t}`);
    expect(sent).toEqual(expected);
    expect(fake.requests.every((r) => r.inputs.length <= 32 && r.status === 200)).toBe(true);
    // Ready: asking again embeds nothing more.
    await semanticIndex(vision, options).prepare();
    expect(fake.requests.flatMap((r) => r.inputs)).toHaveLength(expected.length);
  });

  it('puts the section closest in meaning first among those the words found; the quote stays exact', async () => {
    const options = optionsFor();
    await semanticIndex(vision, options).prepare();
    fake.requests.length = 0;
    const words = askExtractive(vision, question, { contact });
    const meaning = await ask(vision, question, { contact, semantic: options });
    expect(words.suggestions?.[0]?.sectionId).toBe('privacy');
    expect(meaning.suggestions?.[0]?.sectionId).toBe('scholing');
    for (const c of meaning.citations)
      expect(vision.languages.nl.document.sections.find((s) => s.id === c.sectionId)!.body).toContain(c.quote);
    expect(fake.requests).toEqual([{ inputs: [`query: ${question}`], status: 200 }]);
  });

  it('answers an English question from the English sections', async () => {
    const options = optionsFor();
    await semanticIndex(vision, options).prepare();
    const english = 'How do I learn to use AI tools well?';
    expect(askExtractive(vision, english, { contact }).suggestions?.[0]?.sectionId).toBe('privacy');
    const result = await ask(vision, english, { contact, semantic: options });
    expect(result.language).toBe('en');
    const offered =
      result.outcome === 'suggest'
        ? result.suggestions!.map((s) => s.sectionId)
        : result.citations.map((c) => c.sectionId);
    expect(offered[0]).toBe('scholing');
  });

  it('leaves the words alone to decide while the sections are being embedded, without waiting', async () => {
    const options = optionsFor();
    fake.faults.push({ delayMs: 200 });
    const reasons: string[] = [];
    const result = await ask(vision, question, {
      contact,
      semantic: options,
      onSemanticFallback: (r) => reasons.push(r),
    });
    expect(result).toEqual(askExtractive(vision, question, { contact }));
    expect(reasons).toEqual(['not-ready']);
    expect((await semanticIndex(vision, options).prepare()).ok).toBe(true);
    expect((await ask(vision, question, { contact, semantic: options })).suggestions?.[0]?.sectionId).toBe('scholing');
  });

  it.each([
    ['an endpoint error', { status: 503 }, 'endpoint'],
    ['a timeout', { delayMs: 600 }, 'timeout'],
    ['a malformed response', { body: { data: [] } }, 'format'],
  ])('keeps the answer of the words on %s for the question', async (_label, fault, reason) => {
    const options = optionsFor();
    await semanticIndex(vision, options).prepare();
    fake.faults.push(fault);
    const reasons: string[] = [];
    expect(
      await ask(vision, question, { contact, semantic: options, onSemanticFallback: (r) => reasons.push(r) }),
    ).toEqual(askExtractive(vision, question, { contact }));
    expect(reasons).toEqual([reason]);
  });

  it('sends no question that the words cannot answer (out of scope, an intent) and none with one section to offer', async () => {
    const options = optionsFor();
    await semanticIndex(vision, options).prepare();
    fake.requests.length = 0;
    expect((await ask(vision, 'Hoe verleng ik mijn rijbewijs?', { contact, semantic: options })).outcome).toBe(
      'abstain',
    );
    expect((await ask(vision, 'Hallo!', { contact, semantic: options })).intent).toBe('greeting');
    const single = 'Welke tools mag ik gebruiken als ik twijfel?';
    expect(await ask(vision, single, { contact, semantic: options })).toEqual(
      askExtractive(vision, single, { contact }),
    );
    expect(fake.requests).toEqual([]);
  });

  it('after a failed start tries again no sooner than a minute later', async () => {
    let now = 0;
    const index = new SemanticIndex(vision, optionsFor(), () => now);
    fake.faults.push({ status: 500 });
    expect(await index.prepare()).toEqual({ ok: false, reason: 'endpoint' });
    const tried = fake.requests.length;
    now = 59_000;
    expect(await index.prepare()).toEqual({ ok: false, reason: 'endpoint' });
    expect(fake.requests.length).toBe(tried);
    now = 61_000;
    expect((await index.prepare()).ok).toBe(true);
  });

  it('shares one set of section vectors between calls with the same options', () => {
    const options = optionsFor();
    expect(semanticIndex(vision, options)).toBe(semanticIndex(vision, options));
    expect(semanticIndex(vision, options)).not.toBe(semanticIndex(vision, optionsFor()));
  });
});

describe('the semantic mode through the CLI and POST /api/ask (real HTTP, the real vision)', () => {
  const endpoint = fakeEmbeddingsForSuite({ concepts: learning });
  let fake: FakeEmbeddings;
  beforeEach(() => (fake = endpoint()));
  const env = () => ({
    EMBEDDINGS_BASE_URL: fake.baseUrl,
    EMBEDDINGS_MODEL: 'multilingual-e5-small',
    EMBEDDINGS_QUERY_PREFIX: 'query: ',
    PRIVACY_CONTACT: contact,
  });
  const realQuestion = 'Welke tools mag ik gebruiken?';

  it('ai-wijzer ask embeds the sections, then the question, and prints one JSON object', async () => {
    const run = await runCaptured(['ask', realQuestion, '--json'], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(askResponseSchema.parse(JSON.parse(run.stdout)).outcome).not.toBe('abstain');
    expect(fake.requests.length).toBeGreaterThan(2);
    expect(fake.requests.at(-1)).toEqual({ inputs: [`query: ${realQuestion}`], status: 200 });
  });

  it('ai-wijzer ask says so on stderr when the endpoint fails, and answers from the words', async () => {
    const without = await runCaptured(['ask', realQuestion, '--json'], { PRIVACY_CONTACT: contact });
    fake.faults.push({ status: 500 });
    const run = await runCaptured(['ask', realQuestion, '--json'], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Let op: het embeddingmodel (EMBEDDINGS_BASE_URL) gaf geen vectoren (endpoint)');
    expect(run.stdout).toBe(without.stdout);
    expect(fake.requests).toHaveLength(1);
  });

  it('the server embeds the sections at start-up and sends each question once', async () => {
    const server = await startTestServer(env());
    try {
      // The same settings give the server's own index: its start-up embedding is under way or done.
      const started = await semanticIndex(sharedVision(), semanticFromConfig(loadConfig(env()))!).prepare();
      expect(started).toEqual({ ok: true, texts: expect.any(Number) });
      const sent = fake.requests.flatMap((r) => r.inputs);
      expect(sent).toHaveLength(started.ok ? started.texts : -1);
      const before = fake.requests.length;
      const res = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: realQuestion }),
      });
      expect(res.status).toBe(200);
      askResponseSchema.parse(await res.json());
      expect(fake.requests.slice(before).map((r) => r.inputs)).toEqual([[`query: ${realQuestion}`]]);
    } finally {
      await server.dispose();
    }
  });
});

describe('npm run eval -- --semantic', () => {
  it('scores the semantic mode as the words alone when the model sees no difference between sections', async () => {
    const fake = await startFakeEmbeddings();
    try {
      const real = loadVision();
      const questions = (await loadQuestions()).filter((q) => q.split === 'dev');
      const semantic: SemanticOptions = { baseUrl: fake.baseUrl, model: 'multilingual-e5-small' };
      expect((await semanticIndex(real, semantic).prepare()).ok).toBe(true);
      const { predict, fallbacks } = await semanticEngine(real, questions, semantic);
      expect(fallbacks).toBe(0);
      const words = engine(real);
      for (const q of questions) expect([q.id, predict(q)]).toEqual([q.id, words(q)]);
      // Every question that could be offered a section was sent to the model.
      expect(fake.requests.filter((r) => r.inputs.length === 1).length).toBeGreaterThan(questions.length / 2);
    } finally {
      await fake.close();
    }
  });
});
