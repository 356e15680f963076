import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { ScanJobView } from '../../src/api/scan-jobs.js';
import { scanReportViewSchema } from '../../src/api/scans.js';
import { tabDistDir } from '../../src/paths.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import type { FakeTeamsChannel } from '../helpers/fake-teams-host.js';
import { startTestServer } from '../helpers/server.js';
import { newTabPage, openInTeams } from '../helpers/tab-page.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';
import { generateTree } from '../housekeeping/graph/tree.js';

jest.setTimeout(120_000);
process.env.SCAN_WORKER_POLL_MS = '50';
process.env.SCAN_WORKER_HEARTBEAT_MS = '100';

const screenshots = process.env.SCREENSHOT_DIR;
const groupId = '5b1e2d3c-4a6f-4b8e-9d0c-7e2f1a3b4c5d';
const channel: FakeTeamsChannel = { groupId, teamName: 'Team Wijkzaken', channelName: 'Algemeen' };

/**
 * The channel tab in Chromium, in the fake Teams host, against the real server and the local Graph (the app's own
 * token, as in local development): the configuration page saves a configuration that opens #team; a team lead
 * (X-Dev-User teamleider, DEV_TEAMLEADS) sees "nog geen scan", then, once a colleague scanned the team through the
 * real API, its last scan and its report; a staff member is told the tab is for team leads. axe light and dark.
 */
