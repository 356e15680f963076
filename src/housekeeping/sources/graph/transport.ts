import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { sleep, type ThrottleGate } from './gate.js';

export const userAgent = 'NONISV|GemeenteGroningen|AI-wijzer/1.0';

/**
 * Gives the Graph token to send. Called before every attempt, so a provider that renews (msal, a job's
 * renewer) hands out a fresh token once the old one nears its expiry; `renew: true` asks for a new one
 * even when the old one looks valid (Graph just refused `refused` with 401).
 */
export type TokenProvider = (options?: { renew?: boolean; refused?: string }) => Promise<string>;

export interface RetryPolicy {
  /** Attempts for transient failures (5xx, dropped connections, malformed JSON), the first included. */
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  /** Throttled answers tolerated for one request before it is given up. */
  maxThrottles: number;
  /**
   * Milliseconds one attempt may take, headers and body together (60 s); an attempt that takes longer is
   * aborted and retried like a dropped connection.
   */
  timeoutMs?: number;
}

export const defaultRetry: RetryPolicy = {
  maxAttempts: 6,
  baseMs: 250,
  capMs: 15_000,
  maxThrottles: 20,
  timeoutMs: 60_000,
};

/** What a transport counts for the scan's statistics. */
export interface TransportStats {
  requests: number;
  /** Wall time this scan stood still at the gate, in Retry-After seconds (see timeScale). */
  throttledSeconds: number;
}

export interface TransportOptions {
  token: TokenProvider;
  gate: ThrottleGate;
  stats: TransportStats;
  retry?: RetryPolicy;
  /** Milliseconds per Retry-After second: 1000 in production; tests and benchmarks scale time down. */
  timeScale?: number;
  signal?: AbortSignal;
  /** Called when Retry-After pauses the gate (seconds asked). */
  onThrottle?: (seconds: number) => void;
}

/** A request that failed for good after its retries, with the last status (0 = no answer at all). */
export class GraphTransportError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'GraphTransportError';
  }
}

/**
 * The Graph client's middleware for our traffic, replacing its default chain (whose RetryHandler would
 * wait per request and fight the tenant-wide gate): token and User-Agent, the shared gate, Retry-After on
 * 429/503, exponential backoff with a cap on 5xx (HTML gateway pages included), dropped connections,
 * attempts past their timeout (slow headers, a stalled body), truncated JSON and non-JSON 200s; one
 * renewed token after a 401 InvalidAuthenticationToken.
 * The next middleware is the client's own HTTPMessageHandler (fetch).
 */
