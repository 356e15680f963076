import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { tabDistDir } from '../../src/paths.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { newTabPage, openInTeams } from '../helpers/tab-page.js';

/** Every CSP violation a page reports, recorded from its first script on. */
const recordViolations = () => {
  const seen: string[] = [];
  (window as unknown as { violations: string[] }).violations = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
  );
};
const violations = (where: Page | Frame) =>
  where.evaluate(() => (window as unknown as { violations: string[] }).violations);

/** Whether a style element without the page's nonce, added by a script as an attacker would, takes effect. */
const injectedStyleApplies = (where: Page | Frame) =>
  where.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 7px solid rgb(255, 0, 0) !important; }';
    document.head.append(style);
    return getComputedStyle(document.body).outlineWidth === '7px';
  });

describe("the tab's CSP: no 'unsafe-inline', Fluent UI styled through a nonce per page", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(join(tabDistDir, 'index.html')))
      throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('gives each copy of the page its own nonce, and no other answer any', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/tab/`);
      const csp = res.headers.get('content-security-policy')!;
      const styleSrc = /style-src ([^;]+)/.exec(csp)![1]!;
      expect(styleSrc).not.toMatch(/unsafe/);
      const nonce = /^'self' 'nonce-([A-Za-z0-9_-]{22})'$/.exec(styleSrc)![1]!;
      expect(await res.text()).toMatch(new RegExp(`<style nonce="?${nonce}"?>`));
      expect(res.headers.get('cache-control')).toBe('no-store');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
    for (const path of ['/healthz', '/api/vision']) {
      const csp = (await fetch(`${server.url}${path}`)).headers.get('content-security-policy')!;
      expect(/style-src ([^;]+)/.exec(csp)![1]).toBe("'self'");
    }
    expect(
      /script-src ([^;]+)/.exec((await fetch(`${server.url}/tab/`)).headers.get('content-security-policy')!)![1],
    ).toBe("'self'");
  });

  it('standalone and inside Teams: styled, no violation, and a style without the nonce is refused', async () => {
    const page = await newTabPage(browser);
    await page.context().addInitScript(recordViolations);
    await page.goto(`${server.url}/tab/#vraag`);
    const button = page.getByRole('button', { name: 'Vraag het' });
    await button.waitFor();
    // Fluent UI's brand colour, not the browser's grey button: its runtime styles were applied.
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe('rgb(239, 239, 239)');
    expect(await violations(page)).toEqual([]);
    expect(await injectedStyleApplies(page)).toBe(false);
    expect(await violations(page)).toEqual([expect.stringMatching(/^style-src-elem inline/)]);

    const { tab, frame } = await openInTeams(page, server.url, { theme: 'dark', hash: '#vraag' });
    await tab.getByRole('button', { name: 'Vraag het' }).waitFor();
    expect(await violations(frame)).toEqual([]);
    expect(await injectedStyleApplies(frame)).toBe(false);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
