import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for an OpenAI-compatible POST /v1/embeddings (as served by OpenAI, vLLM and Hugging Face's
 * text-embeddings-inference): bearer-key check, model check, a maximum batch (text-embeddings-inference answers 413
 * beyond it), throttling with Retry-After, and the response shape with index, model and usage. Its "model" is a toy:
 * each word the given concept table knows adds to one dimension per concept, plus a dimension every text has, so
 * tests can say which texts are close in meaning.
 */
export interface FakeEmbeddingsOptions {
  model?: string;
  apiKey?: string;
  maxBatch?: number;
  /** word (lower case, as written) -> concept */
  concepts?: Record<string, string>;
}

export interface FakeEmbeddings {
  baseUrl: string;
  /** Every request, in order: its inputs and the status given. */
  requests: { inputs: string[]; status: number }[];
  /** Faults for the next requests, one each, in order: a status (with Retry-After in seconds for 429), a delay, a malformed body, a dropped connection. */
  faults: ({ status: number; retryAfter?: number } | { delayMs: number } | { body: unknown } | { reset: true })[];
  /** Answers in reverse order (index still right), as a client must not rely on the order. */
  reverse: boolean;
  /** Forgets the requests and faults and answers in order again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeEmbeddings(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddings> {
  const model = options.model ?? 'multilingual-e5-small';
  const maxBatch = options.maxBatch ?? 32;
  const conceptNames = [...new Set(Object.values(options.concepts ?? {}))];
  const vector = (text: string) => {
    const v = new Array<number>(conceptNames.length + 1).fill(0);
    v[conceptNames.length] = 1;
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      const concept = options.concepts?.[word];
      if (concept) v[conceptNames.indexOf(concept)]! += 1;
    }
    return v;
  };
  const fake: FakeEmbeddings = {
    baseUrl: '',
    requests: [],
    faults: [],
    reverse: false,
    reset() {
      fake.requests.length = 0;
      fake.faults.length = 0;
      fake.reverse = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    let body: { model?: unknown; input?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      return send(400, {
        error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' },
      });
    }
    const inputs =
      typeof body.input === 'string'
        ? [body.input]
        : Array.isArray(body.input)
          ? body.input.filter((i): i is string => typeof i === 'string')
          : [];
    const record = (status: number) => fake.requests.push({ inputs, status });
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
      record(404);
      return send(404, { error: { message: 'Not found', type: 'invalid_request_error' } });
    }
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      record(401);
      return send(401, {
        error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
      });
    }
    if (body.model !== model) {
      record(404);
      return send(404, {
        error: {
          message: `The model \`${String(body.model)}\` does not exist.`,
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      });
    }
    if (inputs.length === 0 || (Array.isArray(body.input) && inputs.length !== body.input.length)) {
      record(400);
      return send(400, {
        error: { message: "'input' must be a non-empty string or array of strings.", type: 'invalid_request_error' },
      });
    }
    if (inputs.length > maxBatch) {
      record(413);
      return send(413, {
        error: `batch size ${inputs.length} > maximum allowed batch size ${maxBatch}`,
        error_type: 'Validation',
      });
    }
    const fault = fake.faults.shift();
    if (fault && 'reset' in fault) {
      record(0);
      req.socket.destroy();
      return;
    }
    if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault && 'status' in fault) {
      record(fault.status);
      return send(
        fault.status,
        {
          error: {
            message: fault.status === 429 ? 'Rate limit reached.' : 'The server had an error.',
            type: 'server_error',
          },
        },
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
    }
    record(200);
    if (fault && 'body' in fault) return send(200, fault.body);
    const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: vector(text) }));
    const tokens = inputs.reduce((n, t) => n + t.split(/\s+/).length, 0);
    send(200, {
      object: 'list',
      data: fake.reverse ? data.reverse() : data,
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

/** One fake for the suite that calls this (started before its tests, stopped after them), reset before each test. */
export function fakeEmbeddingsForSuite(options: FakeEmbeddingsOptions = {}): () => FakeEmbeddings {
  let fake: FakeEmbeddings | undefined;
  beforeAll(async () => {
    fake = await startFakeEmbeddings(options);
  });
  afterAll(async () => fake?.close());
  beforeEach(() => fake?.reset());
  return () => fake!;
}
