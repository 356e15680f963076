import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { recordedCheckSchema } from '../../src/api/checks.js';
import { tabDistDir } from '../../src/paths.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { fakeTeamsHostPage } from '../helpers/fake-teams-host.js';
import { startTestServer } from '../helpers/server.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';

jest.setTimeout(180_000);

const screenshots = process.env.SCREENSHOT_DIR;
if (screenshots) mkdirSync(screenshots, { recursive: true });

/** Every page of the tab, by the route the bot links to, and what shows that it is there. */
const pages: { name: string; hash: string; ready: (f: Frame | Page) => Promise<void> }[] = [
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
      body: JSON.stringify({
        tool: 'copilot-chat',
        purpose: 'een interne notitie herschrijven',
        task: 'text',
        prohibitedPractice: 'none',
        personalData: 'none',
        confidentialData: 'unknown',
        decisionAboutPerson: 'none',
        humanReview: true,
        audience: 'internal',
        syntheticMedia: false,
        phase: 'experiment',
        trainingDone: false,
      }),
    });
    expect(recordedCheckSchema.parse(await made.json()).record.seq).toBe(1);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await graph.stop();
  });

  async function newPage() {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1100, height: 800 } });
    // teams-js asks Microsoft's CDN for the valid Teams origins; there is no network here.
    await context.route('https://res.cdn.office.net/**', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] }),
      }),
    );
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    return Object.assign(page, { problems });
  }

  it.each(pages)('$name, light: axe finds nothing', async ({ name, hash, ready }) => {
    const page = await newPage();
    await page.goto(`${server.url}/tab/${hash}`);
    await ready(page);
    expect(await wcagViolations(page)).toEqual([]);
    if (screenshots) await page.screenshot({ path: join(screenshots, `tab-page-${name}-light.png`), fullPage: true });
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it.each(pages)('$name, dark in Teams: axe finds nothing', async ({ name, hash, ready }) => {
    const page = await newPage();
    await page.route('https://ai-wijzer.test/**', async (route) => {
      const response = await route.fetch({ url: route.request().url().replace('https://ai-wijzer.test', server.url) });
      await route.fulfill({ response });
    });
    await page.route('https://teams.microsoft.com/fake-host', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: fakeTeamsHostPage(`https://ai-wijzer.test/tab/${hash}`, { theme: 'dark', locale: 'nl-nl' }),
      }),
    );
    await page.goto('https://teams.microsoft.com/fake-host');
    const tab = page.frameLocator('iframe');
    await tab.locator('[data-host="teams"][data-theme="dark"]').waitFor({ timeout: 15_000 });
    const frame = page.frames().find((f) => f.url().startsWith('https://ai-wijzer.test/'))!;
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
