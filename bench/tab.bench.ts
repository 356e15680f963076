import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { tabDistDir } from '../src/paths.js';
import { startServer } from '../src/server/start.js';
import { launchBrowser } from '../tests/helpers/browser.js';
import { fakeTeamsHostPage } from '../tests/helpers/fake-teams-host.js';
import { median, percentile } from './stats.js';

/**
 * The tab's first content in headless Chromium (Debian's), against the real server with its embedded database: each
 * run a new browser context (an empty cache, as the first time a person opens the tab), standalone and in a page that
 * plays the Teams host (teams-js initialises through it). Per run, from the tab's own navigation start: the first
 * contentful paint, and "first content", when the start page shows its capabilities and the question box. Also the
 * initial JavaScript, gzipped. Targets: first content under 1 s; initial JavaScript under 250 KB gzipped.
 * BENCH_TAB_RUNS sets the number of runs (default 15).
 */
const runs = Number(process.env.BENCH_TAB_RUNS ?? 15);

/** Installed before the page's own scripts: notes when the start page's content is there. */
const observe = `(() => {
  if (location.pathname !== '/tab/') return;
  const seen = () => document.querySelector('[data-testid="features"]') && document.querySelector('textarea');
  new MutationObserver((_, observer) => {
    if (!seen()) return;
    window.__firstContent = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Timing {
  fcp: number;
  firstContent: number;
}

async function timing(page: Page, frameUrl: string): Promise<Timing> {
  const frame = () => page.frames().find((f) => f.url().startsWith(frameUrl));
  for (let i = 0; i < 200 && !frame(); i++) await page.waitForTimeout(25);
  const target = frame();
  if (!target) throw new Error('the tab did not load');
  await target.waitForFunction(() => (window as unknown as { __firstContent?: number }).__firstContent !== undefined, {
    timeout: 15_000,
  });
  return target.evaluate(() => ({
    firstContent: (window as unknown as { __firstContent: number }).__firstContent,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }));
}

async function measure(browser: Browser, url: string, inTeams: boolean): Promise<Timing> {
  const context = await browser.newContext({ locale: 'nl-NL' });
  await context.addInitScript(observe);
  // teams-js asks Microsoft's CDN for the valid Teams origins; there is no network here.
  await context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com'] }) }),
  );
  const page = await context.newPage();
  try {
    if (!inTeams) {
      await page.goto(`${url}/tab/`);
      return await timing(page, `${url}/tab/`);
    }
    // In Teams the tab is an https page of its own; the app is reached as https://ai-wijzer.test (see tests/e2e/tab.test.ts).
    await page.route('https://ai-wijzer.test/**', async (route) => {
      const response = await route.fetch({ url: route.request().url().replace('https://ai-wijzer.test', url) });
      await route.fulfill({ response });
    });
    await page.route('https://teams.microsoft.com/fake-host', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: fakeTeamsHostPage('https://ai-wijzer.test/tab/', { theme: 'default', locale: 'nl-nl' }),
      }),
    );
    await page.goto('https://teams.microsoft.com/fake-host');
    return await timing(page, 'https://ai-wijzer.test/tab/');
  } finally {
    // The tab goes on asking (its status, /api/me) after its first content: let those calls go before closing.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  }
}

function report(name: string, timings: Timing[]): void {
  const line = (label: string, values: number[]) =>
    `${label} median ${median(values).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms`;
  console.log(`${name} (${timings.length} cold loads):`);
  console.log(
    `  ${line(
      'first contentful paint',
      timings.map((t) => t.fcp),
    )}`,
  );
  const first = timings.map((t) => t.firstContent);
  const under = first.filter((v) => v < 1000).length;
  console.log(`  ${line('first content         ', first)}; under 1 s in ${under} of ${first.length}`);
}

export default async function tabBench(): Promise<void> {
  if (!existsSync(join(tabDistDir, 'index.html')))
    throw new Error('dist/tab is not built: run npm run build:tab first');
  const main = readdirSync(tabDistDir).filter((f) => /^main\..*\.js$/.test(f));
  const bytes = main.reduce((sum, f) => sum + gzipSync(readFileSync(join(tabDistDir, f)), { level: 9 }).length, 0);
  console.log(`initial JavaScript (${main.join(', ')}): ${(bytes / 1000).toFixed(1)} KB gzipped (target < 250 KB)`);

  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: 'memory://',
    DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, { host: '127.0.0.1', logger: createLogger('silent') });
  const browser = await launchBrowser();
  try {
    // One load first: the server's own first answers (the vision index, the store) are not the tab's.
    await measure(browser, server.url, false);
    for (const inTeams of [false, true]) {
      const timings: Timing[] = [];
      for (let i = 0; i < runs; i++) timings.push(await measure(browser, server.url, inTeams));
      report(inTeams ? 'in a Teams host' : 'standalone', timings);
    }
  } finally {
    await browser.close();
    await server.stop(1000);
  }
}
