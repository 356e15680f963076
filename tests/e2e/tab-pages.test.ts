import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { recordedCheckSchema } from '../../src/api/checks.js';
import { tabDistDir } from '../../src/paths.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { sampleCheckCase } from '../helpers/check-case.js';
import { startTestServer } from '../helpers/server.js';
import { newTabPage, openInTeams } from '../helpers/tab-page.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';

jest.setTimeout(180_000);

const screenshots = process.env.SCREENSHOT_DIR;
const viewport = { viewport: { width: 1100, height: 800 } };
if (screenshots) mkdirSync(screenshots, { recursive: true });

/** Every page of the tab, by the route the bot links to, and what shows that it is there. */
const pages: { name: string; hash: string; user?: string; ready: (f: Frame | Page) => Promise<void> }[] = [
  { name: 'start', hash: '', ready: (f) => f.getByRole('heading', { level: 2, name: 'Vraag het de visie' }).waitFor() },
  { name: 'visie', hash: '#visie/privacy', ready: (f) => f.locator('#visie-privacy').waitFor() },
  { name: 'check', hash: '#check', ready: (f) => f.getByText(/^Vraag 1 van \d+$/).waitFor() },
  { name: 'checks', hash: '#checks', ready: (f) => f.locator('tr[data-seq]').first().waitFor() },
  { name: 'check-record', hash: '#checks/1', ready: (f) => f.getByTestId('check-record').waitFor() },
  {
    name: 'scan',
    hash: '#scan',
    ready: (f) => f.getByRole('group', { name: 'Sites' }).getByRole('radio', { name: 'Wijkzaken' }).waitFor(),
  },
  {
    name: 'beheer',
    hash: '#beheer',
    user: 'beheerder',
    ready: (f) => f.getByRole('table', { name: /^Checks per oordeel/ }).waitFor(),
  },
  {
    name: 'not-found',
    hash: '#bestaat-niet',
    ready: (f) => f.getByRole('heading', { level: 2, name: 'Deze pagina bestaat niet' }).waitFor(),
  },
];

/**
 * Every page of the tab, light (standalone, as in a browser) and dark (in a page that plays the Teams host): axe-core
 * finds nothing, the page throws nothing, and with SCREENSHOT_DIR set each is written as tab-page-<name>-<theme>.png.
 */
describe('every page of the tab, light and dark', () => {
  const graph = new FakeGraph({ token: 'dev-app-token' });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(tabDistDir, 'index.html')))
      throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
    const graphUrl = await graph.start();
    graph.sites.set('groningen.sharepoint.com,site-wijk,web-1', []);
    graph.siteNames.set('groningen.sharepoint.com,site-wijk,web-1', 'Wijkzaken');
    server = await startTestServer({ GRAPH_BASE_URL: graphUrl, GRAPH_ACCESS_TOKEN: 'dev-app-token' });
    browser = await launchBrowser();
    // One check of the local user (the tab outside Teams has no token: the server takes the local user), for #checks.
    const made = await fetch(`${server.url}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleCheckCase),
    });
    expect(recordedCheckSchema.parse(await made.json()).record.seq).toBe(1);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await graph.stop();
  });

  // Beheer as an admin of local development (DEV_ADMINS), every other page as the local user.
  const as = (user?: string) => ({ ...viewport, ...(user ? { extraHTTPHeaders: { 'x-dev-user': user } } : {}) });

  it.each(pages)('$name, light: axe finds nothing', async ({ name, hash, user, ready }) => {
    const page = await newTabPage(browser, as(user));
    await page.goto(`${server.url}/tab/${hash}`);
    await ready(page);
    expect(await wcagViolations(page)).toEqual([]);
    if (screenshots) await page.screenshot({ path: join(screenshots, `tab-page-${name}-light.png`), fullPage: true });
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it.each(pages)('$name, dark in Teams: axe finds nothing', async ({ name, hash, user, ready }) => {
    const page = await newTabPage(browser, as(user));
    const { frame } = await openInTeams(page, server.url, { theme: 'dark', hash });
    await ready(frame);
    expect(await wcagViolations(frame)).toEqual([]);
    if (screenshots) {
      // The host frames the tab at a fixed height: as tall as the page, so the screenshot shows all of it.
      const height = await frame.evaluate(() => document.documentElement.scrollHeight);
      // (and the window too: Chromium paints a frame only where the window shows it).
      await page.setViewportSize({ width: 1100, height: height + 40 });
      await page.evaluate((h) => document.getElementById('app')!.setAttribute('height', String(h)), height);
      await frame.waitForFunction((h) => window.innerHeight >= h, height);
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: join(screenshots, `tab-page-${name}-dark.png`) });
    }
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
