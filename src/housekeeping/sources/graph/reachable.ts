import { z } from 'zod';
import type { ReachablePart, ReachableTarget } from '../../jobs/types.js';
import { gateFor } from './gate.js';
import { GraphHttp, GraphRequestError } from './http.js';
import type { RetryPolicy, TokenProvider, TransportStats } from './transport.js';

export interface ReachableTargets {
  targets: ReachableTarget[];
  /** The lists asked of Graph (which depend on the viewer and the search). */
  asked: ReachablePart[];
  /** The lists Graph did not give, with its status (0: no answer, or the time ran out) and error code. */
  failed: { part: ReachablePart; status: number; code?: string }[];
  /** True when a list had more entries than `maxPerPart` and was cut off. */
  truncated: boolean;
}

export interface ReachableOptions {
  /** GRAPH_BASE_URL. */
  baseUrl: string;
  token: TokenProvider;
  /**
   * Whose view: 'user' (a delegated token: their OneDrive, teams and followed sites, and the search) or 'app' (the
   * app's own token, which has no "me": only the sites a search finds, every site for `*`).
   */
  viewer: 'user' | 'app';
  /** Only entries whose name contains this (sites: as Graph's site search finds them). */
  search?: string;
  /** The throttling gate to share with the scans of this tenant. */
  tenant?: string;
  /** Entries per list at most (default 500). */
  maxPerPart?: number;
  retry?: RetryPolicy;
  timeScale?: number;
  signal?: AbortSignal;
}

/** Someone waits for this list: a few quick retries, not the long patience of a scan. */
const interactiveRetry: RetryPolicy = { maxAttempts: 3, baseMs: 200, capMs: 2000, maxThrottles: 4 };

const page = <T extends z.ZodType>(item: T) =>
  z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });
const teamSchema = z.object({ id: z.string().min(1), displayName: z.string().nullish() });
const siteSchema = z.object({ id: z.string().min(1), displayName: z.string().nullish(), name: z.string().nullish() });
const driveSchema = z.object({ id: z.string().min(1), name: z.string().nullish() });

/**
 * What a person can scan, as Graph shows it to them. The lists are asked side by side, each followed across its
 * pages (`@odata.nextLink`) behind the tenant's throttling gate (Retry-After honoured, as for scans). A list that
 * fails is named in `failed` and the others are still given; a user without a OneDrive (404) simply has none.
 */
export type { ReachablePart, ReachableTarget };

export async function listReachableTargets(options: ReachableOptions): Promise<ReachableTargets> {
  const stats: TransportStats = { requests: 0, throttledSeconds: 0 };
  const http = new GraphHttp(options.baseUrl, {
    token: options.token,
    gate: gateFor(options.tenant ?? 'default'),
    stats,
    retry: options.retry ?? interactiveRetry,
    timeScale: options.timeScale,
    signal: options.signal,
  });
  const max = options.maxPerPart ?? 500;
  const search = options.search?.trim() || undefined;
  let truncated = false;

  async function all<T extends z.ZodType>(first: string, item: T): Promise<z.output<T>[]> {
    const out: z.output<T>[] = [];
    for (let link: string | undefined = first; link;) {
      const answer: { value: z.output<T>[]; '@odata.nextLink'?: string } = await http.get(link, page(item));
      out.push(...answer.value);
      link = answer['@odata.nextLink'];
      if (out.length >= max) {
        truncated ||= out.length > max || link !== undefined;
        return out.slice(0, max);
      }
    }
    return out;
  }

  const siteTarget = (s: z.output<typeof siteSchema>): ReachableTarget => ({
    kind: 'site',
    id: s.id,
    name: s.displayName || s.name || s.id,
  });
  const parts: [ReachablePart, () => Promise<ReachableTarget[]>][] = [];
  if (options.viewer === 'user') {
    parts.push(
      [
        'drive',
        async () => {
          try {
            const drive = await http.get('/me/drive?$select=id,name', driveSchema);
            return [{ kind: 'drive', id: drive.id, name: drive.name || 'OneDrive' }];
          } catch (error) {
            // No OneDrive (not licensed, never opened): nothing to scan there, and nothing wrong.
            if (error instanceof GraphRequestError && error.status === 404) return [];
            throw error;
          }
        },
      ],
      [
        'teams',
        async () =>
          (await all('/me/joinedTeams?$select=id,displayName', teamSchema)).map((t) => ({
            kind: 'team',
            id: t.id,
            name: t.displayName || t.id,
          })),
      ],
      [
        'followed-sites',
        async () => (await all('/me/followedSites?$select=id,displayName,name', siteSchema)).map(siteTarget),
      ],
    );
  }
  if (search || options.viewer === 'app') {
    const query = encodeURIComponent(search ?? '*');
    parts.push(['site-search', async () => (await all(`/sites?search=${query}`, siteSchema)).map(siteTarget)]);
  }

  const outcomes = await Promise.all(
    parts.map(async ([part, read]) => {
      try {
        return { list: await read() };
      } catch (error) {
        if (error instanceof GraphRequestError)
          return { list: [], failure: { part, status: error.status, ...(error.code ? { code: error.code } : {}) } };
        if (options.signal?.aborted) return { list: [], failure: { part, status: 0, code: 'timeout' } };
        throw error;
      }
    }),
  );
  const lists = outcomes.map((o) => o.list);
  const failed = outcomes.flatMap((o) => (o.failure ? [o.failure] : []));

  // The search finds sites by Graph's own matching; the other lists are narrowed here by name.
  const wanted = search ? fold(search) : undefined;
  const seen = new Set<string>();
  const targets: ReachableTarget[] = [];
  lists.forEach((list, i) => {
    for (const target of list) {
      const key = `${target.kind}|${target.id}`;
      if (seen.has(key)) continue;
      if (wanted && parts[i]![0] !== 'site-search' && !fold(target.name).includes(wanted)) continue;
      seen.add(key);
      targets.push(target);
    }
  });
  const order = { drive: 0, team: 1, site: 2 } as const;
  targets.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }));
  return { targets, asked: parts.map(([part]) => part), failed, truncated };
}

/** Lower case without accents, so that "financien" finds "Financiën". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}

/**
 * Whether the signed-in person (a delegated token) is a member of the team with this group id: their joined teams
 * (`/me/joinedTeams`, followed across its pages behind the tenant's gate), ids compared without regard to case.
 */
export async function isMemberOfTeam(
  options: Pick<ReachableOptions, 'baseUrl' | 'token' | 'tenant' | 'retry' | 'timeScale' | 'signal'>,
  teamId: string,
): Promise<boolean> {
  const http = new GraphHttp(options.baseUrl, {
    token: options.token,
    gate: gateFor(options.tenant ?? 'default'),
    stats: { requests: 0, throttledSeconds: 0 },
    retry: options.retry ?? interactiveRetry,
    timeScale: options.timeScale,
    signal: options.signal,
  });
  const wanted = teamId.toLowerCase();
  for (let link: string | undefined = '/me/joinedTeams?$select=id'; link;) {
    const answer: { value: z.output<typeof teamSchema>[]; '@odata.nextLink'?: string } = await http.get(
      link,
      page(teamSchema),
    );
    if (answer.value.some((t) => t.id.toLowerCase() === wanted)) return true;
    link = answer['@odata.nextLink'];
  }
  return false;
}
