import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Card,
  Link,
  CardHeader,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  Title1,
  ToggleButton,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { healthSchema } from '../api/health.js';
import { apiClient, scanClient, teamClient } from './api.js';
import { useIdentity } from './auth/useIdentity.js';
import { connectToHost, offerTabConfig, onThemeChange, type HostInfo, type TeamsTheme } from './teams.js';
import { languageOf, type Lang } from '../lang.js';
import { texts } from './texts.js';
import { authTexts } from './texts/auth.js';
import { hashFor, hashForSubPage, useHashRoute, type Route } from './useHashRoute.js';
import { AskPanel } from './views/AskPanel.js';
import { ErrorWithRetry } from './views/ErrorWithRetry.js';
import { VisionReader } from './views/VisionReader.js';

// The check pages load when first opened: the start page's JavaScript stays small in the Teams iframe.
const CheckWizard = lazy(() => import('./views/CheckWizard.js').then((m) => ({ default: m.CheckWizard })));
const MyChecks = lazy(() => import('./views/MyChecks.js').then((m) => ({ default: m.MyChecks })));
// Only in local development (the dev banner) or outside Teams before signing in: not in the start page's JavaScript.
const DevIdentity = lazy(() => import('./views/DevIdentity.js').then((m) => ({ default: m.DevIdentity })));
const SignIn = lazy(() => import('./views/SignIn.js').then((m) => ({ default: m.SignIn })));
const ScanPage = lazy(() => import('./views/ScanPage.js').then((m) => ({ default: m.ScanPage })));
// The channel tab's pages (#team, #config) only ever open in a channel: chunks of their own too.
const TeamPage = lazy(() => import('./views/TeamPage.js').then((m) => ({ default: m.TeamPage })));
const TabConfig = lazy(() => import('./views/TabConfig.js').then((m) => ({ default: m.TabConfig })));
const AdminRoute = lazy(() => import('./views/AdminPage.js').then((m) => ({ default: m.AdminRoute })));

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  // Visible to screen readers only: the page's structure needs this heading, sighted users see the cards.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  languages: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    listStyleType: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  features: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
});

type Status = 'checking' | 'ok' | 'down';

/** Where each capability on the start page leads: the question box below it, the check, Datahygiëne. */
const featureHref = { visie: '#vraag', check: '#check', scan: '#scan' } as const;

/** Which item of the nav a route belongs to. */
function navOf(route: Route): string | undefined {
  if (route.view === 'home' || route.view === 'vraag') return 'home';
  return route.view === 'not-found' ? undefined : route.view;
}

