import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { tabDistDir } from '../../src/paths.js';
import { wcagViolations } from '../helpers/axe.js';
import { launchBrowser } from '../helpers/browser.js';
import { testClientId, testTenant } from '../helpers/entra-keys.js';
import { LocalAuthority } from '../helpers/local-authority.js';
import { startTestServer } from '../helpers/server.js';
import { FakeGraph } from '../housekeeping/graph/fake-graph.js';

jest.setTimeout(120_000);

const screenshots = process.env.SCREENSHOT_DIR;

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(join(tabDistDir, 'index.html')))
    throw new Error('dist/tab is not built: run npm run build:tab first (npm test does)');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records console errors, page errors and CSP violations. */
async function newPage(setup?: (context: Awaited<ReturnType<Browser['newContext']>>) => Promise<void>) {
  const context = await browser.newContext({ locale: 'nl-NL' });
  // teams-js fetches its list of valid Teams origins from Microsoft's CDN when it loads; this machine has no network.
  await context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com'] }) }),
  );
  await setup?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  return Object.assign(page, { problems });
}

/**
 * Outside Teams with Entra ID configured: the sign-in page, MSAL's redirect through a local OpenID authority (PKCE,
 * state, nonce checked there) and back, API calls with the Bearer token the server validates, "Afmelden".
 */
describe('the tab outside Teams with Entra ID: signing in with MSAL', () => {
  const authority = new LocalAuthority([
    { oid: 'medewerker-1', name: 'Mira Medewerker', username: 'mira@groningen.nl' },
    { oid: 'beheerder-1', name: 'Bas Beheer', username: 'bas@groningen.nl', roles: ['AIWijzer.Admin'] },
  ]);
  // Graph on behalf of the person: what they can scan comes from the local Graph, their token from the authority.
  const graph = new FakeGraph({ token: 'geen-app-token' });
  const siteId = 'groningen.sharepoint.com,site-wijk,web-1';
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    await authority.start();
    const graphUrl = await graph.start();
    graph.siteNames.set(siteId, 'Wijkzaken');
    graph.users.set('graph:medewerker-1', { joinedTeams: [], followedSites: [siteId] });
    server = await startTestServer({
      AAD_APP_CLIENT_ID: testClientId,
      AAD_APP_TENANT_ID: testTenant,
      AAD_APP_CLIENT_SECRET: authority.clientSecret,
      AAD_AUTHORITY_HOST: authority.url,
      PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
      GRAPH_BASE_URL: graphUrl,
    });
    // The redirect URI registered for the SPA: <PUBLIC_URL>/tab/ (here the test server's own address).
    authority.redirectUris.add(`${server.url}/tab/`);
  });
  afterAll(async () => {
    await server?.dispose();
    await authority.stop();
    await graph.stop();
  });

  const signInPage = (page: Page) => page.getByRole('heading', { level: 2, name: 'Aanmelden bij AI-wijzer' });

  it('shows the sign-in page, goes through the authority and back, then calls the API with the token', async () => {
    const page = await newPage((context) => authority.routeBrowser(context));
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/') && r.url().startsWith(server.url)) apiCalls.push(r.url());
    });
    await page.goto(`${server.url}/tab/#checks`);
    await signInPage(page).waitFor();
    await page.getByText('Meld je aan met je werkaccount van de gemeente', { exact: false }).waitFor();
    // Nothing of the pages before signing in: no nav, no dev banner, no call but the sign-in settings.
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByTestId('dev-identity').count()).toBe(0);
    expect(apiCalls.map((u) => new URL(u).pathname)).toEqual(['/api/auth-config']);
    expect(await wcagViolations(page)).toEqual([]);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-signin-light.png'), fullPage: true });

    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Aanmelden bij de lokale Entra ID' }).waitFor();
    const authorize = authority.log.find((r) => r.path.endsWith('/oauth2/v2.0/authorize'))!;
    expect(Object.keys(authorize.params)).toEqual(
      expect.arrayContaining([
        'client_id',
        'redirect_uri',
        'state',
        'nonce',
        'code_challenge',
        'code_challenge_method',
      ]),
    );
    expect(authorize.params.scope).toContain('api://ai-wijzer.groningen.nl/' + testClientId + '/access_as_user');

    const checks = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/checks');
    await page.getByRole('button', { name: /Mira Medewerker/ }).click();
    // Back on the page the person started from, signed in.
    await page.getByRole('heading', { level: 2, name: 'Mijn checks' }).waitFor();
    const response = await checks;
    expect(response.status()).toBe(200);
    expect(await response.request().headerValue('authorization')).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    await page.getByText('Je hebt nog geen checks gedaan.').waitFor();
    expect(new URL(page.url()).hash).toBe('#checks');
    expect(authority.log.some((r) => r.path.endsWith('/oauth2/v2.0/token'))).toBe(true);
    expect(await page.getByRole('navigation').count()).toBe(1);
    expect(await page.getByTestId('dev-identity').count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);

    // Without the token the API refuses (no dev identity with Entra ID, whatever X-Dev-User says).
    expect((await fetch(`${server.url}/api/me`, { headers: { 'x-dev-user': 'beheerder' } })).status).toBe(401);

    // A reload keeps the sign-in for this browser tab (msal's sessionStorage): no trip to the authority.
    const visits = authority.log.length;
    const again = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/checks');
    await page.reload();
    expect((await again).status()).toBe(200);
    expect(authority.log.slice(visits).filter((r) => r.path.endsWith('/authorize'))).toEqual([]);

    // Afmelden: through the authority's logout and back to the sign-in page.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signInPage(page).waitFor();
    expect(authority.log.some((r) => r.path.endsWith('/oauth2/v2.0/logout'))).toBe(true);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('accesstoken')))).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it('asks consent for Graph through MSAL (prompt=consent) on the Datahygiëne page, then lists what to scan', async () => {
    const page = await newPage((context) => authority.routeBrowser(context));
    await page.goto(`${server.url}/tab/#scan`);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: /Mira Medewerker/ }).click();
    // Entra ID says the person has not consented to the app's Graph permissions: the page offers to give it.
    const consent = page.getByTestId('scan-consent');
    await consent.getByText('Toestemming nodig').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await consent.getByRole('button', { name: 'Toestemming geven' }).click();
    await page.getByRole('heading', { name: 'Toestemming' }).waitFor();
    const asked = authority.log.filter((r) => r.path.endsWith('/authorize')).at(-1)!;
    expect(asked.params.scope).toContain('https://graph.microsoft.com/Files.Read.All');
    await page.getByRole('button', { name: /Mira Medewerker/ }).click();
    // Back at Datahygiëne: now the server gets a Graph token on the person's behalf.
    await page.getByRole('radio', { name: 'Wijkzaken' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#scan');
    expect(authority.consented.has('medewerker-1')).toBe(true);
    expect(await page.getByTestId('scan-consent').count()).toBe(0);
    expect(page.problems.filter((p) => !p.includes('403'))).toEqual([]);
    await page.context().close();
  });

  it('when the refresh token no longer works, goes to the authority and back instead of failing the call', async () => {
    // Tokens that end within msal's five minutes: every call renews with the refresh token.
    authority.tokenLifetime = 120;
    try {
      const page = await newPage((context) => authority.routeBrowser(context));
      await page.goto(`${server.url}/tab/#checks`);
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('button', { name: /Mira Medewerker/ }).click();
      await page.getByText('Je hebt nog geen checks gedaan.').waitFor();
      expect(authority.log.some((r) => r.params.grant_type === 'refresh_token')).toBe(true);

      authority.revokeSessions();
      const before = authority.log.length;
      await page.getByRole('link', { name: 'Snelle check', exact: true }).click();
      // The renewal fails (invalid_grant): a redirect to sign in again, and back to the page that was asked for.
      await page.getByRole('heading', { name: 'Aanmelden bij de lokale Entra ID' }).waitFor();
      const renewals = authority.log.slice(before).filter((r) => r.params.grant_type === 'refresh_token');
      expect(renewals.length).toBeGreaterThan(0);
      await page.getByRole('button', { name: /Mira Medewerker/ }).click();
      await page.getByTestId('progress').getByText('Vraag 1 van', { exact: false }).waitFor();
      expect(new URL(page.url()).hash).toBe('#check');
      await page.context().close();
    } finally {
      authority.tokenLifetime = 3600;
    }
  });

  it('tells the person when signing in was cancelled, and can try again', async () => {
    const page = await newPage((context) => authority.routeBrowser(context));
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByText('Aanmelden is niet gelukt of is afgebroken.', { exact: false }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: /Bas Beheer/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Vraag het de visie' }).waitFor();
    await page.context().close();
  });

  it('sends a CSP whose connect-src adds only the authority, and serves the sign-in settings to anyone', async () => {
    const res = await fetch(`${server.url}/api/auth-config`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      mode: 'entra',
      clientId: testClientId,
      authority: `${authority.browserOrigin}/${testTenant}`,
      scopes: [`api://ai-wijzer.groningen.nl/${testClientId}/access_as_user`],
    });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(/connect-src ([^;]+)/.exec(csp)?.[1]?.split(' ')).toEqual([
      "'self'",
      'https://res.cdn.office.net',
      authority.browserOrigin,
    ]);
  });
});

