import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { tabDistDir } from '../../src/paths.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

const screenshots = process.env.SCREENSHOT_DIR;

describe('the tab in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(tabDistDir, 'index.html'))) throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
    server = await startTestServer();
    browser = await launchBrowser();
  });

  // The one outside host the tab talks to: teams-js fetches its list of valid Teams origins from Microsoft's CDN.
  // This machine has no network, so the browser gets the list's documented shape from here.
  async function newPage(locale: string) {
    const context = await browser.newContext({ locale });
    await context.route('https://res.cdn.office.net/**', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', 'teams.cloud.microsoft'] }) }),
    );
    return context.newPage();
  }
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('renders standalone in Dutch, without hanging on teams-js, with no console errors or CSP violations', async () => {
    const page = await newPage('nl-NL');
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('heading', { level: 1, name: 'AI-wijzer' }).waitFor();
    await page.getByText('Vraag het de visie').waitFor();
    await page.getByTestId('status').getByText('De app werkt.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getByTestId('status').textContent()).toContain('buiten Teams');
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-nl.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows an English browser and still runs when framed by a page that is not Teams', async () => {
    const page = await newPage('en-US');
    await page.goto(`${server.url}/tab/`);
    await page.getByText('Ask the vision').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();

    // Inside an iframe teams-js gets no answer from a host: the page must give up waiting and run standalone.
    // The framing page has the app's own origin, the only non-Microsoft ancestor the CSP allows.
    const framed = await newPage('nl-NL');
    await framed.route(`${server.url}/frame-test`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<iframe src="/tab/" width="800" height="600"></iframe>' }),
    );
    await framed.goto(`${server.url}/frame-test`);
    const frame = framed.frameLocator('iframe');
    await frame.getByText('buiten Teams', { exact: false }).waitFor({ timeout: 15_000 });
    await framed.close();
  });

  it('cannot be framed by a host that is not Teams or Microsoft 365', async () => {
    const page = await newPage('nl-NL');
    await page.route('http://elders.example/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${server.url}/tab/"></iframe>` }),
    );
    await page.goto('http://elders.example/', { waitUntil: 'load' });
    const child = page.frames().find((f) => f !== page.mainFrame());
    expect(child).toBeDefined();
    // Chromium replaces a frame refused by frame-ancestors with its error page: the tab never renders there.
    expect(child!.url()).not.toContain('/tab/');
    expect(await child!.getByText('Vraag het de visie').count()).toBe(0);
    await page.close();
  });
});