export class GraphTransport implements Middleware {
  private next?: Middleware;
  private countedUntil = 0;
  private readonly retry: RetryPolicy;
  private readonly scale: number;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? defaultRetry;
    this.scale = options.timeScale ?? 1000;
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const { options } = this;
    const fetchOptions = (context.options ??= {});
    const headers = new Headers(fetchOptions.headers as HeadersInit | undefined);
    headers.set('User-Agent', userAgent);
    let transient = 0;
    let throttles = 0;
    let renewed = false;
    let token: string;
    /** The token just renewed after a 401, for the next attempt. */
    let renewedToken: string | undefined;
    for (;;) {
      await this.waitAtGate();
      try {
        // Asked before every attempt: a provider that renews replaces a token nearing its expiry.
        token = renewedToken ?? (await options.token());
      } catch (error) {
        throw new GraphTransportError(0, `no Graph token: ${(error as Error).message}`, 'token');
      }
      renewedToken = undefined;
      headers.set('Authorization', `Bearer ${token}`);
      fetchOptions.headers = Object.fromEntries(headers.entries());
      // One attempt, headers and body, within its timeout; the scan's own signal cancels it too.
      const timeout = AbortSignal.timeout(this.retry.timeoutMs ?? defaultRetry.timeoutMs!);
      fetchOptions.signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      options.stats.requests++;
      let response: Response;
      try {
        await this.next!.execute(context);
        response = context.response!;
      } catch (error) {
        options.signal?.throwIfAborted();
        const problem = timeout.aborted ? 'no answer within the timeout' : (error as Error).message;
        if (++transient >= this.retry.maxAttempts)
          throw new GraphTransportError(0, `no answer after ${transient} attempts: ${problem}`);
        await this.backoff(transient);
        continue;
      }
      const retryAfter = response.headers.get('retry-after');
      if (response.status === 429 || (response.status === 503 && retryAfter !== null)) {
        // Given up: the last answer goes to the caller as it is (the client turns it into a GraphError).
        if (++throttles > this.retry.maxThrottles) return;
        await response.body?.cancel().catch(() => undefined);
        const seconds = retryAfterSeconds(retryAfter);
        options.gate.pause(seconds * this.scale);
        options.onThrottle?.(seconds);
        continue;
      }
      if (response.status === 401 && !renewed) {
        // An expired (or revoked) token: ask the provider for a new one, once per request.
        const text = await response.text().catch(() => '');
        if (errorCodeOf(text) === 'InvalidAuthenticationToken') {
          renewed = true;
          // A provider that cannot renew (a given token, an assertion Entra ID no longer accepts): the 401 stands.
          renewedToken = await options.token({ renew: true, refused: token }).catch(() => undefined);
          if (renewedToken !== undefined) continue;
        }
        context.response = new Response(text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
        return;
      }
      if (response.status >= 500) {
        const html = isHtml(response);
        if (++transient >= this.retry.maxAttempts) {
          if (!html) return;
          // A gateway's HTML page (502 from a proxy) is no Graph error: say what it was, not what the client makes of it.
          await response.body?.cancel().catch(() => undefined);
          throw new GraphTransportError(
            response.status,
            `an HTML error page (status ${response.status}) instead of Graph, ${transient} times`,
            'htmlAnswer',
          );
        }
        await response.body?.cancel().catch(() => undefined);
        await this.backoff(transient);
        continue;
      }
      if (response.ok && response.status !== 204) {
        // A page cut off mid-way (dropped connection, proxy), a body that stalls beyond the timeout, or an
        // HTML page where JSON belongs (a proxy's login page): read again rather than trusted.
        let text: string;
        try {
          if (!(response.headers.get('content-type') ?? '').includes('json')) {
            await response.body?.cancel().catch(() => undefined);
            throw new Error(`a ${response.headers.get('content-type') || 'typeless'} answer instead of JSON`);
          }
          text = await response.text();
          JSON.parse(text);
        } catch (error) {
          options.signal?.throwIfAborted();
          const problem = timeout.aborted
            ? 'the answer stalled beyond the timeout'
            : error instanceof SyntaxError
              ? 'malformed JSON'
              : (error as Error).message;
          if (++transient >= this.retry.maxAttempts)
            throw new GraphTransportError(response.status, `${problem} after ${transient} attempts`);
          await this.backoff(transient);
          continue;
        }
        context.response = new Response(text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      }
      return;
    }
  }

  /** Waits while the tenant's gate is closed; counts the wall time once even when workers wait together. */
  private async waitAtGate(): Promise<void> {
    const { from, to } = await this.options.gate.wait(this.options.signal);
    const counted = Math.max(0, to - Math.max(from, this.countedUntil));
    if (to > this.countedUntil) this.countedUntil = to;
    this.options.stats.throttledSeconds += counted / this.scale;
  }

  private async backoff(attempt: number): Promise<void> {
    const ms = Math.min(this.retry.capMs, this.retry.baseMs * 2 ** (attempt - 1));
    // Full jitter keeps many workers from retrying in step.
    await sleep(ms / 2 + Math.random() * (ms / 2), this.options.signal);
  }
}

const isHtml = (response: Response) => /html/i.test(response.headers.get('content-type') ?? '');

/** Graph's error code in an error body (`{"error":{"code":...}}`), if it is one. */
function errorCodeOf(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds (Graph sends seconds; an HTTP date is accepted too); 10 when absent or odd. */
export function retryAfterSeconds(value: string | null): number {
  if (value === null) return 10;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 300);
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.min(300, Math.max(0, (date - Date.now()) / 1000));
  return 10;
}
