import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { quickXorHash } from '../../../src/housekeeping/sources/graph/quickxor.js';
import { prng, type Tree } from './tree.js';

/**
 * A local Microsoft Graph (v1.0) for the tests: real HTTP on 127.0.0.1, the driveItem shapes, paging and
 * error behaviour of the real API for what the scan uses. Drives hold items; every change gets a sequence
 * number, and delta tokens encode a position in that sequence, so a delta link returns exactly the changes
 * made after it. Faults (throttling, 410, dropped connections, truncated pages, HTML 502 pages from a gateway,
 * late headers, stalled bodies) are drawn from a seed; a token "<token>;exp=<ms>" past its expiry is refused
 * with 401 InvalidAuthenticationToken, as Graph refuses a token past its exp claim.
 * What a person can scan comes from `users` (keyed by their delegated token): `/me/drive`, `/me/joinedTeams`,
 * `/me/followedSites`, and `/sites?search=` over all sites, the lists paged with `$skiptoken` next links.
 */
export interface FakeItem {
  id: string;
  name: string;
  parentId?: string;
  kind: 'file' | 'folder';
  size: number;
  modified: number;
  hash?: string;
  root?: boolean;
  deleted?: boolean;
  sharing?: 'anonymous' | 'organization' | 'users';
  /** Sequence number of the last change. */
  seq: number;
}

interface FakeDrive {
  id: string;
  name: string;
  items: Map<string, FakeItem>;
  rootId: string;
}

export interface Faults {
  seed?: number;
  /** Fraction of requests answered 429 (or 503 for a third of them) with Retry-After. */
  throttleRate?: number;
  /** Requests number from..to (1-based, counted over all requests) answered 429: a burst. */
  burst?: { from: number; to: number };
  /** Seconds in Retry-After. */
  retryAfter?: number;
  /** Fraction of delta requests that carry a token answered 410 Gone (resync). */
  goneRate?: number;
  /** Request numbers (1-based, over all requests) answered 410 Gone when they are delta requests with a token. */
  goneAt?: number[];
  /** Fraction of requests whose socket is destroyed without an answer. */
  dropRate?: number;
  /** Fraction of JSON answers cut off halfway. */
  malformedRate?: number;
  /** Next links that point at another host (a token must never follow them). */
  foreignLinks?: boolean;
  /** Drives whose delta always answers 503 (without Retry-After): a library that cannot be read. */
  brokenDrives?: string[];
  /** Fraction of sub-requests inside a $batch answered 429. */
  batchThrottleRate?: number;
  /** Paths (such as '/me/joinedTeams') answered 403 accessDenied: a permission the token does not carry. */
  forbiddenPaths?: string[];
  /** Fraction of requests answered by a gateway in front of Graph: 502 Bad Gateway as an HTML page (text/html). */
  htmlErrorRate?: number;
  /** From this request number on (1-based, over all requests) every answer is that HTML 502 page: an outage mid-scan. */
  htmlFrom?: number;
  /** Fraction of requests whose answer headers come only after `slowHeadersMs` (a busy Graph). */
  slowHeadersRate?: number;
  slowHeadersMs?: number;
  /**
   * Fraction of 200 answers whose body stalls: the headers and the first part of the JSON are sent, then nothing
   * for `stallMs`, then the rest in small pieces (a connection that hangs, a proxy that trickles).
   */
  stallRate?: number;
  stallMs?: number;
}

export interface FakeGraphOptions {
  /** The token every request must carry (an app token); the tokens of `users` are accepted too. */
  token?: string;
  /** Items per delta page (Graph: a few hundred). */
  pageSize?: number;
  /** Entries per page of the lists (`/me/joinedTeams`, `/me/followedSites`, `/sites?search=`) unless `$top` asks fewer. */
  listPageSize?: number;
  /** Delay before every answer, ms (a slow Graph for restart tests). */
  delayMs?: number;
  faults?: Faults;
  /** First enumeration: children before parents, and some items twice (an older name first). */
  shuffle?: boolean;
}

