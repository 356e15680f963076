import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { tabDistDir } from '../../src/paths.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { newTabPage, openInTeams } from '../helpers/tab-page.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { generateTree } from '../housekeeping/graph/tree.js';

jest.setTimeout(120_000);
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

const screenshots = process.env.SCREENSHOT_DIR;
const siteId = 'groningen.sharepoint.com,site-wijk,web-1';

/**
 * The Datahygiëne page against the real server and the local Graph (the app's own token, as in local development:
 * the sites it sees), in Chromium: choose a site, start the scan, watch it, read the report, export CSV; axe on
 * #scan and #scan/<id>, light and dark (in a fake Teams host).
 */
describe('Datahygiëne in a real browser', () => {
  const graph = new FakeGraph({ token: 'dev-app-token', pageSize: 10, listPageSize: 2, delayMs: 15 });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(tabDistDir, 'index.html')))
      throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
    const graphUrl = await graph.start();
    graph.loadTree('drive-wijk', generateTree({ seed: 14, files: 150, folders: 14 }));
    graph.sites.set(siteId, ['drive-wijk']);
    graph.siteNames.set(siteId, 'Wijkzaken');
    graph.siteNames.set('groningen.sharepoint.com,site-fin,web-2', 'Financiën');
    graph.siteNames.set('groningen.sharepoint.com,site-intra,web-3', 'Intranet');
    server = await startTestServer({ GRAPH_BASE_URL: graphUrl, GRAPH_ACCESS_TOKEN: 'dev-app-token' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await graph.stop();
  });

  let reportId = '';

  it('chooses a site, starts the scan, shows its progress, opens the report and exports CSV and Excel', async () => {
    const page = await newTabPage(browser, { acceptDownloads: true });
    await page.goto(`${server.url}/tab/#scan`);
    await page.getByRole('heading', { level: 2, name: 'Datahygiëne' }).waitFor();
    expect(await page.getByRole('link', { name: 'Datahygiëne' }).getAttribute('aria-current')).toBe('page');
    const sites = page.getByRole('group', { name: 'Sites' });
    await sites.getByRole('radio', { name: 'Wijkzaken' }).waitFor();
    expect(await sites.getByRole('radio').count()).toBe(3);
    await page.getByText('Er zijn nog geen scans.').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // The search narrows the list, after a pause in typing.
    await page.getByRole('searchbox', { name: /Zoeken naar een team/ }).fill('wijk');
    await page.waitForFunction(() => document.querySelectorAll('input[type="radio"]').length === 1);
    // Chosen by keyboard: Tab to the radio, Space.
    await page.getByRole('radio', { name: 'Wijkzaken' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Gekozen: Wijkzaken').waitFor();
    await page.getByRole('button', { name: 'Scan starten' }).click();
    const progress = page.getByTestId('scan-progress-text');
    await progress.waitFor();
    expect(await progress.getAttribute('role')).toBe('status');
    await page.waitForURL(/#scan\/[A-Za-z0-9_-]+$/, { timeout: 60_000 });
    reportId = new URL(page.url()).hash.slice('#scan/'.length);

    const title = page.getByRole('heading', { level: 2, name: /^Rapport: / });
    await title.waitFor();
    expect(await page.getByTestId('report-label').textContent()).toMatch(/^Label [A-G], score \d+ van 100$/);
    await page.getByTestId('findings-chart').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Bevindingen', exact: true }).waitFor();
    expect(await page.getByTestId('report-trend').textContent()).toContain('geen eerdere scan');
    expect(await wcagViolations(page)).toEqual([]);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-scan-report.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteren naar CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^datahygiene-\d{4}-\d\d-\d\d-.+\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('regel;bevinding;ernst;termijn;pad;toelichting;advies');

    // Excel: exceljs is loaded only now, as a chunk of its own, under the server's CSP.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Exporteren naar Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    // Back at #scan the report is among the earlier scans.
    await page.getByRole('link', { name: 'Terug naar Datahygiëne' }).click();
    const earlier = page.getByRole('table', { name: 'Eerdere scans en rapporten van agents' });
    await earlier.waitFor();
    expect(await earlier.locator(`a[href="#scan/${reportId}"]`).count()).toBe(1);
    expect(page.problems).toEqual([]);
  });

  /** The page as Teams frames it, in a theme, opened by a deep link to `subEntityId`. */
  async function inTeams(theme: 'dark' | 'contrast', subEntityId: string) {
    const page = await newTabPage(browser, { acceptDownloads: true });
    const { tab, frame } = await openInTeams(page, server.url, { theme, subEntityId });
    return { page, tab, frame };
  }

  it('in Teams, dark: #scan and the report opened by a deep link pass axe', async () => {
    expect(reportId).not.toBe('');
    const { page, tab, frame } = await inTeams('dark', `scan/${reportId}`);
    await tab.getByRole('heading', { level: 2, name: /^Rapport: / }).waitFor();
    await tab.getByTestId('findings-chart').waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-scan-dark.png'), fullPage: true });
    await tab.getByRole('link', { name: 'Terug naar Datahygiëne' }).click();
    await tab.getByRole('group', { name: 'Sites' }).getByRole('radio', { name: 'Wijkzaken' }).waitFor();
    await tab.getByRole('table', { name: 'Eerdere scans en rapporten van agents' }).waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
  });

  it('in Teams, high contrast: the report passes axe', async () => {
    const { tab, frame } = await inTeams('contrast', `scan/${reportId}`);
    await tab.getByRole('heading', { level: 2, name: /^Rapport: / }).waitFor();
    await tab.getByTestId('findings-chart').waitFor();
    expect(await wcagViolations(frame)).toEqual([]);
  });
});
