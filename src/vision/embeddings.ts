import { z } from 'zod';
import { postJson, type EndpointOptions } from './openai-endpoint.js';

/**
 * An OpenAI-compatible /embeddings endpoint (self-hosted, e.g. text-embeddings-inference or vLLM with a multilingual
 * model, or EU-hosted); off unless configured. It receives section texts at start-up and each question asked.
 */
export interface EmbeddingOptions extends EndpointOptions {
  model: string;
  /** Put before a question and before a passage; models of the e5 family expect "query: " and "passage: ". */
  queryPrefix?: string;
  passagePrefix?: string;
  /** Per question; a slower endpoint leaves the answer to the words alone. */
  timeoutMs?: number;
  /** Texts per request; text-embeddings-inference takes 32 unless told otherwise. */
  batchSize?: number;
}

export type EmbeddingFailure = 'endpoint' | 'timeout' | 'format' | 'throttled';

export class EmbeddingError extends Error {
  constructor(
    readonly reason: EmbeddingFailure,
    readonly status?: number,
    /** From Retry-After, when the endpoint throttled. */
    readonly retryAfterMs?: number,
  ) {
    super(`embedding endpoint: ${reason}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'EmbeddingError';
  }
}

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number().finite()).min(1) })),
});

export interface EmbedCall {
  /** Per request. */
  timeoutMs?: number;
  /** How often a throttled request (429) is tried again, after the wait the endpoint asks for (at most 30 s). */
  retries?: number;
}

/** The vectors of the texts, in their order, unit length (so a dot product is their cosine). */
export async function embed(texts: string[], options: EmbeddingOptions, call: EmbedCall = {}): Promise<Float32Array[]> {
  const size = options.batchSize ?? 32;
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += size) {
    const batch = texts.slice(start, start + size);
    for (let attempt = 0; ; attempt++) {
      try {
        vectors.push(...(await embedBatch(batch, options, call.timeoutMs ?? options.timeoutMs ?? 1500)));
        break;
      } catch (error) {
        if (!(error instanceof EmbeddingError)) throw error;
        // A kept-alive connection the endpoint closed just then (ECONNRESET): the same request once more, at once.
        if (error.reason === 'endpoint' && error.status === undefined && attempt === 0) continue;
        if (error.reason !== 'throttled' || attempt >= (call.retries ?? 0)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterMs ?? 1000, 30_000)));
      }
    }
  }
  const dimensions = vectors[0]?.length;
  if (vectors.some((v) => v.length !== dimensions)) throw new EmbeddingError('format');
  return vectors;
}

async function embedBatch(input: string[], options: EmbeddingOptions, timeoutMs: number): Promise<Float32Array[]> {
  const reply = await postJson(
    options,
    '/embeddings',
    { model: options.model, input, encoding_format: 'float' },
    timeoutMs,
  );
  if (!reply.ok)
    throw new EmbeddingError(reply.status === 429 ? 'throttled' : reply.reason, reply.status, reply.retryAfterMs);
  const parsed = responseSchema.safeParse(reply.body);
  if (!parsed.success || parsed.data.data.length !== input.length) throw new EmbeddingError('format');
  const ordered = [...parsed.data.data].sort((a, b) => a.index - b.index);
  if (ordered.some((d, i) => d.index !== i)) throw new EmbeddingError('format');
  return ordered.map((d) => normalise(d.embedding));
}

function normalise(vector: number[]): Float32Array {
  const length = Math.hypot(...vector);
  if (length === 0) throw new EmbeddingError('format');
  return Float32Array.from(vector, (x) => x / length);
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