export interface RequestLog {
  total: number;
  byKind: Record<string, number>;
  /** Sub-requests inside $batch bodies. */
  batched: number;
  throttled: number;
  dropped: number;
  malformed: number;
  gone: number;
  /** 502s answered as an HTML page. */
  html: number;
  /** Answers whose headers were held back. */
  slow: number;
  /** Answers whose body stalled. */
  stalled: number;
  /** Requests refused because their token had expired (401 InvalidAuthenticationToken). */
  expired: number;
  userAgents: Set<string>;
  /** Arrival time (ms) of every request, in order. */
  arrivals: number[];
  /** Prefer headers of delta requests. */
  deltaPrefer: Set<string>;
}

/**
 * A signed-in user, known by their delegated Graph token (LocalEntra issues "graph:<oid>"): the teams they are a
 * member of, the sites they follow and their OneDrive. Drives and sites are not filtered per user.
 */
export interface FakeUser {
  joinedTeams: string[];
  followedSites: string[];
  /** Their OneDrive's drive id; without one `/me/drive` is 404, as for a user without a OneDrive licence. */
  drive?: string;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = <T>(token: string): T | undefined => {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString()) as T;
  } catch {
    return undefined;
  }
};

export class FakeGraph {
  readonly drives = new Map<string, FakeDrive>();
  readonly groups = new Map<string, string>();
  readonly sites = new Map<string, string[]>();
  readonly teams = new Map<
    string,
    { group: string; channels: { id: string; name: string; driveId: string; folderId: string }[] }
  >();
  /** Display names of sites and teams (the id when absent). */
  readonly siteNames = new Map<string, string>();
  readonly teamNames = new Map<string, string>();
  /** Delegated tokens and whose they are: what `/me/...` answers with. */
  readonly users = new Map<string, FakeUser>();
  readonly log: RequestLog = {
    total: 0,
    byKind: {},
    batched: 0,
    throttled: 0,
    dropped: 0,
    malformed: 0,
    gone: 0,
    html: 0,
    slow: 0,
    stalled: 0,
    expired: 0,
    userAgents: new Set(),
    arrivals: [],
    deltaPrefer: new Set(),
  };
  options: Required<Omit<FakeGraphOptions, 'faults'>> & { faults: Faults };
  private server?: Server;
  private seq = 0;
  private nextId = 1;
  private random: () => number;
  private readonly deltaCache = new Map<string, object[]>();
  url = '';

  constructor(options: FakeGraphOptions = {}) {
    this.options = {
      token: 'test-token',
      pageSize: 200,
      listPageSize: 100,
      delayMs: 0,
      shuffle: false,
      faults: {},
      ...options,
    };
    this.random = prng(this.options.faults.seed ?? 1);
  }

