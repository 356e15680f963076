import { useEffect, useState } from 'react';
import {
  Body1,
  Card,
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
import { connectToHost, onThemeChange, type HostInfo, type TeamsTheme } from './teams.js';
import { langOf, texts } from './texts.js';

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  page: { minHeight: '100vh', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // Visible to screen readers only: the page's structure needs this heading, sighted users see the cards.
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  features: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalL, listStyleType: 'none', padding: 0, margin: 0 },
});

type Status = 'checking' | 'ok' | 'down';

export function App() {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | undefined>();
  const [theme, setTheme] = useState<TeamsTheme>('default');
  const [status, setStatus] = useState<Status>('checking');

  useEffect(() => {
    void connectToHost().then((info) => {
      setHost(info);
      setTheme(info.theme);
      if (info.inTeams) onThemeChange(setTheme);
    });
    fetch('/healthz')
      .then(async (res) => setStatus(res.ok && healthSchema.safeParse(await res.json()).success ? 'ok' : 'down'))
      .catch(() => setStatus('down'));
  }, []);

  const lang = langOf(host?.locale ?? navigator.language ?? 'nl');
  const t = texts[lang];
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <FluentProvider theme={themes[theme]}>
      <div className={styles.page} data-theme={theme} data-host={host === undefined ? 'connecting' : host.inTeams ? 'teams' : 'standalone'}>
        <header>
          <Title1 as="h1">{t.title}</Title1>
          <br />
          <Subtitle1 as="p">{t.subtitle}</Subtitle1>
        </header>
        <main className={styles.main} aria-busy={host === undefined}>
          {host === undefined ? (
            <Spinner label={t.loading} />
          ) : (
            <>
              <MessageBar intent="info">
                <MessageBarBody>{t.aiNotice}</MessageBarBody>
              </MessageBar>
              <h2 className={styles.visuallyHidden}>
                {lang === 'en' ? 'What AI-wijzer does' : 'Wat AI-wijzer doet'}
              </h2>
              <ul className={styles.features} data-testid="features">
                {t.features.map((f) => (
                  <li key={f.id}>
                    <Card>
                      <CardHeader header={<Text as="h3" weight="semibold" size={400}>{f.title}</Text>} />
                      <Body1>{f.text}</Body1>
                    </Card>
                  </li>
                ))}
              </ul>
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
