import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { toolListSchema } from '../../src/api/admin.js';
import { tabDistDir } from '../../src/paths.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { newTabPage, openInTeams } from '../helpers/tab-page.js';
import { baseCase } from '../quickcheck/cases.js';

jest.setTimeout(120_000);

const screenshots = process.env.SCREENSHOT_DIR;

/**
 * Beheer (#beheer) against the real server, in Chromium, with the development identity (X-Dev-User): an admin
 * changes a register entry by keyboard and sees it in the table and the history, sees a refused change at its
 * field, verifies and exports the audit record; a staff member is refused by the page and by the API; axe in light
 * and (in a fake Teams host, opened by a deep link) dark and high contrast.
 */
describe('Beheer in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(tabDistDir, 'index.html')))
      throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
    server = await startTestServer();
    browser = await launchBrowser();
    // One recorded check, so that the audit record has something to verify and export.
    const res = await fetch(`${server.url}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'anna' },
      body: JSON.stringify({ ...baseCase, tool: 'm365-copilot' }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** A page as the development user `user` (X-Dev-User). */
  const newPage = (user: string) =>
    newTabPage(browser, { acceptDownloads: true, extraHTTPHeaders: { 'x-dev-user': user } });

  const registerAs = async (user: string) =>
    toolListSchema.parse(
      await (await fetch(`${server.url}/api/admin/tools`, { headers: { 'x-dev-user': user } })).json(),
    );

  it('an admin changes an entry by keyboard and sees it in the table and the history', async () => {
    const page = await newPage('beheerder');
    await page.goto(`${server.url}/tab/#beheer`);
    await page.getByRole('heading', { level: 2, name: 'Beheer' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Onderdelen' });
    await nav.getByRole('link', { name: 'Beheer' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Beheer' }).getAttribute('aria-current')).toBe('page');
    const table = page.getByRole('table', { name: /^De tools in het register/ });
    await table.waitFor();
    await page.getByText('Er is nog niets gewijzigd.').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // Open the form by keyboard: the edit button, Enter; focus goes to the form's heading.
    await page.getByRole('button', { name: 'Microsoft 365 Copilot wijzigen' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 4, name: 'Tool wijzigen: Microsoft 365 Copilot' });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'admin-tool-form');
    // Tab forward from the heading to the id (read-only) and on to the name, the English name and the vendor.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Microsoft');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Microsoft Nederland');
    // The hosting: from 'eu' one up to 'nl' with the arrow keys.
    await page.getByRole('radio', { name: /^eu:/ }).focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: /^nl: in Nederland/ }).isChecked()).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opslaan' }).focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('admin-tools-notice').getByText('Microsoft 365 Copilot is gewijzigd.').waitFor();
    const row = table.getByRole('row', { name: /Microsoft 365 Copilot/ });
    await row.getByRole('cell', { name: 'Microsoft Nederland' }).waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('nl');
    const history = page.getByRole('table', { name: 'Wijzigingen in het register, nieuwste eerst' });
    await history.waitFor();
    const line = history.getByRole('row').nth(1);
    const text = await line.textContent();
    expect(text).toContain('(jij)');
    expect(text).toContain('m365-copilot');
    expect(text).toContain('gewijzigd');
    expect(text).toContain("Leverancier: 'Microsoft' → 'Microsoft Nederland'");
    expect(text).toContain("Hosting: 'eu' → 'nl'");
    expect(text).not.toContain('beheerder');
    await page
      .getByTestId('admin-register-version')
      .getByText(/revisie 1/)
      .waitFor();

    // The server has the change; the register's revision counts it.
    const kept = await registerAs('beheerder');
    expect(kept.register.revision).toBe(1);
    expect(kept.tools.find((t) => t.id === 'm365-copilot')).toMatchObject({
      vendor: 'Microsoft Nederland',
      hosting: 'nl',
    });
    expect(page.problems).toEqual([]);
  });

  it('shows what the server refuses at its field, and changes nothing', async () => {
    const page = await newPage('beheerder');
    await page.goto(`${server.url}/tab/#beheer`);
    await page.getByRole('button', { name: 'Microsoft 365 Copilot wijzigen' }).click();
    const aliases = page.getByRole('textbox', { name: /^Andere namen/ });
    await aliases.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nchatgpt');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByTestId('admin-form-summary')
      .getByText(/De server heeft de wijziging geweigerd/)
      .waitFor();
    const described = await aliases.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toMatch(/'chatgpt' noemt ook tool 'chatgpt-free'/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await wcagViolations(page)).toEqual([]);
    expect((await registerAs('beheerder')).register.revision).toBe(1);
  });

  it('verifies the audit record (whole) and exports it as CSV', async () => {
    const page = await newPage('beheerder');
    await page.goto(`${server.url}/tab/#beheer`);
    await page.getByRole('button', { name: 'Controleren' }).click();
    const whole = page.getByTestId('audit-whole');
    await whole.waitFor();
    expect(await whole.textContent()).toMatch(/^Het auditrecord is heel: 1 check, de laatste hash is [0-9a-f]{64}\.$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteren (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ai-wijzer-checks-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'seq;tijdstip;pseudoniem;tool_id;tool;taak;doel;oordeel;regels;regelversie;registerversie;hash;gewist',
    );
    expect(lines).toHaveLength(2);
    await page.getByText(/ai-wijzer-checks-.*\.csv is gedownload\./).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-beheer-light.png'), fullPage: true });
    expect(page.problems).toEqual([]);
  });

  it('refuses a staff member: the page says so, no nav item, and a PUT gets 403 and changes nothing', async () => {
    const page = await newPage('anna');
    await page.goto(`${server.url}/tab/#beheer`);
    await page.getByRole('heading', { level: 2, name: 'Beheer' }).waitFor();
    expect(await page.getByTestId('admin-refused').textContent()).toContain(
      'Deze pagina is alleen voor beheerders van AI-wijzer.',
    );
    await page
      .getByTestId('status')
      .getByText(/De app werkt/)
      .waitFor();
    const nav = page.getByRole('navigation', { name: 'Onderdelen' });
    await nav.getByRole('link', { name: 'Datahygiëne' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);

    const before = await registerAs('beheerder');
    // From the page itself, with the staff member's identity: the API refuses.
    const answer = await page.evaluate(async () => {
      const res = await fetch('/api/admin/tools/m365-copilot', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Overgenomen',
          vendor: 'Iemand',
          contracted: true,
          hosting: 'nl',
          maxData: 'sensitive',
        }),
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('not_admin');
    expect(await registerAs('beheerder')).toEqual(before);
    expect(page.problems).toEqual([]);
  });

  it.each(['dark', 'contrast'] as const)('in Teams, %s, opened by a deep link to beheer: passes axe', async (theme) => {
    const page = await newPage('beheerder');
    const { tab, frame } = await openInTeams(page, server.url, { theme, subEntityId: 'beheer' });
    await tab.getByRole('table', { name: /^De tools in het register/ }).waitFor();
    await tab.getByRole('table', { name: 'Wijzigingen in het register, nieuwste eerst' }).waitFor();
    await tab.getByRole('table', { name: /^Checks per oordeel/ }).waitFor();
    await tab.getByTestId('admin-versions').waitFor();
    await tab.getByRole('button', { name: 'Controleren' }).click();
    await tab.getByTestId('audit-whole').waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    if (screenshots && theme === 'dark')
      await page.screenshot({ path: join(screenshots, 'tab-beheer-dark.png'), fullPage: true });
  });
});