  setFaults(faults: Faults): void {
    this.options.faults = faults;
    this.random = prng(faults.seed ?? 1);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1.0`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  // ---- building the data ----

  addDrive(id: string, name = 'Documenten'): FakeDrive {
    const rootId = `${id}-root`;
    const drive: FakeDrive = { id, name, items: new Map(), rootId };
    drive.items.set(rootId, {
      id: rootId,
      name: 'root',
      kind: 'folder',
      size: 0,
      modified: Date.UTC(2020, 0, 1),
      root: true,
      seq: ++this.seq,
    });
    this.drives.set(id, drive);
    return drive;
  }

  /** Loads a tree description into a drive (created when missing); returns path -> item id. */
  loadTree(driveId: string, tree: Tree): Map<string, string> {
    const drive = this.drives.get(driveId) ?? this.addDrive(driveId);
    const ids = new Map<string, string>([['', drive.rootId]]);
    for (const item of tree.items) {
      const slash = item.path.lastIndexOf('/');
      const parentId = ids.get(slash < 0 ? '' : item.path.slice(0, slash))!;
      const name = item.path.slice(slash + 1);
      const added =
        item.kind === 'folder'
          ? this.add(driveId, parentId, { name, kind: 'folder', modified: item.modified })
          : this.add(driveId, parentId, {
              name,
              kind: 'file',
              modified: item.modified,
              content: item.content,
              sharing: item.sharing,
            });
      ids.set(item.path, added.id);
    }
    return ids;
  }

  add(
    driveId: string,
    parentId: string,
    spec: { name: string; kind: 'file' | 'folder'; modified?: number; content?: Buffer; sharing?: FakeItem['sharing'] },
  ): FakeItem {
    const drive = this.drive(driveId);
    const content = spec.content ?? Buffer.alloc(0);
    const item: FakeItem = {
      id: `${driveId}-${this.nextId++}`,
      name: spec.name,
      parentId,
      kind: spec.kind,
      size: spec.kind === 'file' ? content.length : 0,
      modified: spec.modified ?? Date.now(),
      ...(spec.kind === 'file' ? { hash: quickXorHash(content) } : {}),
      ...(spec.sharing ? { sharing: spec.sharing } : {}),
      seq: ++this.seq,
    };
    drive.items.set(item.id, item);
    this.touch(drive, parentId);
    return item;
  }

  /** Changes an item (rename, move, share, new content); the item and its old and new parent become changes. */
  update(
    driveId: string,
    id: string,
    change: Partial<Pick<FakeItem, 'name' | 'parentId' | 'sharing' | 'modified'>> & { content?: Buffer },
  ): void {
    const drive = this.drive(driveId);
    const item = drive.items.get(id);
    if (!item) throw new Error(`no item ${id}`);
    const oldParent = item.parentId;
    const { content, ...rest } = change;
    Object.assign(item, rest);
    if (content) Object.assign(item, { size: content.length, hash: quickXorHash(content) });
    item.seq = ++this.seq;
    if (oldParent) this.touch(drive, oldParent);
    if (item.parentId) this.touch(drive, item.parentId);
  }

  /** Deletes an item and everything under it. */
  remove(driveId: string, id: string): void {
    const drive = this.drive(driveId);
    const item = drive.items.get(id);
    if (!item) throw new Error(`no item ${id}`);
    for (const child of [...drive.items.values()].filter((c) => c.parentId === id && !c.deleted))
      this.remove(driveId, child.id);
    item.deleted = true;
    item.seq = ++this.seq;
    if (item.parentId) this.touch(drive, item.parentId);
  }

  private touch(drive: FakeDrive, id: string): void {
    const item = drive.items.get(id);
    if (item) item.seq = ++this.seq;
  }

  private drive(id: string): FakeDrive {
    const drive = this.drives.get(id);
    if (!drive) throw new Error(`no drive ${id}`);
    return drive;
  }

  // ---- the HTTP side ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.log.total++;
    this.log.arrivals.push(Date.now());
    const n = this.log.total;
    this.log.userAgents.add(req.headers['user-agent'] ?? '');
    const body = await readBody(req);
    if (this.options.delayMs > 0) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/v1\.0/, '');
    this.log.byKind[kindOf(path)] = (this.log.byKind[kindOf(path)] ?? 0) + 1;
    if (kindOf(path) === 'delta') this.log.deltaPrefer.add(String(req.headers.prefer ?? ''));
    const raw = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const { bearer, expiresAt } = splitToken(raw);
    if (!bearer || (bearer !== this.options.token && !this.users.has(bearer))) {
      return sendJson(res, 401, error('InvalidAuthenticationToken', 'Access token is empty or invalid.'));
    }
    if (expiresAt !== undefined && expiresAt <= Date.now()) {
      // What Graph says for a token past its exp claim.
      this.log.expired++;
      res.setHeader('WWW-Authenticate', 'Bearer realm="", error="invalid_token", error_description="token expired"');
      return sendJson(
        res,
        401,
        error('InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
      );
    }
    const f = this.options.faults;
    if ((f.slowHeadersRate ?? 0) > 0 && this.random() < f.slowHeadersRate!) {
      this.log.slow++;
      await new Promise((r) => setTimeout(r, f.slowHeadersMs ?? 1000));
      if (req.socket.destroyed) return;
    }
    if (
      (f.htmlFrom !== undefined && n >= f.htmlFrom) ||
      ((f.htmlErrorRate ?? 0) > 0 && this.random() < f.htmlErrorRate!)
    ) {
      this.log.html++;
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    if ((f.dropRate ?? 0) > 0 && this.random() < f.dropRate!) {
      this.log.dropped++;
      req.socket.destroy();
      return;
    }
    const inBurst = f.burst !== undefined && n >= f.burst.from && n <= f.burst.to;
    if (inBurst || ((f.throttleRate ?? 0) > 0 && this.random() < f.throttleRate!)) {
      this.log.throttled++;
      const status = !inBurst && this.random() < 1 / 3 ? 503 : 429;
      res.setHeader('Retry-After', String(f.retryAfter ?? 1));
      return sendJson(res, status, error(status === 429 ? 'activityLimitReached' : 'serviceNotAvailable', 'Throttled'));
    }
    if (f.forbiddenPaths?.includes(path))
      return sendJson(res, 403, error('accessDenied', 'Either scp or roles claim need to be present in the token.'));
    const answer = this.route(req.method ?? 'GET', path, url, body, this.users.get(bearer));
    if (answer.status === 200 && (f.malformedRate ?? 0) > 0 && this.random() < f.malformedRate!) {
      this.log.malformed++;
      const text = JSON.stringify(answer.body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    if (answer.headers) for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
    if (answer.status === 200 && (f.stallRate ?? 0) > 0 && this.random() < f.stallRate!) {
      this.log.stalled++;
      return stall(res, JSON.stringify(answer.body), f.stallMs ?? 1000);
    }
    sendJson(res, answer.status, answer.body);
  }

  private route(method: string, path: string, url: URL, body: string, user?: FakeUser): Answer {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/$batch') return this.batch(body, user);
    if (method !== 'GET') return { status: 405, body: error('invalidRequest', 'Method not allowed') };
    if (path.startsWith('/me/') || path === '/me') return this.me(path, url, user);
    if (path === '/sites') return this.siteSearch(url);
    if ((m = /^\/drives\/([^/]+)$/.exec(path))) return this.driveInfo(m[1]!);
    if ((m = /^\/groups\/([^/]+)\/drive$/.exec(path))) {
      const drive = this.groups.get(m[1]!);
      return drive ? this.driveInfo(drive) : notFound();
    }
    if ((m = /^\/sites\/([^/]+)\/drives$/.exec(path))) {
      const drives = this.sites.get(m[1]!);
      return drives ? { status: 200, body: { value: drives.map((d) => this.driveInfo(d).body) } } : notFound();
    }
    if ((m = /^\/groups\/([^/]+)\/sites\/root$/.exec(path))) {
      const site = [...this.sites.keys()].find((s) => s === `site-${m![1]}`);
      return site ? { status: 200, body: { id: site } } : notFound();
    }
    if ((m = /^\/teams\/([^/]+)\/channels$/.exec(path))) {
      const team = this.teams.get(m[1]!);
      return team
        ? {
            status: 200,
            body: { value: team.channels.map((c) => ({ id: c.id, displayName: c.name, membershipType: 'standard' })) },
          }
        : notFound();
    }
    if ((m = /^\/teams\/([^/]+)\/channels\/([^/]+)\/filesFolder$/.exec(path))) {
      const channel = this.teams.get(m[1]!)?.channels.find((c) => c.id === m![2]);
      if (!channel) return notFound();
      const item = this.drives.get(channel.driveId)?.items.get(channel.folderId);
      return item ? { status: 200, body: this.itemJson(channel.driveId, item, true) } : notFound();
    }
    if ((m = /^\/drives\/([^/]+)\/(?:root|items\/([^/]+))\/delta$/.exec(path))) return this.delta(m[1]!, m[2], url);
    if ((m = /^\/drives\/([^/]+)\/(?:root|items\/([^/]+))\/children$/.exec(path)))
      return this.children(m[1]!, m[2], url);
    if ((m = /^\/drives\/([^/]+)\/items\/([^/]+)\/permissions$/.exec(path))) return this.permissions(m[1]!, m[2]!);
    return notFound();
  }

  /** What the signed-in user reaches; an app token has no "me" (Graph answers 400 for it). */
  private me(path: string, url: URL, user?: FakeUser): Answer {
    if (!user)
      return {
        status: 400,
        body: error('BadRequest', '/me request is only valid with delegated authentication flow.'),
      };
    if (path === '/me/drive') {
      if (!user.drive || !this.drives.has(user.drive)) return notFound();
      return { status: 200, body: { ...this.driveInfo(user.drive).body, driveType: 'business' } };
    }
    if (path === '/me/joinedTeams') {
      const teams = user.joinedTeams.map((id) => ({
        id,
        displayName: this.teamNames.get(id) ?? id,
        description: null,
      }));
      return this.listPage(teams, url);
    }
    if (path === '/me/followedSites')
      return this.listPage(
        user.followedSites.map((id) => this.siteJson(id)),
        url,
      );
    return notFound();
  }

  /** `GET /sites?search=<text>`: sites whose name or id contains the text; `*` finds every site. */
  private siteSearch(url: URL): Answer {
    const search = url.searchParams.get('search');
    if (search === null) return { status: 400, body: error('invalidRequest', 'A search query is required.') };
    const text = search.toLowerCase();
    const ids = new Set([...this.sites.keys(), ...this.siteNames.keys()]);
    const found = [...ids]
      .map((id) => this.siteJson(id))
      .filter((s) => text === '*' || s.displayName.toLowerCase().includes(text) || s.id.toLowerCase().includes(text));
    return this.listPage(found, url);
  }

  private siteJson(id: string): { id: string; name: string; displayName: string; webUrl: string } {
    const displayName = this.siteNames.get(id) ?? id;
    return {
      id,
      name: displayName,
      displayName,
      webUrl: `https://example.sharepoint.com/sites/${encodeURIComponent(id)}`,
    };
  }

  /** One page of a list, paged with `$top` and `$skiptoken` in `@odata.nextLink` (the other parameters kept). */
  private listPage(all: object[], url: URL): Answer {
    const top = Math.min(
      Number(url.searchParams.get('$top') ?? this.options.listPageSize) || 1,
      this.options.listPageSize,
    );
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0) || 0;
    const value = all.slice(skip, skip + top);
    if (skip + top >= all.length) return { status: 200, body: { value } };
    const query = [...url.searchParams.entries()]
      .filter(([k]) => k !== '$skiptoken')
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    query.push(`$skiptoken=${skip + top}`);
    const path = url.pathname.replace(/^\/v1\.0/, '');
    return { status: 200, body: { value, '@odata.nextLink': `${this.url}${path}?${query.join('&')}` } };
  }

  private driveInfo(id: string): Answer {
    const drive = this.drives.get(id);
    if (!drive) return notFound();
    return { status: 200, body: { id: drive.id, name: drive.name, driveType: 'documentLibrary' } };
  }

  private itemJson(driveId: string, item: FakeItem, withPath = false): object {
    const drive = this.drive(driveId);
    const base = {
      id: item.id,
      parentReference: { driveId, driveType: 'documentLibrary', ...(item.parentId ? { id: item.parentId } : {}) },
    };
    if (item.deleted) return { ...base, deleted: { state: 'deleted' } };
    const when = new Date(item.modified).toISOString();
    return {
      ...base,
      name: item.name,
      size: item.kind === 'file' ? item.size : this.folderSize(drive, item.id),
      createdDateTime: when,
      lastModifiedDateTime: when,
      ...(item.root ? { root: {} } : {}),
      ...(item.kind === 'folder'
        ? {
            folder: {
              childCount: [...drive.items.values()].filter((c) => c.parentId === item.id && !c.deleted).length,
            },
          }
        : { file: { mimeType: 'application/octet-stream', hashes: { quickXorHash: item.hash } } }),
      ...(item.sharing ? { shared: { scope: item.sharing === 'anonymous' ? 'users' : item.sharing } } : {}),
      ...(withPath ? { webUrl: `https://example.sharepoint.com/${item.name}` } : {}),
    };
  }

  private folderSize(_drive: FakeDrive, _id: string): number {
    return 0;
  }

  /** Items under scope (the root, or a folder for subfolder delta), in change order. */
  private delta(driveId: string, scopeId: string | undefined, url: URL): Answer {
    const drive = this.drives.get(driveId);
    if (!drive) return notFound();
    const scope = scopeId ?? drive.rootId;
    if (!drive.items.has(scope)) return notFound();
    if (this.options.faults.brokenDrives?.includes(driveId))
      return { status: 503, body: error('serviceNotAvailable', 'Service unavailable') };
    const tokenText = url.searchParams.get('token');
    let token = tokenText
      ? decode<{ d: string; f: number; s: number; o: number }>(tokenText)
      : { d: driveId, f: 0, s: 0, o: 0 };
    if (!token || token.d !== driveId) return { status: 400, body: error('invalidRequest', 'Invalid token') };
    // A fresh enumeration or a delta link: the snapshot is taken now; its next links keep it.
    if (token.s === 0) token = { ...token, s: this.seq };
    const f = this.options.faults;
    const goneNow = f.goneAt?.includes(this.log.total) || ((f.goneRate ?? 0) > 0 && this.random() < f.goneRate!);
    if (tokenText && goneNow) {
      this.log.gone++;
      const fresh = `${this.url}/drives/${driveId}/${scopeId ? `items/${scopeId}` : 'root'}/delta`;
      return {
        status: 410,
        headers: { Location: fresh },
        body: error('resyncRequired', 'Resync required: apply differences.'),
      };
    }
    const key = `${driveId}|${scope}|${token.f}|${token.s}`;
    let list = this.deltaCache.get(key);
    if (!list) {
      list = this.changes(drive, scope, token.f, token.s);
      this.deltaCache.set(key, list);
    }
    const size = Math.min(
      Number(url.searchParams.get('$top') ?? this.options.pageSize) || this.options.pageSize,
      this.options.pageSize,
    );
    const page = list.slice(token.o, token.o + size);
    const base = `${this.url}/drives/${driveId}/${scopeId ? `items/${scopeId}` : 'root'}/delta`;
    const more = token.o + size < list.length;
    const link = more
      ? {
          '@odata.nextLink': `${f.foreignLinks ? base.replace(/^http:\/\/[^/]+/, 'http://elders.example') : base}?token=${encode({ ...token, o: token.o + size })}`,
        }
      : { '@odata.deltaLink': `${base}?token=${encode({ d: driveId, f: token.s, s: 0, o: 0 })}` };
    if (!more) this.deltaCache.delete(key);
    return { status: 200, body: { value: page, ...link } };
  }

  private changes(drive: FakeDrive, scope: string, from: number, snapshotSeq: number): object[] {
    const until = snapshotSeq;
    const inScope = (item: FakeItem) => {
      for (let id: string | undefined = item.id; id; id = drive.items.get(id)?.parentId) if (id === scope) return true;
      return false;
    };
    const changed = [...drive.items.values()].filter(
      (i) => i.seq > from && i.seq <= until && inScope(i) && !(from === 0 && i.deleted),
    );
    changed.sort((a, b) => a.seq - b.seq);
    let out = changed.map((i) => this.itemJson(drive.id, i));
    if (from === 0 && this.options.shuffle) {
      // Children before parents, and some items twice with an older name first (the last one wins).
      const r = prng(7);
      out = out.reverse();
      const twice = out.filter(() => r() < 0.05).map((i) => ({ ...i, name: `${(i as { name: string }).name} (oud)` }));
      out = [...twice, ...out];
    }
    return out;
  }

  private children(driveId: string, itemId: string | undefined, url: URL): Answer {
    const drive = this.drives.get(driveId);
    if (!drive) return notFound();
    const parent = itemId ?? drive.rootId;
    const all = [...drive.items.values()].filter((i) => i.parentId === parent && !i.deleted);
    const top = Math.min(Number(url.searchParams.get('$top') ?? 200) || 200, 999);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0) || 0;
    const page = all.slice(skip, skip + top).map((i) => this.itemJson(driveId, i));
    const next =
      skip + top < all.length
        ? {
            '@odata.nextLink': `${this.url}${url.pathname.replace(/^\/v1\.0/, '')}?$top=${top}&$skiptoken=${skip + top}`,
          }
        : {};
    return { status: 200, body: { value: page, ...next } };
  }

  private permissions(driveId: string, itemId: string): Answer {
    const item = this.drives.get(driveId)?.items.get(itemId);
    if (!item || item.deleted) return notFound();
    const value: object[] = [
      { id: 'owner', roles: ['owner'], grantedToV2: { siteGroup: { displayName: 'Eigenaars' } } },
    ];
    if (item.sharing) {
      const scope =
        item.sharing === 'anonymous' ? 'anonymous' : item.sharing === 'organization' ? 'organization' : 'users';
      value.push({
        id: `link-${item.id}`,
        roles: ['read'],
        link: { scope, type: 'view', webUrl: `https://example.sharepoint.com/:b:/s/x/${item.id}` },
      });
    }
    return { status: 200, body: { value } };
  }

  private batch(body: string, user?: FakeUser): Answer {
    let parsed: { requests?: { id: string; method: string; url: string }[] };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return { status: 400, body: error('BadRequest', 'Invalid batch payload.') };
    }
    const requests = parsed.requests ?? [];
    if (requests.length === 0 || requests.length > 20) {
      return {
        status: 400,
        body: error('BadRequest', 'Number of batch request steps exceeds the maximum value of 20.'),
      };
    }
    const rate = this.options.faults.batchThrottleRate ?? 0;
    const responses = requests.map((r) => {
      this.log.batched++;
      if (rate > 0 && this.random() < rate) {
        this.log.throttled++;
        return {
          id: r.id,
          status: 429,
          headers: { 'Retry-After': String(this.options.faults.retryAfter ?? 1) },
          body: error('activityLimitReached', 'Throttled'),
        };
      }
      const url = new URL(r.url.startsWith('/') ? r.url : `/${r.url}`, 'http://x');
      const answer = this.route(r.method, url.pathname, url, '', user);
      return { id: r.id, status: answer.status, headers: { 'Content-Type': 'application/json' }, body: answer.body };
    });
    return { status: 200, body: { responses } };
  }
}

