import { useEffect, useMemo, useState } from 'react';
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
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { healthSchema } from '../api/health.js';
import { apiClient } from './api.js';
import { connectToHost, onThemeChange, ssoToken, type HostInfo, type TeamsTheme } from './teams.js';
import { languageOf } from '../lang.js';
import { texts } from './texts.js';
import { hashForSubPage, useHashRoute } from './useHashRoute.js';
import { AskPanel } from './views/AskPanel.js';
import { VisionReader } from './views/VisionReader.js';

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
  nav: { display: 'flex', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalS },
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

  const lang = languageOf(host?.locale ?? navigator.language);
  const t = texts[lang];
  const route = useHashRoute();
  const api = useMemo(() => (host ? apiClient(lang, () => ssoToken(host)) : undefined), [host, lang]);
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
          <Title1 as="h1">{t.title}</Title1>
          <br />
          <Subtitle1 as="p">{t.subtitle}</Subtitle1>
          <nav aria-label={t.nav} className={styles.nav}>
            <Link href="#" aria-current={route.view === 'home' ? 'page' : undefined}>
              {t.navHome}
            </Link>
            <Link href="#visie" aria-current={route.view === 'visie' ? 'page' : undefined}>
              {t.navVision}
            </Link>
          </nav>
        </header>
        <main className={styles.main} aria-busy={host === undefined}>
          {host === undefined || api === undefined ? (
            <Spinner label={t.loading} />
          ) : route.view === 'visie' ? (
            <VisionReader api={api} t={t} sectionId={route.sectionId} />
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
        <footer>
          <Text role="status" aria-live="polite" data-testid="status">
            {t.status}: {host === undefined ? '' : host.inTeams ? t.inTeams : t.standalone}{' '}
            {status === 'checking' ? '' : status === 'ok' ? t.statusOk : t.statusDown}
          </Text>
        </footer>
      </div>
    </FluentProvider>
  );
}
