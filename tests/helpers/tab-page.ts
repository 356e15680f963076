import type { Browser, BrowserContextOptions, Frame, FrameLocator, Page } from 'playwright-core';
import { fakeTeamsHostPage } from './fake-teams-host.js';

/** A browser page for the tab, with what it threw or logged as an error (`problems`: a spec expects none). */
export type TabPage = Page & { problems: string[] };

/**
 * A new page in a context of its own. The one outside host the tab talks to is Microsoft's CDN, where teams-js asks
 * for the valid Teams origins; this machine has no network, so the list's documented shape is answered here.
 */
export async function newTabPage(
  browser: Browser,
  options: BrowserContextOptions & { consoleErrors?: boolean } = {},
): Promise<TabPage> {
  const { consoleErrors = false, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'nl-NL', ...contextOptions });
  await context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com', 'teams.cloud.microsoft'] }),
    }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  if (consoleErrors) page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return Object.assign(page, { problems });
}

/** Where the tab is reached inside the fake Teams host (an https origin of its own, passed on to the real server). */
export const tabOrigin = 'https://ai-wijzer.test';

/** What the fake host tells the tab: theme, locale, deep link, frame context, team and channel. */
type HostContext = Parameters<typeof fakeTeamsHostPage>[1];

export interface InTeams {
  tab: FrameLocator;
  /** The tab's own frame, for axe and for reading its URL. */
  frame: Frame;
}

/**
 * Reaches the real server as https://ai-wijzer.test, the way the app's https proxy does in production: every request
 * passed on with the X-Forwarded-Proto and X-Forwarded-Host a proxy sets, so the server knows its public origin (its
 * same-origin rule on /api compares the page's Origin with it).
 */
export async function proxyTabOrigin(page: Page, serverUrl: string): Promise<void> {
  const { host } = new URL(tabOrigin);
  await page.route(`${tabOrigin}/**`, async (route) => {
    try {
      const response = await route.fetch({
        url: route.request().url().replace(tabOrigin, serverUrl),
        headers: { ...route.request().headers(), 'x-forwarded-proto': 'https', 'x-forwarded-host': host },
      });
      await route.fulfill({ response });
    } catch (error) {
      // A spec that closes its page or context while the tab still has a request on its way (a poll, a late fetch):
      // no one waits for that answer any more, and its disposed response is not the spec's failure.
      if (page.isClosed() || /disposed|closed/i.test(String(error))) return;
      throw error;
    }
  });
}

/**
 * Opens the tab as Teams frames it: in Teams the tab is an https page on its own domain, and Chromium will not let a
 * public https page frame a loopback http one, so the app is reached as https://ai-wijzer.test, every request passed
 * on to the real server; the host page answers teams-js in the given theme (and deep link `subEntityId`). Waits until
 * the tab runs in that theme.
 */
export async function openInTeams(
  page: Page,
  serverUrl: string,
  context: Omit<HostContext, 'locale'> & { locale?: string; hash?: string },
): Promise<InTeams> {
  await proxyTabOrigin(page, serverUrl);
  const { hash = '', locale = 'nl-nl', ...rest } = context;
  await page.route('https://teams.microsoft.com/fake-host', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: fakeTeamsHostPage(`${tabOrigin}/tab/${hash}`, { locale, ...rest }),
    }),
  );
  await page.goto('https://teams.microsoft.com/fake-host');
  const tab = page.frameLocator('iframe');
  await tab.locator(`[data-host="teams"][data-theme="${context.theme}"]`).waitFor({ timeout: 15_000 });
  const frame = page.frames().find((f) => f.url().startsWith(`${tabOrigin}/`))!;
  return { tab, frame };
}
