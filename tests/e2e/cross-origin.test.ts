import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { sampleCheckCase } from '../helpers/check-case.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

/** A page on another origin (another port) that tries the API in the ways a hostile site could. */
function hostilePage(): Promise<Server> {
  const page = '<!doctype html><html lang="en"><title>elders</title><form method="post" enctype="text/plain"></form>';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('another website in a real browser cannot use the API', () => {
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let other: Server;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestServer();
    other = await hostilePage();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    other.close();
    await api.dispose();
  });

  const recorded = async () =>
    (await api.store.query<{ n: number }>('select count(*)::int as n from quickcheck_records'))[0]!.n;

  it('reads nothing and records nothing, by fetch, by a simple request and by a form', async () => {
    const seen: string[] = [];
    api.server.prependListener('request', (req: IncomingMessage) => seen.push(`${req.method} ${req.url}`));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    const target = `${api.url}/api/checks`;
    const outcomes = await page.evaluate(
      async ({ target, body }) => {
        const tryFetch = (init: RequestInit) =>
          fetch(target, init).then(
            (r) => `read ${r.status}`,
            () => 'blocked',
          );
        return {
          read: await tryFetch({ headers: { 'x-dev-user': 'anna' } }),
          json: await tryFetch({
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-dev-user': 'anna' },
            body,
          }),
          simple: await tryFetch({ method: 'POST', mode: 'no-cors', body }),
        };
      },
      { target, body: JSON.stringify(sampleCheckCase) },
    );
    expect(outcomes).toEqual({ read: 'blocked', json: 'blocked', simple: 'blocked' });
    // They were refused by the API, not lost on the way: two preflights (the JSON requests themselves were never
    // sent) and the simple request, which the API refused and whose answer the browser kept from the page.
    expect(seen).toEqual(['OPTIONS /api/checks', 'OPTIONS /api/checks', 'POST /api/checks']);
    // A plain form post (text/plain) navigates the page to the API's refusal.
    await page.evaluate((target) => {
      const form = document.querySelector('form')!;
      form.action = target;
      form.submit();
    }, target);
    await page.waitForURL(target);
    expect(await page.textContent('body')).toMatch(/cross_origin/);
    expect(await recorded()).toBe(0);
    // The API's own origin is fine.
    await page.goto(`${api.url}/healthz`);
    const own = await page.evaluate(
      async ({ target, body }) =>
        (
          await fetch(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-dev-user': 'anna' },
            body,
          })
        ).status,
      { target, body: JSON.stringify(sampleCheckCase) },
    );
    expect(own).toBe(201);
    expect(await recorded()).toBe(1);
    await page.close();
  });
});
