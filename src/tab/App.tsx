import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  Body1,
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
import { apiClient, scanClient } from './api.js';
import { askConsent, connectToHost, onThemeChange, ssoToken, type HostInfo, type TeamsTheme } from './teams.js';
import { languageOf, type Lang } from '../lang.js';
import { texts } from './texts.js';
import { hashFor, hashForSubPage, useHashRoute, type Route } from './useHashRoute.js';
import { AskPanel } from './views/AskPanel.js';
import { VisionReader } from './views/VisionReader.js';

// The check pages load when first opened: the start page's JavaScript stays small in the Teams iframe.
const CheckWizard = lazy(() => import('./views/CheckWizard.js').then((m) => ({ default: m.CheckWizard })));
const MyChecks = lazy(() => import('./views/MyChecks.js').then((m) => ({ default: m.MyChecks })));
const ScanPage = lazy(() => import('./views/ScanPage.js').then((m) => ({ default: m.ScanPage })));
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
  const route = useHashRoute();
  const api = useMemo(() => (host ? apiClient(lang, () => ssoToken(host)) : undefined), [host, lang]);
  const scanApi = useMemo(() => (host ? scanClient(lang, () => ssoToken(host)) : undefined), [host, lang]);
  // Beheer is in the nav for admins only (GET /api/me); the server refuses anyone else its calls regardless. The
  // admin client (with its schemas) is a chunk of its own, shared with the page: the start page stays small.
  const [isAdmin, setIsAdmin] = useState(false);
  useEffect(() => {
    if (!host) return;
    let current = true;
    import('./api-admin.js')
      .then(({ adminClient }) => adminClient(lang, () => ssoToken(host)).me())
      .then(
        (me) => current && setIsAdmin(me.roles.includes('admin')),
        () => current && setIsAdmin(false),
      );
    return () => {
      current = false;
    };
  }, [host, lang]);
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
            <div role="group" aria-label={t.language} className={styles.languages} data-print="hide">
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
        </header>
        <main className={styles.main} aria-busy={host === undefined}>
          {host === undefined || api === undefined ? (
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
              <ScanPage api={scanApi} lang={lang} scanId={route.scanId} onConsent={() => askConsent(host)} />
            </Suspense>
          ) : route.view === 'beheer' ? (
            <Suspense fallback={<Spinner label={t.pageLoading} />}>
              <AdminRoute lang={lang} token={() => ssoToken(host)} />
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
                            {f.title}
                          </Text>
                        }
                      />
                      <Body1>{f.text}</Body1>
                    </Card>
                  </li>
                ))}
              </ul>
              <AskPanel api={api} t={t} />
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
