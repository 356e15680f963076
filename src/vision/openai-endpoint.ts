/** What the optional model endpoints (generative.ts, embeddings.ts) need of fetch; injectable for other runtimes. */
export type EndpointFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; json(): Promise<unknown> }>;

/** An OpenAI-compatible endpoint: its base URL (…/v1), a bearer key if it wants one, and a fetch other than the global one. */
export interface EndpointOptions {
  baseUrl: string;
  apiKey?: string;
  fetch?: EndpointFetch;
}

export type EndpointReply =
  | { ok: true; body: unknown }
  | {
      ok: false;
      reason: 'endpoint' | 'timeout';
      status?: number;
      /** From Retry-After, on 429. */ retryAfterMs?: number;
    };

/** POSTs JSON to baseUrl + path and reads the JSON reply, within timeoutMs; never throws. */
export async function postJson(
  options: EndpointOptions,
  path: string,
  payload: unknown,
  timeoutMs: number,
): Promise<EndpointReply> {
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as EndpointFetch);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(`${options.baseUrl.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body: JSON.stringify(payload),
      signal: controller.signal,
    });
    if (response.status === 429)
      return {
        ok: false,
        reason: 'endpoint',
        status: 429,
        retryAfterMs: retryAfter(response.headers.get('retry-after')),
      };
    if (!response.ok) return { ok: false, reason: 'endpoint', status: response.status };
    return { ok: true, body: await response.json() };
  } catch {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'endpoint' };
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
