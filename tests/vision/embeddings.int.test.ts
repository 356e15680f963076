import { dot, embed, EmbeddingError, type EmbeddingOptions } from '../../src/vision/embeddings.js';
import { fakeEmbeddingsForSuite, type FakeEmbeddings } from '../helpers/fake-embeddings.js';

describe('the embeddings client against a local OpenAI-compatible /v1/embeddings (real HTTP)', () => {
  const endpoint = fakeEmbeddingsForSuite({
    apiKey: 'sleutel',
    concepts: { risico: 'risico', gevaren: 'risico', leren: 'leren' },
  });
  let fake: FakeEmbeddings;
  let options: EmbeddingOptions;
  beforeEach(() => {
    fake = endpoint();
    options = { baseUrl: fake.baseUrl, model: 'multilingual-e5-small', apiKey: 'sleutel', timeoutMs: 500 };
  });
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddingError);
    return error as EmbeddingError;
  };

  it('gives unit vectors in the order of the texts, also when the endpoint answers in another order', async () => {
    fake.reverse = true;
    const [risk, danger, learn] = await embed(['welke risico zijn er', 'gevaren', 'leren'], options);
    for (const v of [risk!, danger!, learn!]) expect(dot(v, v)).toBeCloseTo(1, 5);
    // The toy model: "risico" and "gevaren" share a concept, "leren" does not.
    expect(dot(risk!, danger!)).toBeGreaterThan(dot(risk!, learn!));
  });

  it('sends at most batchSize texts per request (32 by default, as text-embeddings-inference takes)', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `tekst ${i}`);
    expect(await embed(texts, options)).toHaveLength(70);
    expect(fake.requests.map((r) => r.inputs.length)).toEqual([32, 32, 6]);
    expect(fake.requests.flatMap((r) => r.inputs)).toEqual(texts);
    const tooMany = await failure(embed(texts, { ...options, batchSize: 64 }));
    expect([tooMany.reason, tooMany.status]).toEqual(['endpoint', 413]);
  });

  it('waits as long as Retry-After asks and tries a throttled request again, when it may', async () => {
    fake.faults.push({ status: 429, retryAfter: 0.2 });
    const started = Date.now();
    expect(await embed(['leren'], options, { retries: 1 })).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
    fake.faults.push({ status: 429, retryAfter: 0 });
    expect((await failure(embed(['leren'], options))).reason).toBe('throttled');
  });

  it.each([
    ['a wrong key', { apiKey: 'fout' }, 'endpoint', 401],
    ['an unknown model', { model: 'bestaat-niet' }, 'endpoint', 404],
    ['a server error', {}, 'endpoint', 500],
  ])('fails with a reason on %s', async (_label, override, reason, status) => {
    if (status === 500) fake.faults.push({ status: 500 });
    const error = await failure(embed(['leren'], { ...options, ...override }));
    expect([error.reason, error.status]).toEqual([reason, status]);
  });

  it.each([
    ['no data', { object: 'list' }],
    ['fewer vectors than texts', { data: [{ index: 0, embedding: [1, 0] }] }],
    [
      'vectors of different lengths',
      {
        data: [
          { index: 0, embedding: [1, 0] },
          { index: 1, embedding: [1, 0, 0] },
        ],
      },
    ],
    [
      'an index twice',
      {
        data: [
          { index: 0, embedding: [1, 0] },
          { index: 0, embedding: [0, 1] },
        ],
      },
    ],
    [
      'a zero vector',
      {
        data: [
          { index: 0, embedding: [0, 0] },
          { index: 1, embedding: [0, 1] },
        ],
      },
    ],
    [
      'text instead of numbers',
      {
        data: [
          { index: 0, embedding: 'AAAA' },
          { index: 1, embedding: [0, 1] },
        ],
      },
    ],
  ])('rejects a response with %s as format', async (_label, body) => {
    fake.faults.push({ body });
    expect((await failure(embed(['leren', 'risico'], options))).reason).toBe('format');
  });

  it('sends a request once more when the connection drops (a kept-alive connection closed), not twice more', async () => {
    fake.faults.push({ reset: true });
    expect(await embed(['leren'], options)).toHaveLength(1);
    expect(fake.requests.map((r) => r.status)).toEqual([0, 200]);
    fake.faults.push({ reset: true }, { reset: true });
    expect((await failure(embed(['leren'], options))).reason).toBe('endpoint');
  });

  it('gives up after its time limit, and on an endpoint that is not there', async () => {
    fake.faults.push({ delayMs: 400 });
    expect((await failure(embed(['leren'], { ...options, timeoutMs: 100 }))).reason).toBe('timeout');
    expect((await failure(embed(['leren'], { ...options, baseUrl: 'http://127.0.0.1:9/v1' }))).reason).toBe('endpoint');
  });
});
