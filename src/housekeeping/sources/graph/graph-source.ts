import type { Entry, Gap, Source, SourceStats } from '../../source.js';
import {
  applyDeltaItem,
  fromTuples,
  resolvePaths,
  toTuples,
  type DriveStateStore,
  type ItemState,
} from './drive-state.js';
import { gateFor, type ThrottleGate } from './gate.js';
import { GraphHttp, GraphRequestError } from './http.js';
import { readAnonymousLinks } from './permissions.js';
import { deltaPageSchema } from './schemas.js';
import { resolveTarget, type GraphTarget, type Unit } from './targets.js';
import type { RetryPolicy, TokenProvider } from './transport.js';

export interface GraphSourceOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0. */
  baseUrl: string;
  token: TokenProvider;
  target: GraphTarget;
  /** Whose throttling budget this is: requests of one tenant share one gate. */
  tenant?: string;
  /** Where delta links and item states are kept; without it every scan reads everything. */
  state?: DriveStateStore;
  /** Whose view of the drives the state is (a user's pseudonym, or 'app'): delegated scans see different items. */
  stateOwner?: string;
  /** Drives read at the same time (one delta stream per drive). */
  concurrency?: number;
  /** Milliseconds per Retry-After second (1000; tests scale time down). */
  timeScale?: number;
  retry?: RetryPolicy;
  /** Resyncs (410) tolerated per drive before it is given up. */
  maxResyncs?: number;
}

export interface GraphSource extends Source {
  /** Drives that had to be read again from the start because Graph answered 410 (resync). */
  readonly resyncs: string[];
  /** Permission reads (each a sub-request of a $batch). */
  readonly permissionReads: number;
  /** Resolves the target to drives now, so that a target that does not exist fails before the scan starts (GraphTargetError). */
  prepare(signal?: AbortSignal): Promise<void>;
}

export class GraphTargetError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GraphTargetError';
  }
}

const labelOf = (target: GraphTarget) =>
  'drive' in target ? `drive ${target.drive}` : 'site' in target ? `site ${target.site}` : `team ${target.team}`;

/**
 * Microsoft Graph as a scan source: resolves the target to drives (or channel folders), reads each with the
 * delta query (continuing from the stored delta link when there is one), rebuilds paths from parent ids,
 * reads permissions only of items whose shared facet says so, and yields the same entries as the file system.
 */
export function createGraphSource(options: GraphSourceOptions): GraphSource {
  const stats: SourceStats = { requests: 0, throttledSeconds: 0, items: 0 };
  const gaps: Gap[] = [];
  const resyncs: string[] = [];
  const counters = { permissionReads: 0 };
  const gate = gateFor(options.tenant ?? 'default');
  const scale = options.timeScale ?? 1000;

  let resolved: Unit[] | undefined;
  const httpFor = (signal?: AbortSignal) =>
    new GraphHttp(options.baseUrl, {
      token: options.token,
      gate,
      stats,
      retry: options.retry,
      timeScale: scale,
      signal,
    });

  async function prepare(signal?: AbortSignal): Promise<void> {
    if (resolved) return;
    try {
      resolved = await resolveTarget(httpFor(signal), options.target);
    } catch (error) {
      signal?.throwIfAborted();
      const status = error instanceof GraphRequestError ? error.status : 0;
      throw new GraphTargetError(status, targetMessage(status, labelOf(options.target)));
    }
  }

  async function* entries(signal?: AbortSignal): AsyncIterable<Entry[]> {
    const http = httpFor(signal);
    await prepare(signal);
    const units = resolved!;
    const several = units.length > 1;
    const channel = new Channel<Entry[]>();
    if (several) channel.push([{ path: '', kind: 'folder', size: 0, modified: 0, childCount: units.length }]);
    const queue = [...units];
    const worker = async () => {
      for (let unit = queue.shift(); unit; unit = queue.shift()) {
        if (signal?.aborted) {
          gaps.push({ path: unit.prefix, reason: 'De scan is afgebroken voordat deze bibliotheek gelezen was.' });
          continue;
        }
        try {
          const batch = await readUnit(http, unit, gate, signal, () => channel.push([]));
          for (let i = 0; i < batch.length; i += 1000) channel.push(batch.slice(i, i + 1000));
        } catch (error) {
          const reason = signal?.aborted
            ? 'De scan is afgebroken voordat deze bibliotheek gelezen was.'
            : `Deze bibliotheek kon niet volledig worden gelezen (${describe(error)}); de uitkomst is onvolledig.`;
          gaps.push({ path: unit.prefix, reason });
        }
      }
    };
    const workers = Promise.all(
      Array.from({ length: Math.min(options.concurrency ?? 4, units.length) }, worker),
    ).finally(() => channel.close());
    yield* channel;
    await workers;
  }

  /** Reads one drive or folder; returns its entries under the unit's prefix. */
  async function readUnit(
    http: GraphHttp,
    unit: Unit,
    gate: ThrottleGate,
    signal: AbortSignal | undefined,
    tick: () => void,
  ): Promise<Entry[]> {
    const key = `${options.stateOwner ?? 'app'}|${unit.driveId}|${unit.scopeItemId ?? 'root'}`;
    const fresh = `/drives/${unit.driveId}/${unit.scopeItemId ? `items/${unit.scopeItemId}` : 'root'}/delta`;
    const stored = options.state ? await options.state.load(key) : undefined;
    let items: Map<string, ItemState> = stored ? fromTuples(stored.items) : new Map();
    let link = stored?.deltaLink ?? fresh;
    const changed = new Set<string>();
    let resynced = 0;
    let deltaLink: string | undefined;
    while (!deltaLink) {
      signal?.throwIfAborted();
      let page;
      try {
        // Asked for explicitly: sharing changes, items the viewer lost access to as deleted, and folders the
        // viewer may read below folders they may not (a delegated scan would otherwise miss those subtrees).
        page = await http.get(link, deltaPageSchema, {
          Prefer: 'deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges',
        });
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 410 && resynced < (options.maxResyncs ?? 3)) {
          // The delta token expired or the drive was restored: read everything again; what is not seen is gone.
          resynced++;
          resyncs.push(unit.label);
          items = new Map();
          changed.clear();
          link = error.location ? http.relative(error.location) : fresh;
          continue;
        }
        throw error;
      }
      for (const item of page.value) {
        if (applyDeltaItem(items, item)) changed.add(item.id);
        else changed.delete(item.id);
      }
      stats.items += page.value.length;
      tick();
      if (page['@odata.nextLink']) link = page['@odata.nextLink'];
      else if (page['@odata.deltaLink']) deltaLink = page['@odata.deltaLink'];
      else throw new GraphRequestError(0, 'a delta page without nextLink or deltaLink', 'invalidAnswer');
    }

    let rootId = unit.scopeItemId;
    if (!rootId) for (const [id, item] of items) if (item.root) rootId = id;
    if (!rootId) throw new GraphRequestError(0, 'the delta answer holds no root item', 'invalidAnswer');
    const scopeRoot = items.get(rootId);
    if (scopeRoot && unit.scopeItemId) scopeRoot.parentId = undefined;

    const { paths, orphans } = resolvePaths(items, rootId);
    // Below a deleted folder Graph may not list each child as deleted: they are gone from the tree too.
    for (const id of orphans) items.delete(id);
    if (orphans.length > 0 && !stored) {
      gaps.push({
        path: unit.prefix,
        reason: `${orphans.length} items hadden geen bekende bovenliggende map; ze zijn niet meegeteld.`,
      });
    }

    const shared = [...changed].filter((id) => id !== rootId && items.get(id)?.shared);
    const permissions = await readAnonymousLinks(http, gate, scale, unit.driveId, shared, signal);
    counters.permissionReads += permissions.reads;
    for (const [id, anonymous] of permissions.links) {
      const item = items.get(id);
      if (item) item.anonymous = anonymous;
    }
    for (const id of permissions.failed) {
      gaps.push({
        path: joinPath(unit.prefix, paths.get(id) ?? ''),
        reason: 'De deelinstellingen van dit item konden niet worden gelezen.',
      });
    }

    const entries = toEntries(items, paths, rootId, unit);
    // Only a drive read whole (permissions included) may be continued from later.
    if (options.state && permissions.failed.length === 0)
      await options.state.save(key, { deltaLink, items: toTuples(items) });
    return entries;
  }

  return {
    kind: 'graph',
    root: labelOf(options.target),
    target: 'sharepoint',
    entries,
    prepare,
    stats,
    gaps,
    resyncs,
    get permissionReads() {
      return counters.permissionReads;
    },
  };
}