export function App() {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | undefined>();
  const [theme, setTheme] = useState<TeamsTheme>('default');
  const [status, setStatus] = useState<Status>('checking');

  useEffect(() => {
    void connectToHost().then((info) => {
      // Opened by a deep link from the bot (`subEntityId`): go to its section, once, unless the page has a route already.
      const linked = hashForSubPage(info.subPage);
      if (linked && !window.location.hash) window.location.hash = linked;
      setHost(info);
      setTheme(info.theme);
      if (info.inTeams) onThemeChange(setTheme);
    });
    fetch('/healthz')
      .then(async (res) => setStatus(res.ok && healthSchema.safeParse(await res.json()).success ? 'ok' : 'down'))
      .catch(() => setStatus('down'));
  }, []);

  // The language switch outranks Teams and the browser for as long as the page lives (it is kept nowhere).
  const [chosenLang, setChosenLang] = useState<Lang | undefined>();
  const lang = chosenLang ?? languageOf(host?.locale ?? navigator.language);
  const t = texts[lang];
  const ta = authTexts[lang];
  const route = useHashRoute();
  // Who calls the API: Teams SSO, MSAL outside Teams (sign-in page until signed in), or the dev user (marked).
  const auth = useIdentity(host);
  const identity = auth.status === 'ready' ? auth.identity : undefined;
  const api = useMemo(() => (identity ? apiClient(lang, identity) : undefined), [identity, lang]);
  const scanApi = useMemo(() => (identity ? scanClient(lang, identity) : undefined), [identity, lang]);
  const teamApi = useMemo(() => (identity ? teamClient(lang, identity) : undefined), [identity, lang]);
  const [signingOut, setSigningOut] = useState(false);
  // Beheer is in the nav for admins only (GET /api/me); the server refuses anyone else its calls regardless. The
  // admin client (with its schemas) is a chunk of its own, shared with the page: the start page stays small.
  const [isAdmin, setIsAdmin] = useState(false);
  useEffect(() => {
    if (!identity) return;
    let current = true;
    import('./api-admin.js')
      .then(({ adminClient }) => adminClient(lang, identity).me())
      .then(
        (me) => current && setIsAdmin(me.roles.includes('admin')),
        () => current && setIsAdmin(false),
      );
    return () => {
      current = false;
    };
  }, [identity, lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <FluentProvider theme={themes[theme]}>
      <div
        className={styles.page}
        data-theme={theme}
        data-host={host === undefined ? 'connecting' : host.inTeams ? 'teams' : 'standalone'}
      >
        <header>
          <div className={styles.top}>
            <div>
              <Title1 as="h1">{t.title}</Title1>
              <br />
              <Subtitle1 as="p">{t.subtitle}</Subtitle1>
            </div>
            <div className={styles.actions} data-print="hide">
              {auth.status === 'ready' && auth.signOut ? (
                <Button
                  size="small"
                  disabled={signingOut}
                  onClick={() => {
                    setSigningOut(true);
                    auth.signOut!().catch(() => setSigningOut(false));
                  }}
                >
                  {signingOut ? ta.signingOut : ta.signOut}
                </Button>
              ) : null}
              <div role="group" aria-label={t.language} className={styles.languages}>
                {(['nl', 'en'] as const).map((l) => (
                  <ToggleButton
                    key={l}
                    size="small"
                    lang={l}
                    checked={lang === l}
                    appearance={lang === l ? 'primary' : 'secondary'}
                    onClick={() => setChosenLang(l)}
                  >
                    {l === 'nl' ? 'Nederlands' : 'English'}
                  </ToggleButton>
                ))}
              </div>
            </div>
          </div>
          {/* The configuration page is Teams' small dialog for adding the channel tab: nothing to go to from there. */}
          {route.view !== 'config' && auth.status !== 'signed-out' ? (
            <nav aria-label={t.nav} data-print="hide">
              <ul className={styles.nav}>
                {(
                  [
                    ['home', '#', t.navHome],
                    ['visie', '#visie', t.navVision],
                    ['check', '#check', t.navCheck],
                    ['checks', '#checks', t.navMyChecks],
                    ['scan', '#scan', t.navScan],
                    ...(isAdmin ? ([['beheer', '#beheer', t.navAdmin]] as const) : []),
                  ] as const
                ).map(([id, href, label]) => (
                  <li key={id}>
                    <Link
                      href={href}
                      aria-current={navOf(route) === id ? 'page' : undefined}
                      className={navOf(route) === id ? styles.current : undefined}
                    >
                      {label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {auth.status === 'ready' && auth.dev ? (
            <Suspense fallback={null}>
              <DevIdentity
                t={ta}
                lang={lang}
                identity={auth.identity}
                user={auth.dev.user}
                onChoose={auth.dev.choose}
              />
            </Suspense>
          ) : null}
        </header>
        {/* A new development user starts every page afresh, as that user. */}
        <main
          key={auth.status === 'ready' ? (auth.dev?.user ?? '') : auth.status}
          className={styles.main}
          aria-busy={auth.status === 'connecting'}
        >
          {auth.status === 'signed-out' ? (
            <Suspense fallback={<Spinner label={t.loading} />}>
              <SignIn t={ta} onSignIn={auth.signIn} failed={auth.failed} />
            </Suspense>
          ) : auth.status === 'unavailable' ? (
            <ErrorWithRetry message={ta.unavailable} retryLabel={ta.retry} onRetry={auth.retry} />
          ) : host === undefined || api === undefined || identity === undefined ? (
            <Spinner label={t.loading} />
          ) : route.view === 'visie' ? (
            <VisionReader api={api} t={t} sectionId={route.sectionId} />
          ) : route.view === 'check' ? (
            <Suspense fallback={<Spinner label={t.pageLoading} />}>
              {/* Each prefill its own form: a new route starts afresh, a language change keeps the answers. */}
              <CheckWizard key={hashFor(route)} api={api} lang={lang} prefill={route} />
            </Suspense>
          ) : route.view === 'checks' ? (
            <Suspense fallback={<Spinner label={t.pageLoading} />}>
              <MyChecks api={api} lang={lang} seq={route.seq} />
            </Suspense>
          ) : route.view === 'scan' && scanApi ? (
            <Suspense fallback={<Spinner label={t.pageLoading} />}>
              <ScanPage api={scanApi} lang={lang} scanId={route.scanId} onConsent={identity.askConsent} />
            </Suspense>
          ) : route.view === 'team' && teamApi ? (
            <Suspense fallback={<Spinner label={t.pageLoading} />}>
              <TeamPage api={teamApi} lang={lang} groupId={host.team?.groupId} teamName={host.team?.name} />
            </Suspense>
          ) : route.view === 'config' ? (
            <Suspense fallback={<Spinner label={t.pageLoading} />}>
              <TabConfig lang={lang} inTeams={host.inTeams} offer={offerTabConfig} />
            </Suspense>
          ) : route.view === 'beheer' ? (
            <Suspense fallback={<Spinner label={t.pageLoading} />}>
              <AdminRoute lang={lang} identity={identity} />
            </Suspense>
          ) : route.view === 'not-found' ? (
            <section aria-labelledby="not-found">
              <Subtitle1 as="h2" id="not-found">
                {t.notFoundTitle}
              </Subtitle1>
              <Body1 as="p">{t.notFoundText}</Body1>
              <Link href="#">{t.notFoundHome}</Link>
            </section>
          ) : (
            <>
              <MessageBar intent="info">
                <MessageBarBody>{t.aiNotice}</MessageBarBody>
              </MessageBar>
              <h2 className={styles.visuallyHidden}>{lang === 'en' ? 'What AI-wijzer does' : 'Wat AI-wijzer doet'}</h2>
              <ul className={styles.features} data-testid="features">
                {t.features.map((f) => (
                  <li key={f.id}>
                    <Card>
                      <CardHeader
                        header={
                          <Text as="h3" weight="semibold" size={400}>
                            <Link href={featureHref[f.id]}>{f.title}</Link>
                          </Text>
                        }
                      />
                      <Body1>{f.text}</Body1>
                    </Card>
                  </li>
                ))}
              </ul>
              <AskPanel api={api} t={t} focus={route.view === 'vraag'} />
            </>
          )}
        </main>
        <footer data-print="hide">
          <Text role="status" aria-live="polite" data-testid="status">
            {t.status}: {host === undefined ? '' : host.inTeams ? t.inTeams : t.standalone}{' '}
            {status === 'checking' ? '' : status === 'ok' ? t.statusOk : t.statusDown}
          </Text>
        </footer>
      </div>
    </FluentProvider>
  );
}