interface Answer {
  status: number;
  body: object;
  headers?: Record<string, string>;
}

function kindOf(path: string): string {
  if (path.endsWith('/delta')) return 'delta';
  if (path.endsWith('/children')) return 'children';
  if (path.endsWith('/permissions')) return 'permissions';
  if (path === '/$batch') return 'batch';
  if (path === '/me/joinedTeams') return 'joinedTeams';
  if (path === '/me/followedSites') return 'followedSites';
  if (path === '/me/drive') return 'meDrive';
  if (path === '/sites') return 'siteSearch';
  return 'other';
}

const error = (code: string, message: string) => ({ error: { code, message } });
const notFound = (): Answer => ({ status: 404, body: error('itemNotFound', 'The resource could not be found.') });

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A token as LocalEntra issues it with a lifetime: "<token>;exp=<ms>" (a real Graph token carries `exp` in its JWT).
 * Without the suffix a token never expires.
 */
function splitToken(raw: string | undefined): { bearer?: string; expiresAt?: number } {
  const m = raw ? /^(.*);exp=(\d+)$/.exec(raw) : null;
  return m ? { bearer: m[1], expiresAt: Number(m[2]) } : { bearer: raw };
}

/** Sends a third of the body, stalls, then trickles the rest; stops when the client has gone. */
async function stall(res: ServerResponse, text: string, ms: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  const bytes = Buffer.from(text);
  const first = Math.floor(bytes.length / 3);
  res.write(bytes.subarray(0, first));
  await new Promise((r) => setTimeout(r, ms));
  for (let at = first; at < bytes.length; at += 64) {
    if (res.destroyed || res.socket?.destroyed) return;
    res.write(bytes.subarray(at, at + 64));
    await new Promise((r) => setTimeout(r, 1));
  }
  res.end();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', () => resolve(''));
  });
}
