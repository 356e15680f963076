import { FakeGraph } from './fake-graph.js';
import { generateTree } from './tree.js';

/** The local Graph itself behaves like the parts of Microsoft Graph the scan relies on. */
const auth = { authorization: 'Bearer test-token' };

async function get(url: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, { headers: auth });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

describe('the local Graph', () => {
  const tree = generateTree({ seed: 61, files: 120, folders: 10 });
  let graph: FakeGraph;
  let url: string;
  let ids: Map<string, string>;

  beforeEach(async () => {
    graph = new FakeGraph({ pageSize: 25 });
    url = await graph.start();
    ids = graph.loadTree('d1', tree);
  });
  afterEach(() => graph.stop());

  it('refuses a request without the token', async () => {
    const res = await fetch(`${url}/drives/d1/root/delta`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });

  it('refuses a token past its expiry as Graph does, and accepts it before', async () => {
    const expired = await fetch(`${url}/drives/d1`, {
      headers: { authorization: `Bearer test-token;exp=${Date.now() - 1}` },
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/invalid_token/);
    const body = (await expired.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: 'InvalidAuthenticationToken', message: expect.stringMatching(/expired/) });
    const valid = await fetch(`${url}/drives/d1`, {
      headers: { authorization: `Bearer test-token;exp=${Date.now() + 60_000}` },
    });
    expect(valid.status).toBe(200);
  });

  it('answers as a gateway does when it fails (502, text/html), and holds back or stalls answers when asked', async () => {
    graph.setFaults({ htmlErrorRate: 1 });
    const html = await fetch(`${url}/drives/d1`, { headers: auth });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toMatch(/^<html>.*502 Bad Gateway/);

    graph.setFaults({ slowHeadersRate: 1, slowHeadersMs: 200 });
    let started = Date.now();
    expect((await fetch(`${url}/drives/d1`, { headers: auth })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);

    graph.setFaults({ stallRate: 1, stallMs: 200 });
    started = Date.now();
    const stalled = await fetch(`${url}/drives/d1/root/delta`, { headers: auth });
    const headersAfter = Date.now() - started;
    const page = JSON.parse(await stalled.text()) as { value: unknown[] };
    expect(headersAfter).toBeLessThan(150); // the headers come at once, the body later
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(page.value).toHaveLength(25);
    expect(graph.log).toMatchObject({ html: 1, slow: 1, stalled: 1 });
  });

  it('pages children with $top and nextLink', async () => {
    const geplant = ids.get('Geplant')!;
    const names: string[] = [];
    let pages = 0;
    for (let link: string | undefined = `${url}/drives/d1/items/${geplant}/children?$top=7`; link; pages++) {
      const { body } = await get(link);
      names.push(...(body.value as { name: string }[]).map((i) => i.name));
      link = body['@odata.nextLink'] as string | undefined;
    }
    const expected = tree.items
      .filter((i) => i.path.startsWith('Geplant/') && !i.path.slice(8).includes('/'))
      .map((i) => i.path.slice(8));
    expect(names.sort()).toEqual(expected.sort());
    expect(pages).toBe(Math.ceil(expected.length / 7));
  });

  it('gives delta pages without paths, and a delta link that returns only later changes', async () => {
    let link: string | undefined = `${url}/drives/d1/root/delta`;
    let deltaLink: string | undefined;
    let count = 0;
    while (link) {
      const { body } = await get(link);
      const items = body.value as { parentReference: Record<string, unknown> }[];
      expect(items.length).toBeLessThanOrEqual(25);
      for (const item of items) expect(item.parentReference.path).toBeUndefined();
      count += items.length;
      link = body['@odata.nextLink'] as string | undefined;
      deltaLink = body['@odata.deltaLink'] as string | undefined;
    }
    expect(count).toBe(tree.items.length + 1);
    expect((await get(deltaLink!)).body.value).toEqual([]);
    graph.remove('d1', ids.get('Geplant/Thumbs.db')!);
    const changes = (await get(deltaLink!)).body.value as { id: string; deleted?: object }[];
    expect(changes.find((c) => c.id === ids.get('Geplant/Thumbs.db'))!.deleted).toEqual({ state: 'deleted' });
    expect(changes.some((c) => c.id === ids.get('Geplant'))).toBe(true); // its folder changed too
  });

  it('answers $batch per request, refuses more than 20, and can throttle inside a batch', async () => {
    const shared = ids.get('Geplant/openbaar gedeeld.pdf')!;
    const post = (requests: object[]) =>
      fetch(`${url}/$batch`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ requests }),
      });
    const ok = (await (
      await post([
        { id: '1', method: 'GET', url: `/drives/d1/items/${shared}/permissions` },
        { id: '2', method: 'GET', url: '/drives/d1/items/nope/permissions' },
      ])
    ).json()) as { responses: { id: string; status: number; body: { value?: { link?: { scope: string } }[] } }[] };
    expect(ok.responses.find((r) => r.id === '1')!.body.value!.some((p) => p.link?.scope === 'anonymous')).toBe(true);
    expect(ok.responses.find((r) => r.id === '2')!.status).toBe(404);
    expect(
      (
        await post(
          Array.from({ length: 21 }, (_, i) => ({
            id: String(i),
            method: 'GET',
            url: `/drives/d1/items/${shared}/permissions`,
          })),
        )
      ).status,
    ).toBe(400);
    graph.setFaults({ seed: 3, batchThrottleRate: 1, retryAfter: 2 });
    const throttled = (await (
      await post([{ id: '1', method: 'GET', url: `/drives/d1/items/${shared}/permissions` }])
    ).json()) as { responses: { status: number; headers: Record<string, string> }[] };
    expect(throttled.responses[0]).toMatchObject({ status: 429, headers: { 'Retry-After': '2' } });
  });

  it('injects the same faults for the same seed', async () => {
    const statuses = async () => {
      const g = new FakeGraph({ faults: { seed: 42, throttleRate: 0.3, retryAfter: 1 } });
      const u = await g.start();
      g.loadTree('d1', tree);
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await fetch(`${u}/drives/d1`, { headers: auth })).status);
      await g.stop();
      return out;
    };
    const first = await statuses();
    expect(first.filter((s) => s !== 200).length).toBeGreaterThan(0);
    expect(await statuses()).toEqual(first);
  });

  it('answers 410 with a Location to resync from, drops connections and truncates pages on request', async () => {
    const first = await get(`${url}/drives/d1/root/delta`);
    graph.setFaults({ goneAt: [graph.log.total + 1] });
    const gone = await get(first.body['@odata.nextLink'] as string);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('location')).toBe(`${url}/drives/d1/root/delta`);
    graph.setFaults({ seed: 1, dropRate: 1 });
    await expect(fetch(`${url}/drives/d1`, { headers: auth })).rejects.toThrow();
    graph.setFaults({ seed: 1, malformedRate: 1 });
    const res = await fetch(`${url}/drives/d1/root/delta`, { headers: auth });
    await expect(res.json()).rejects.toThrow();
  });

  it('pages a user\'s teams and followed sites and the site search with next links, and knows no "me" for an app token', async () => {
    await graph.stop(); // the one of beforeEach; afterEach stops this one
    graph = new FakeGraph({ pageSize: 25, listPageSize: 2 });
    url = await graph.start();
    for (const id of ['t1', 't2', 't3']) graph.teamNames.set(id, `Team ${id}`);
    for (const id of ['s1', 's2', 's3', 's4', 's5']) graph.siteNames.set(id, `Site ${id}`);
    graph.users.set('graph:u1', { joinedTeams: ['t1', 't2', 't3'], followedSites: ['s1', 's2'], drive: 'd1' });
    graph.addDrive('d1', 'OneDrive');
    const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const all = async (first: string) => {
      const out: string[] = [];
      let pages = 0;
      for (let link: string | undefined = first; link; pages++) {
        const body = (await (await fetch(link, as('graph:u1'))).json()) as Record<string, unknown>;
        out.push(...(body.value as { id: string }[]).map((v) => v.id));
        link = body['@odata.nextLink'] as string | undefined;
      }
      return { out, pages };
    };
    expect(await all(`${url}/me/joinedTeams`)).toEqual({ out: ['t1', 't2', 't3'], pages: 2 });
    expect(await all(`${url}/me/followedSites`)).toEqual({ out: ['s1', 's2'], pages: 1 });
    expect(await all(`${url}/sites?search=*`)).toEqual({ out: ['s1', 's2', 's3', 's4', 's5'], pages: 3 });
    expect((await all(`${url}/sites?search=site%20s4`)).out).toEqual(['s4']);
    const drive = (await (await fetch(`${url}/me/drive`, as('graph:u1'))).json()) as { id: string };
    expect(drive.id).toBe('d1');

    const app = await fetch(`${url}/me/joinedTeams`, as('test-token'));
    expect(app.status).toBe(400);
    expect((await fetch(`${url}/me/joinedTeams`, as('graph:onbekend'))).status).toBe(401);
    graph.setFaults({ burst: { from: graph.log.total + 1, to: graph.log.total + 1 }, retryAfter: 3 });
    const throttled = await fetch(`${url}/me/followedSites`, as('graph:u1'));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    graph.setFaults({ forbiddenPaths: ['/me/followedSites'] });
    expect((await fetch(`${url}/me/followedSites`, as('graph:u1'))).status).toBe(403);
  });
});