/** Without Entra ID (local development): the dev identity, marked on every page, and a way to pick another. */
describe('the tab in local development: the dev identity, clearly marked', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('shows the dev user on every page; choosing "beheerder" makes /api/me say admin', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/tab/`);
    const banner = page.getByTestId('dev-identity');
    await banner.getByText('Lokale ontwikkeling: geen echte aanmelding').waitFor();
    await banner.getByText('ontwikkelgebruiker "lokaal"', { exact: false }).waitFor();
    await banner.getByText('Geen rollen.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Afmelden' }).count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mijn checks' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mijn checks' }).waitFor();
    await banner.getByText('ontwikkelgebruiker "lokaal"', { exact: false }).waitFor();

    await banner.getByRole('button', { name: 'Andere ontwikkelgebruiker' }).click();
    const field = page.getByRole('textbox', { name: 'Naam van de ontwikkelgebruiker' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // A name the server would not take is refused here, with the rule.
    await field.fill('niet geldig!');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.getByText('Gebruik alleen letters, cijfers en . _ @ -', { exact: false }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await field.fill('beheerder');
    const me = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me');
    const checks = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/checks');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    const answer = await me;
    expect(await answer.request().headerValue('x-dev-user')).toBe('beheerder');
    expect(await answer.json()).toEqual({ roles: ['admin'], identity: 'dev', devUser: 'beheerder' });
    await banner.getByText('ontwikkelgebruiker "beheerder"', { exact: false }).waitFor();
    await banner.getByText('Rollen: beheerder.', { exact: false }).waitFor();
    // The page starts afresh, its calls as that user too.
    await page.getByRole('heading', { level: 2, name: 'Mijn checks' }).waitFor();
    expect(await (await checks).request().headerValue('x-dev-user')).toBe('beheerder');
    expect(await wcagViolations(page)).toEqual([]);
    if (screenshots) await page.screenshot({ path: join(screenshots, 'tab-dev-banner.png'), fullPage: true });

    // Kept for this browser tab only: a reload still works as "beheerder".
    await page.reload();
    await banner.getByText('ontwikkelgebruiker "beheerder"', { exact: false }).waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