function toEntries(items: Map<string, ItemState>, paths: Map<string, string>, rootId: string, unit: Unit): Entry[] {
  const childCount = new Map<string, number>();
  for (const [id, item] of items)
    if (id !== rootId && item.parentId) childCount.set(item.parentId, (childCount.get(item.parentId) ?? 0) + 1);
  const out: Entry[] = [];
  for (const [id, item] of items) {
    const path = paths.get(id);
    if (path === undefined) continue;
    if (id === rootId && unit.prefix === '' && !item.folder) continue;
    const folder = item.folder || id === rootId;
    out.push({
      path: joinPath(unit.prefix, path),
      kind: folder ? 'folder' : 'file',
      size: folder ? 0 : item.size,
      modified: item.modified,
      ...(!folder && item.hash ? { hash: item.hash } : {}),
      ...(folder ? { childCount: childCount.get(id) ?? 0 } : {}),
      ...(item.shared ? { anonymousLink: item.anonymous === true } : {}),
    });
  }
  return out;
}

const joinPath = (prefix: string, path: string) => (prefix === '' ? path : path === '' ? prefix : `${prefix}/${path}`);

/** Why a drive could not be read, in the report's words (Dutch; the technical detail stays in English). */
function describe(error: unknown): string {
  if (error instanceof GraphRequestError) {
    if (error.status === 401 || error.message.startsWith('no Graph token'))
      return `het Graph-token is verlopen en niet te vernieuwen (${error.status ? `Graph antwoordde 401${error.code ? ` ${error.code}` : ''}` : error.message})`;
    if (error.status) return `Graph antwoordde ${error.status}${error.code ? ` ${error.code}` : ''}`;
    if (error.code === 'foreignLink')
      return 'Graph verwees naar een adres buiten GRAPH_BASE_URL; daar gaat het token niet heen';
    if (error.code === 'invalidAnswer') return `onverwacht antwoord van Graph: ${error.message}`;
    return `geen bruikbaar antwoord van Graph na herhaalde pogingen: ${error.message}`;
  }
  return (error as Error).message;
}

function targetMessage(status: number, label: string): string {
  if (status === 404) return `${label} is niet gevonden in Microsoft Graph.`;
  if (status === 401) return `Microsoft Graph weigert het token voor ${label} (verlopen of ongeldig).`;
  if (status === 403) return `Je hebt geen toegang tot ${label} (rechten Files.Read.All en Sites.Read.All nodig).`;
  return `${label} kon niet worden opgevraagd bij Microsoft Graph${status ? ` (status ${status})` : ''}.`;
}

/** A small queue between the drive workers and the entry stream. */
class Channel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private wake?: () => void;
  private closed = false;

  push(value: T): void {
    this.buffer.push(value);
    this.wake?.();
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.buffer.length > 0) {
        yield this.buffer.shift()!;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}
