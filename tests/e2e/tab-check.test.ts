import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { recordedCheckSchema } from '../../src/api/checks.js';
import { tabDistDir } from '../../src/paths.js';
import { evaluateCase, loadQuickcheckContent } from '../../src/quickcheck/index.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { sampleCheckCase } from '../helpers/check-case.js';
import { startTestServer } from '../helpers/server.js';
import { newTabPage, openInTeams } from '../helpers/tab-page.js';

const screenshots = process.env.SCREENSHOT_DIR;

/** The answers a person gives, as the labels they read, and the case the domain makes of them. */
const steps: { label: string }[] = [
  { label: 'Microsoft 365 Copilot Chat' },
  { label: 'een interne notitie herschrijven' }, // typed
  { label: 'tekst schrijven of herschrijven' },
  { label: 'geen van deze' },
  { label: 'nee, geen persoonsgegevens' },
  { label: 'weet ik niet' }, // confidentialData
  { label: 'nee' }, // decisionAboutPerson
  { label: 'ja' }, // humanReview
  { label: 'intern' },
  { label: 'nee' }, // syntheticMedia
  { label: 'experiment' },
  { label: 'nee' }, // trainingDone
];
const expectedCase = sampleCheckCase;

type Target = Page | Frame;

/** The text of what has the keyboard focus: a radio's label, a button's or a link's text. */
function focused(target: Target): Promise<string> {
  return target.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return '';
    if (el.labels && el.labels.length > 0) return el.labels[0]!.textContent?.trim() ?? '';
    return el.textContent?.trim() ?? '';
  });
}

/** Presses Tab until the element with this text has the focus (never a click). */
async function tabTo(page: Page, target: Target, text: string | RegExp) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(target);
    if (typeof text === 'string' ? now === text : text.test(now)) return;
  }
  throw new Error(`no focusable element "${text}" reached with Tab`);
}

/** Picks the radio with this label by keyboard: Tab into the group, arrows to the option, Space to choose it. */
async function chooseByKeyboard(page: Page, label: string) {
  await page.keyboard.press('Tab');
  for (let i = 0; i < 20 && (await focused(page)) !== label; i++) await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toBe(label);
  await page.keyboard.press('Space');
}

