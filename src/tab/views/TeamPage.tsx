import { useEffect, useState } from 'react';
import { Body1, Link, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { TeamLatestScan, TeamScanSummary } from '../../api/team-scan.js';
import type { Lang } from '../../lang.js';
import { ApiError, type TeamClient } from '../api.js';
import { formatWhen } from '../texts/check.js';
import { categoryNames, scanTexts, severityNames } from '../texts/scan.js';
import { teamTexts } from '../texts/team.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

type State =
  | { kind: 'loading' }
  | { kind: 'leads-only' }
  /** A team lead of other teams: the server's sentence (not a member of this team). */
  | { kind: 'not-member'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; answer: TeamLatestScan };

/**
 * #team: the channel tab. Inside a team's channel it asks the server for the team's last scan (the team's Microsoft 365
 * group id from the Teams context) and shows it to a team lead: label and score, date, sub-scores, the three biggest
 * problems, links to the whole report and to a new scan. A staff member (403) reads that the tab is for team leads;
 * without a team (outside Teams, a chat) the page says so and asks nothing.
 */
export function TeamPage({
  api,
  lang,
  groupId,
  teamName,
}: {
  api: TeamClient;
  lang: Lang;
  groupId?: string;
  teamName?: string;
}) {
  const styles = useScanStyles();
  const t = teamTexts[lang];
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!groupId) return;
    let stopped = false;
    setState({ kind: 'loading' });
    api.teamLatest(groupId).then(
      (answer) => !stopped && setState({ kind: 'loaded', answer }),
      (e: unknown) => {
        if (stopped) return;
        if (e instanceof ApiError && e.code === 'not_team_member') setState({ kind: 'not-member', message: e.message });
        else if (e instanceof ApiError && e.status === 403) setState({ kind: 'leads-only' });
        else setState({ kind: 'error', message: (e as Error).message });
      },
    );
    return () => {
      stopped = true;
    };
  }, [api, groupId, attempt]);

  return (
    <section aria-labelledby="team-title" className={styles.page} data-testid="team-page">
      <h2 id="team-title" className={styles.h2}>
        {teamName ? t.titleOf(teamName) : t.title}
      </h2>
      {!groupId ? (
        <Body1 as="p" data-testid="team-none">
          {t.notInTeam}
        </Body1>
      ) : state.kind === 'loading' ? (
        <Spinner label={t.loading} />
      ) : state.kind === 'leads-only' ? (
        <Body1 as="p" data-testid="team-leads-only">
          {t.onlyLeads}
        </Body1>
      ) : state.kind === 'not-member' ? (
        <Body1 as="p" data-testid="team-not-member">
          {state.message}
        </Body1>
      ) : state.kind === 'error' ? (
        <ErrorWithRetry message={state.message} retryLabel={t.retry} onRetry={() => setAttempt((a) => a + 1)} />
      ) : state.answer.scan ? (
        <LastScan scan={state.answer.scan} lang={lang} />
      ) : (
        <>
          <Body1 as="p" role="status" data-testid="team-no-scan">
            {t.none}
          </Body1>
          <Link href="#scan">{t.startScan}</Link>
        </>
      )}
    </section>
  );
}

/** The team's last scan: what a team lead needs to see at a glance, and where to go next. */
function LastScan({ scan, lang }: { scan: TeamScanSummary; lang: Lang }) {
  const styles = useScanStyles();
  const t = teamTexts[lang];
  const s = scanTexts[lang];
  return (
    <article aria-labelledby="team-last" className={styles.section} data-testid="team-scan">
      <h3 id="team-last" className={styles.h3}>
        {t.lastScan}
      </h3>
      <Text size={600} weight="semibold" as="p" data-testid="team-label">
        {s.labelScore(scan.label, scan.score)}
      </Text>
      <Body1 as="p" data-testid="team-when">
        {t.scannedAt(formatWhen(scan.finishedAt, lang))}. {scan.origin === 'own' ? t.byYou : t.byColleague}{' '}
        {t.counts(scan.files, scan.folders, scan.findings)}
      </Body1>
      {!scan.complete && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.incomplete}</MessageBarBody>
        </MessageBar>
      )}
      {scan.subScores && (
        <section aria-labelledby="team-sub" className={styles.section}>
          <h4 id="team-sub" className={styles.h4}>
            {t.subScores}
          </h4>
          <ul data-testid="team-subscores">
            {(Object.keys(scan.subScores) as (keyof typeof scan.subScores)[]).map((c) => (
              <li key={c}>
                {categoryNames[lang][c]}: {scan.subScores![c]}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="team-problems" className={styles.section}>
        <h4 id="team-problems" className={styles.h4}>
          {t.problemsTitle}
        </h4>
        {scan.problems.length === 0 ? (
          <Body1 as="p">{t.noProblems}</Body1>
        ) : (
          <ol data-testid="team-problems-list">
            {scan.problems.map((p) => (
              <li key={p.rule}>{t.problem(p.title, p.count, severityNames[lang][p.severity])}</li>
            ))}
          </ol>
        )}
      </section>
      <div className={styles.row}>
        <Link href={`#scan/${scan.id}`}>{t.openReport}</Link>
        <Link href="#scan">{t.startScan}</Link>
      </div>
    </article>
  );
}