describe('the channel tab in a real browser', () => {
  const graph = new FakeGraph({ token: 'dev-app-token', pageSize: 20, listPageSize: 5, delayMs: 5 });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(tabDistDir, 'index.html')))
      throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
    const graphUrl = await graph.start();
    graph.loadTree('drive-team', generateTree({ seed: 31, files: 80, folders: 8 }));
    graph.groups.set(groupId, 'drive-team');
    graph.sites.set(`site-${groupId}`, ['drive-team']);
    graph.teams.set(groupId, { group: 'drive-team', channels: [] });
    server = await startTestServer({ GRAPH_BASE_URL: graphUrl, GRAPH_ACCESS_TOKEN: 'dev-app-token' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await graph.stop();
  });

  /** The tab as Teams frames it at `hash`, for the development user `user`, in a theme and frame context. */
  async function inTeams(
    user: string,
    hash: string,
    options: { theme?: 'default' | 'dark'; frameContext?: 'content' | 'settings'; team?: FakeTeamsChannel } = {},
  ) {
    const theme = options.theme ?? 'default';
    const page = await newTabPage(browser, { extraHTTPHeaders: { 'x-dev-user': user } });
    const { tab, frame } = await openInTeams(page, server.url, {
      theme,
      hash,
      ...(options.frameContext ? { frameContext: options.frameContext } : {}),
      ...(options.team ? { team: options.team } : {}),
    });
    return { page, tab, frame, problems: page.problems, close: () => page.context().close() };
  }

  it('the configuration page enables Save and saves a configuration that opens #team', async () => {
    const { page, tab, frame, problems, close } = await inTeams('teamleider', '#config', {
      frameContext: 'settings',
      team: channel,
    });
    await tab.getByRole('heading', { level: 2, name: 'AI-wijzer Datahygiëne in dit kanaal' }).waitFor();
    await tab.getByText(/^Dit tabblad laat teamleiders de laatste datahygiëne-scan/).waitFor();
    expect(await tab.getByRole('navigation').count()).toBe(0);
    await page.waitForFunction(() => (window as unknown as { validity?: boolean }).validity === true);
    await tab.getByText('Kies Opslaan om het tabblad toe te voegen.').waitFor();
    expect(await wcagViolations(frame)).toEqual([]);

    await page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
    await page.waitForFunction(() =>
      (window as unknown as { received: string[] }).received.includes('settings.save.success'),
    );
    const host = await page.evaluate(() => {
      const { savedConfigs, received } = window as unknown as { savedConfigs: unknown[]; received: string[] };
      return { savedConfigs, received };
    });
    expect(host.savedConfigs).toEqual([
      {
        entityId: 'ai-wijzer-team',
        contentUrl: 'https://ai-wijzer.test/tab/#team',
        websiteUrl: 'https://ai-wijzer.test/tab/#team',
        suggestedDisplayName: 'AI-wijzer Datahygiëne',
      },
    ]);
    expect(host.received).not.toContain('settings.save.failure');
    await tab.getByText('Het tabblad is opgeslagen.').waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  /** A scan of the team started by a colleague through the real API, followed until it is done. */
  async function scanTeam(user: string): Promise<ScanJobView> {
    const headers = { 'content-type': 'application/json', 'x-dev-user': user };
    const started = await fetch(`${server.url}/api/scans`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ target: { team: groupId } }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as ScanJobView;
    for (let i = 0; i < 600; i++) {
      const view = (await (await fetch(`${server.url}/api/scans/${id}`, { headers })).json()) as ScanJobView;
      if (view.status === 'done' || view.status === 'failed') return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the scan did not finish');
  }

  it("a team lead sees 'nog geen scan', then the team's last scan and its report; axe light and dark", async () => {
    const before = await inTeams('teamleider', '#team', { team: channel });
    await before.tab.getByRole('heading', { level: 2, name: 'Datahygiëne van Team Wijkzaken' }).waitFor();
    await before.tab.getByText('Er is nog geen scan van de bestanden van dit team.').waitFor();
    expect(
      await before.tab.getByRole('link', { name: 'Een nieuwe scan starten in Datahygiëne' }).getAttribute('href'),
    ).toBe('#scan');
    expect(await wcagViolations(before.frame)).toEqual([]);
    await before.close();

    const job = await scanTeam('anna');
    expect(job).toMatchObject({ status: 'done', scanId: expect.any(String) });
    const report = scanReportViewSchema.parse(
      await (
        await fetch(`${server.url}/api/scans/reports/${job.scanId}`, { headers: { 'x-dev-user': 'anna' } })
      ).json(),
    ).report;

    for (const theme of ['default', 'dark'] as const) {
      const { page, tab, frame, problems, close } = await inTeams('teamleider', '#team', { team: channel, theme });
      await tab.getByTestId('team-scan').waitFor();
      expect(await tab.getByTestId('team-label').textContent()).toBe(
        `Label ${report.label}, score ${report.score} van 100`,
      );
      const when = (await tab.getByTestId('team-when').textContent())!;
      expect(when).toContain('Een collega heeft deze scan gestart.');
      expect(when).toContain(`${report.stats.files} bestanden en ${report.stats.folders} mappen`);
      const problemsShown = await tab.getByTestId('team-problems-list').getByRole('listitem').allTextContents();
      expect(problemsShown.length).toBeGreaterThan(0);
      expect(problemsShown.length).toBeLessThanOrEqual(3);
      expect(await tab.getByRole('link', { name: 'Het hele rapport openen' }).getAttribute('href')).toBe(
        `#scan/${job.scanId}`,
      );
      expect(await wcagViolations(frame)).toEqual([]);
      if (screenshots)
        await page.screenshot({
          path: join(screenshots, theme === 'dark' ? 'tab-team-dark.png' : 'tab-team-light.png'),
          fullPage: true,
        });
      if (theme === 'default') {
        // The team lead opens the colleague's report from the tab.
        await tab.getByRole('link', { name: 'Het hele rapport openen' }).click();
        await tab.getByRole('heading', { level: 2, name: /^Rapport: / }).waitFor();
        expect(await tab.getByTestId('report-label').textContent()).toBe(
          `Label ${report.label}, score ${report.score} van 100`,
        );
      }
      expect(problems).toEqual([]);
      await close();
    }
  });

  it('a staff member is told the tab is for team leads, and outside a team the page says so', async () => {
    const staff = await inTeams('anna', '#team', { team: channel, theme: 'dark' });
    await staff.tab.getByTestId('team-leads-only').waitFor();
    expect(await staff.tab.getByTestId('team-leads-only').textContent()).toMatch(/^Dit tabblad is voor teamleiders\./);
    expect(await staff.tab.getByTestId('team-scan').count()).toBe(0);
    expect(await wcagViolations(staff.frame)).toEqual([]);
    await staff.close();

    const chat = await inTeams('teamleider', '#team');
    await chat.tab.getByTestId('team-none').waitFor();
    expect(await chat.tab.getByTestId('team-none').textContent()).toMatch(/^Hier is geen team bekend\./);
    await chat.close();
  });
});