describe('the quick check and my checks in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const content = loadQuickcheckContent();

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

  /** The page as Teams frames it, in the given theme, opened by a deep link to `subEntityId`. */
  async function inTeams(theme: 'default' | 'dark' | 'contrast', subEntityId: string) {
    const page = await newTabPage(browser, { consoleErrors: true });
    const { tab, frame } = await openInTeams(page, server.url, { theme, subEntityId });
    return { page, tab, frame };
  }

  it('takes the whole quick check by keyboard only, to a verdict with its record number, which then is in my checks', async () => {
    const page = await newTabPage(browser, { consoleErrors: true });
    await page.goto(`${server.url}/tab/#check`);
    const progress = page.getByTestId('progress');
    await progress.getByText('Vraag 1 van 12').waitFor();
    const heading = page.getByRole('heading', { level: 3, name: 'Welke AI-tool wil je gebruiken?' });
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);

    for (const [i, step] of steps.entries()) {
      await progress.getByText(`Vraag ${i + 1} van 12`).waitFor();
      // Each step puts the focus on its question.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
      if (i === 1) {
        // A text answer: typed, and Enter goes on.
        await page.keyboard.press('Tab');
        await page.keyboard.type(step.label);
        await page.keyboard.press('Enter');
        continue;
      }
      await chooseByKeyboard(page, step.label);
      if (i === 3) {
        // Back with "Vorige": the earlier answer is still chosen; forward again.
        await tabTo(page, page, 'Vorige');
        await page.keyboard.press('Enter');
        await progress.getByText('Vraag 3 van 12').waitFor();
        expect(await page.getByRole('radio', { name: 'tekst schrijven of herschrijven' }).isChecked()).toBe(true);
        await tabTo(page, page, 'Volgende');
        await page.keyboard.press('Enter');
        await progress.getByText('Vraag 4 van 12').waitFor();
        expect(await page.getByRole('radio', { name: 'geen van deze' }).isChecked()).toBe(true);
      }
      await tabTo(page, page, i === steps.length - 1 ? 'Bekijk het oordeel' : 'Volgende');
      const posted =
        i === steps.length - 1
          ? page.waitForRequest((r) => r.url().endsWith('/api/checks') && r.method() === 'POST')
          : undefined;
      await page.keyboard.press('Enter');
      if (posted) expect(JSON.parse((await posted).postData() ?? '{}')).toEqual(expectedCase);
    }

    const record = page.getByTestId('check-record');
    await record.waitFor();
    const verdictHeading = record.getByRole('heading', { level: 3, name: 'Het oordeel' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Het oordeel');
    expect(await verdictHeading.isVisible()).toBe(true);
    const expected = evaluateCase(content, content.register, expectedCase, {
      lang: 'nl',
      contact: server.config.PRIVACY_CONTACT,
    });
    const verdicts = {
      allowed: 'Ja, dit mag',
      conditional: 'Ja, onder voorwaarden',
      consult: 'Eerst overleggen',
      prohibited: 'Nee, dit mag niet',
    };
    expect(await record.getByTestId('verdict').textContent()).toContain(verdicts[expected.verdict]);
    for (const reason of expected.reasons) await record.getByText(reason.text).first().waitFor();
    const number = /Vastgelegd als check nr\. (\d+) op /.exec(
      (await record.getByTestId('record-number').textContent())!,
    );
    expect(number).not.toBeNull();
    const seq = Number(number![1]);
    const [row] = await server.store.query<{ verdict: string; request_key: string | null }>(
      'select verdict, request_key from quickcheck_records where seq = $1',
      [seq],
    );
    expect(row?.verdict).toBe(expected.verdict);
    // Sent with the submission's key (Idempotency-Key), so a retry of it would not record it twice.
    expect(row?.request_key).toMatch(/^[0-9a-f]{32}$/);
    // The conditions are a checklist: ticked with the keyboard too.
    expect(expected.conditions.length).toBeGreaterThan(0);
    await tabTo(page, page, new RegExp(`^${expected.conditions[0]!.text.slice(0, 20)}`));
    await page.keyboard.press('Space');
    expect(await record.getByRole('checkbox').first().isChecked()).toBe(true);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-check-verdict.png'), fullPage: true });
    expect(await wcagViolations(page)).toEqual([]);

    // In my checks, and opened from there: by keyboard.
    await tabTo(page, page, 'Naar mijn checks');
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'Je eerdere checks' });
    await table.waitFor();
    await table.getByRole('link', { name: `Check nr. ${seq}` }).waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain('Microsoft 365 Copilot Chat');
    expect(await wcagViolations(page)).toEqual([]);
    await tabTo(page, page, `Check nr. ${seq}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: `Check nr. ${seq}` }).waitFor();
    expect(page.url()).toContain(`#checks/${seq}`);
    await page.getByTestId('check-record').getByText('een interne notitie herschrijven').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('in Teams, dark: opened by a deep link with tool and task, the check, the verdict and my checks pass axe', async () => {
    const { page, tab, frame } = await inTeams('dark', 'check?tool=copilot-chat&task=text');
    const progress = tab.getByTestId('progress');
    await progress.getByText('Vraag 1 van 10').waitFor();
    expect(new URL(frame.url()).hash).toBe('#check?tool=copilot-chat&task=text');
    await tab.getByTestId('prefilled').getByText('tool: Microsoft 365 Copilot Chat', { exact: false }).waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    await tab.getByRole('textbox').fill('een interne notitie herschrijven');
    await tab.getByRole('button', { name: 'Volgende' }).click();
    // A step without an answer says what is missing, in the dark theme too.
    await tab.getByRole('button', { name: 'Volgende' }).click();
    await tab.getByRole('alert').getByText('Kies een antwoord.', { exact: false }).waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    for (const [i, step] of steps.slice(3).entries()) {
      await progress.getByText(`Vraag ${i + 2} van 10`).waitFor();
      await tab.getByRole('radio', { name: step.label, exact: true }).check();
      await tab.getByRole('button', { name: /^(Volgende|Bekijk het oordeel)$/ }).click();
    }
    const record = tab.getByTestId('check-record');
    await record.getByTestId('record-number').waitFor();
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-check-dark.png'), fullPage: true });
    expect(await wcagViolations(frame)).toEqual([]);

    await frame.evaluate(() => (window.location.hash = '#checks'));
    await tab.getByRole('table', { name: 'Je eerdere checks' }).waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    const seq = /nr\. (\d+)/.exec(
      (await tab
        .getByRole('link', { name: /^Check nr\./ })
        .first()
        .textContent())!,
    )![1];
    await frame.evaluate((s) => (window.location.hash = `#checks/${s}`), seq);
    await tab.getByRole('heading', { level: 2, name: `Check nr. ${seq}` }).waitFor();
    await tab.getByTestId('check-record').waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    // And in high contrast.
    await page.evaluate(() => (window as unknown as { changeTheme(t: string): void }).changeTheme('contrast'));
    await tab.locator('[data-theme="contrast"]').waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('a deep link to one of my checks opens it; a check judged by an older register offers to reassess it', async () => {
    // A check of the local user (the tab outside Teams has no token; the server then picks the local user).
    const made = recordedCheckSchema.parse(
      await (
        await fetch(`${server.url}/api/checks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...expectedCase, tool: 'Schrijfhulp Noord' }),
        })
      ).json(),
    );
    const seq = made.record.seq;
    const { page, tab, frame } = await inTeams('default', `checks/${seq}`);
    await tab.getByRole('heading', { level: 2, name: `Check nr. ${seq}` }).waitFor();
    expect(new URL(frame.url()).hash).toBe(`#checks/${seq}`);
    await tab.getByTestId('check-record').waitFor();
    expect(await tab.getByTestId('outdated').count()).toBe(0);

    // An admin adds the tool: the register changed since the check.
    const added = await fetch(`${server.url}/api/admin/tools/schrijfhulp-noord`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'beheerder' },
      body: JSON.stringify({
        name: 'Schrijfhulp Noord',
        vendor: 'Samenwerking Noord',
        aliases: ['schrijfhulp noord'],
        contracted: true,
        hosting: 'nl',
        maxData: 'internal',
        dpia: ['text'],
      }),
    });
    expect(added.status).toBe(201);
    await frame.evaluate(() => (window.location.hash = '#checks'));
    const row = tab.locator(`tr[data-seq="${seq}"]`);
    await row.getByText('De regels of het register zijn sinds deze check veranderd.').waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    await row.getByRole('button', { name: 'Opnieuw beoordelen met de huidige regels' }).click();
    await tab.getByText(/Opnieuw beoordeeld met de huidige regels en vastgelegd als check nr\. \d+/).waitFor();
    const now = Number(/#checks\/(\d+)$/.exec(frame.url())![1]);
    expect(now).toBeGreaterThan(seq);
    await tab.getByTestId('check-record').getByText('Voor: Schrijfhulp Noord').waitFor();
    expect(await tab.getByTestId('outdated').count()).toBe(0);
    expect(await wcagViolations(frame)).toEqual([]);
    await page.close();
  }, 120_000);

  it('a question in the question box that asks for the check opens it with the tool and the task filled in', async () => {
    const page = await newTabPage(browser, { consoleErrors: true });
    await page.goto(`${server.url}/tab/#vraag`);
    await page.getByLabel('Je vraag over de AI-visie').fill('Mag ik ChatGPT gebruiken om een brief samen te vatten?');
    await page.getByRole('button', { name: 'Vraag het' }).click();
    await page.getByTestId('check-wizard').waitFor();
    expect(new URL(page.url()).hash).toBe('#check?tool=chatgpt-free&task=summarize');
    await page
      .getByTestId('prefilled')
      .getByText('tool: ChatGPT (gratis), taak: samenvatten', { exact: false })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Snelle check' }).getAttribute('aria-current')).toBe('page');
    await page.close();
  }, 60_000);

  it('switches to English and back, keeping the answers; an unknown page says so with a way home', async () => {
    const page = await newTabPage(browser, { consoleErrors: true });
    await page.goto(`${server.url}/tab/#check`);
    await page.getByTestId('progress').getByText('Vraag 1 van 12').waitFor();
    await page.getByRole('radio', { name: 'DeepL Pro' }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('progress').getByText('Question 2 of 12').waitFor();
    await page.getByRole('heading', { level: 3, name: /^What do you want to use the tool for/ }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await page.getByRole('radio', { name: 'DeepL Pro' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByTestId('progress').getByText('Vraag 1 van 12').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');

    await page.goto(`${server.url}/tab/#bestaat-niet`);
    await page.getByRole('heading', { level: 2, name: 'Deze pagina bestaat niet' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Naar de start van AI-wijzer' }).click();
    await page.getByRole('heading', { level: 2, name: 'Vraag het de visie' }).waitFor();
    await page.close();
  }, 60_000);
});
