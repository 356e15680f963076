import { preferredLang } from '../../src/lang.js';
import { errorShapeProblem } from '../helpers/api-error.js';
import { tableSnapshots, type TableSnapshot } from '../helpers/db-snapshot.js';
import type { startTestServer } from '../helpers/server.js';

/**
 * The fuzz suites' settings: a fixed seed, so that CI runs the same cases every time and a failure names the seed
 * and path to replay it; FUZZ_SEED and FUZZ_RUNS (runs per property, default 100) for longer runs.
 */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20260418);
export const fuzzRunsPerProperty = Number(process.env.FUZZ_RUNS ?? 150);
/**
 * fast-check's parameters for a property that gets `share` of the runs per property, after its `examples` (what
 * broke the server once: run on every seed, on top of the random cases).
 */
export function fuzzParameters<T>(share = 1, examples: T[] = []) {
  return { seed: fuzzSeed, numRuns: Math.max(1, Math.round(fuzzRunsPerProperty * share)) + examples.length, examples };
}

/** The env every fuzzed server gets: other suites' rate limits (requests per minute) must not answer these requests. */
export const fuzzEnv = { RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_PER_IP: '1000000' };

export interface FuzzRequest {
  method: string;
  /** The path and query as sent (already encoded). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /**
   * A 4xx that speaks another protocol than the API's and needs not its error shape: the Bot Framework's answer to an
   * invoke (`{status: 400}`, its body the protocol's own). It still may change nothing.
   */
  ownProtocol?: (res: FuzzResponse) => boolean;
}

export interface FuzzResponse {
  status: number;
  contentType: string | null;
  /** X-Correlation-Id as answered. */
  correlationId: string | null;
  text: string;
}

type Server = Awaited<ReturnType<typeof startTestServer>>;

const prototypes = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};
const ownNames = () =>
  Object.fromEntries(Object.entries(prototypes).map(([name, p]) => [name, Object.getOwnPropertyNames(p).sort()]));
/** The prototypes as the test process started: the server runs in it, so pollution would show here. */
const pristine = JSON.stringify(ownNames());

/** What a request looked like, short enough for a failure message. */
function describe(req: FuzzRequest): string {
  const body =
    req.body === undefined
      ? ''
      : ` ${typeof req.body === 'string' ? JSON.stringify(req.body.slice(0, 300)) : `<${req.body.length} bytes>`}${
          typeof req.body === 'string' && req.body.length > 300 ? `… (${req.body.length} chars)` : ''
        }`;
  return `${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.headers ?? {}).slice(0, 200)}${body}`;
}

/**
 * Sends requests to a running server and checks what every one of them must hold: no 5xx, every 4xx the API's JSON
 * error shape with a Dutch message (for a caller who did not ask for English), no prototype polluted, and a refused
 * request (4xx) changed no row of any table. Throws, naming the request, when one does not hold.
 */
export class Fuzzer {
  /** How many requests were sent: the fuzz cases of the suite. */
  sent = 0;
  private readonly snapshot: () => Promise<TableSnapshot>;
  private last?: TableSnapshot;

  constructor(
    private readonly server: Server,
    options: { except?: string[] } = {},
  ) {
    this.snapshot = tableSnapshots(server.store, options.except);
  }

  async send(req: FuzzRequest): Promise<FuzzResponse> {
    const before = (this.last ??= await this.snapshot());
    const res = await fetch(`${this.server.url}${req.path}`, {
      method: req.method,
      headers: req.headers ?? {},
      ...(req.body === undefined ? {} : { body: req.body as BodyInit }),
    });
    this.sent++;
    const response = {
      status: res.status,
      contentType: res.headers.get('content-type'),
      correlationId: res.headers.get('x-correlation-id'),
      text: await res.text(),
    };
    const fail = (why: string) => {
      throw new Error(`${why}\n  request: ${describe(req)}\n  response: ${response.text.slice(0, 500)}`);
    };
    if (response.status >= 500) fail(`answered ${response.status}`);
    if (JSON.stringify(ownNames()) !== pristine) fail('a prototype was polluted');
    if (response.status >= 400 && !req.ownProtocol?.(response)) {
      const english = preferredLang(req.headers?.['accept-language']) === 'en';
      const problem = errorShapeProblem(response.status, response.contentType, response.text, english ? 'en' : 'nl');
      if (problem) fail(problem);
    }
    const after = await this.snapshot();
    this.last = after;
    if (response.status >= 400 && JSON.stringify(after) !== JSON.stringify(before)) {
      const changed = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t]));
      fail(`a refused request (${response.status}) changed ${changed.join(', ')}`);
    }
    return response;
  }

  /** After a batch: the server is still up and reaches its database. */
  async healthy(): Promise<void> {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(`${this.server.url}${path}`);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status} after a batch`);
    }
  }
}
