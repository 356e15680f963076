import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { tabDistDir } from '../../src/paths.js';
import { visionFeedbackStore } from '../../src/store/repositories/vision.js';
import { ask, sharedVision } from '../../src/vision/index.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { fakeTeamsHostPage } from '../helpers/fake-teams-host.js';
import { startTestServer } from '../helpers/server.js';
import { newTabPage, proxyTabOrigin } from '../helpers/tab-page.js';

const screenshots = process.env.SCREENSHOT_DIR;

describe('the tab in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(tabDistDir, 'index.html')))
      throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
    server = await startTestServer();
    browser = await launchBrowser();
  });

  const newPage = (locale: string) => newTabPage(browser, { locale });
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
    await page.getByRole('heading', { level: 2, name: 'Vraag het de visie' }).waitFor();
    await page.getByTestId('status').getByText('De app werkt.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getByTestId('status').textContent()).toContain('buiten Teams');
    // The start page's capabilities lead to their pages; "Vraag het de visie" to the question box below.
    expect(await page.getByRole('link', { name: 'Mag ik dit gebruiken?' }).getAttribute('href')).toBe('#check');
    expect(await page.getByRole('link', { name: 'Datahygiëne', exact: true }).first().getAttribute('href')).toBe(
      '#scan',
    );
    await page.getByRole('link', { name: 'Vraag het de visie' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-nl.png'), fullPage: true });
    expect(problems).toEqual([]);
    // WCAG 2.1 AA is the law for Dutch government sites: axe-core finds no violation it can detect.
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });

  it('follows an English browser and still runs when framed by a page that is not Teams', async () => {
    const page = await newPage('en-US');
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('heading', { level: 2, name: 'Ask the vision' }).waitFor();
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

  it('inside a Teams host: initialises teams-js, follows the Teams theme and locale, and theme changes', async () => {
    const page = await newPage('en-US');
    // In Teams the tab is an https page on its own domain. Chromium will not let a public https page frame a
    // loopback http one, so the app is reached as https://ai-wijzer.test, every request passed on to the real server.
    await proxyTabOrigin(page, server.url);
    const tabUrl = 'https://ai-wijzer.test/tab/';
    await page.route('https://teams.microsoft.com/fake-host', (route) =>
      route.fulfill({ contentType: 'text/html', body: fakeTeamsHostPage(tabUrl, { theme: 'dark', locale: 'nl-nl' }) }),
    );
    await page.goto('https://teams.microsoft.com/fake-host');
    const tab = page.frameLocator('iframe');
    const root = tab.locator('[data-host="teams"]');
    await root.waitFor({ timeout: 15_000 });
    expect(await root.getAttribute('data-theme')).toBe('dark');
    // Teams says nl-nl, the browser en-US: the page follows Teams.
    await tab.getByText('Verbonden met Microsoft Teams.', { exact: false }).waitFor();
    const background = await tab
      .locator('.fui-FluentProvider')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-teams-dark.png') });
    await page.evaluate(() => (window as unknown as { changeTheme(t: string): void }).changeTheme('contrast'));
    await tab.locator('[data-theme="contrast"]').waitFor();
    const frame = page.frames().find((f) => f.url().startsWith('https://ai-wijzer.test/'))!;
    expect(await wcagViolations(frame)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { received: string[] }).received)).toEqual(
      expect.arrayContaining(['initialize', 'getContext']),
    );
    await page.close();
  });

  it("opened by the bot's deep link: reads the subEntityId and opens the vision at that section", async () => {
    const page = await newPage('nl-NL');
    await proxyTabOrigin(page, server.url);
    const host = (subEntityId: string) =>
      fakeTeamsHostPage('https://ai-wijzer.test/tab/', { theme: 'default', locale: 'nl-nl', subEntityId });
    await page.route('https://teams.microsoft.com/fake-host?*', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: host(new URL(route.request().url()).searchParams.get('subEntityId') ?? ''),
      }),
    );
    // What the bot's link carries: the tab's own route, 'visie/<section>'.
    await page.goto(`https://teams.microsoft.com/fake-host?subEntityId=${encodeURIComponent('visie/privacy')}`);
    const tab = page.frameLocator('iframe');
    const heading = tab.locator('#visie-privacy');
    await heading.waitFor({ timeout: 15_000 });
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith('https://ai-wijzer.test/'))!;
    expect(new URL(frame.url()).hash).toBe('#visie/privacy');
    // Anything else is no route of the tab: the start page, as without a link.
    await page.goto(`https://teams.microsoft.com/fake-host?subEntityId=${encodeURIComponent('javascript:alert(1)')}`);
    await tab.getByText('Verbonden met Microsoft Teams.', { exact: false }).waitFor({ timeout: 15_000 });
    await tab.getByRole('heading', { level: 2, name: 'Vraag het de visie' }).waitFor();
    const start = page.frames().find((f) => f.url().startsWith('https://ai-wijzer.test/'))!;
    expect(new URL(start.url()).hash).toBe('');
    await page.close();
  });

  it('asks the vision: shows the answer the domain gives, and its source link opens the vision at that section', async () => {
    const page = await newPage('nl-NL');
    await page.goto(`${server.url}/tab/`);
    const question = 'Wat zegt de visie over privacy?';
    const expected = await ask(sharedVision(), question, { contact: server.config.PRIVACY_CONTACT });
    await page.getByLabel('Je vraag over de AI-visie').fill(question);
    await page.getByRole('button', { name: 'Vraag het' }).click();
    const result = page.getByTestId('ask-result');
    expect(expected.outcome).toBe('answer');
    // The quote once, marked where it stands in its section (not the quote, then the quote again).
    const quote = expected.citations[0]!.quote;
    await result.locator('blockquote mark').first().waitFor();
    expect((await result.locator('blockquote mark').allTextContents()).join('')).toBe(quote.replace(/\n/g, ' '));
    expect(await result.getByText(quote.replace(/\n/g, ' '), { exact: true }).count()).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    // "Nee": the feedback goes to the server with the question (which keeps its text only where allowed) and the section.
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/ask/feedback') && r.method() === 'POST');
    await result.getByRole('button', { name: 'Nee' }).click();
    expect(JSON.parse((await sent).postData() ?? '{}')).toEqual({
      helpful: false,
      question,
      sectionId: expected.citations[0]!.sectionId,
    });
    await result.getByText('Bedankt, dat helpt ons de antwoorden te verbeteren.').waitFor();
    const [stored] = await visionFeedbackStore(server.store).list({ kind: 'feedback' });
    expect(stored).toMatchObject({ helpful: false, sectionId: expected.citations[0]!.sectionId });
    expect(stored!.question).toBeUndefined();
    const target = expected.outcome === 'answer' ? expected.citations[0]! : expected.suggestions![0]!;
    await result.getByRole('link', { name: target.heading }).click();
    const heading = page.locator(`#visie-${target.sectionId}`);
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.url()).toContain(`#visie/${target.sectionId}`);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-visie.png') });
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });

  it('offers a section when unsure; opening it tells the server which section the question belonged to', async () => {
    const page = await newPage('nl-NL');
    await page.goto(`${server.url}/tab/`);
    const question = "hoe gaan we om met risico's van ai?";
    const expected = await ask(sharedVision(), question, { contact: server.config.PRIVACY_CONTACT });
    expect(expected.outcome).toBe('suggest');
    await page.getByLabel('Je vraag over de AI-visie').fill(question);
    await page.getByRole('button', { name: 'Vraag het' }).click();
    const result = page.getByTestId('ask-result');
    await result.getByText(expected.answer).waitFor();
    const offered = expected.suggestions![0]!;
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/ask/choice') && r.method() === 'POST');
    await result.getByRole('link', { name: offered.heading }).click();
    expect(JSON.parse((await sent).postData() ?? '{}')).toEqual({
      question,
      sectionId: offered.sectionId,
      language: 'nl',
    });
    await page.locator(`#visie-${offered.sectionId}`).waitFor();
    let stored: Awaited<ReturnType<ReturnType<typeof visionFeedbackStore>['list']>> = [];
    for (let i = 0; i < 50 && stored.length === 0; i++) {
      stored = await visionFeedbackStore(server.store).list({ kind: 'chosen' });
      if (stored.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(stored).toEqual([expect.objectContaining({ kind: 'chosen', sectionId: offered.sectionId, language: 'nl' })]);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps the question and says what is wrong when it is empty', async () => {
    const page = await newPage('nl-NL');
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('button', { name: 'Vraag het' }).click();
    await page.getByText('Typ eerst een vraag.').waitFor();
    await page.close();
  });

  it('has an accessibility check that does find violations (so its silence above means something)', async () => {
    const page = await newPage('nl-NL');
    await page.setContent(
      '<html><body><img src="data:image/png;base64,iVBORw0KGgo="><input type="text"><p style="color:#eee;background:#fff">grijs</p></body></html>',
    );
    const ids = (await wcagViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label', 'color-contrast', 'html-has-lang']));
    await page.close();
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
