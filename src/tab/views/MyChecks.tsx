import { useEffect, useId, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { CheckDetail, CheckSummary, CurrentVersions } from '../../api/checks.js';
import type { Lang } from '../../lang.js';
import type { ApiClient, CheckQuestionsView } from '../api.js';
import { checkTexts, formatWhen } from '../texts/check.js';
import { myChecksTexts } from '../texts/my-checks.js';
import { answersOf } from './check-answers.js';
import { CheckRecord } from './CheckRecord.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '64rem' },
  heading: { margin: 0 },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  scroll: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  caption: { textAlign: 'left', paddingBottom: tokens.spacingVerticalS },
  changed: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** Whether a check was judged by other rules or another register than a check is judged by now. */
export function isOutdated(check: Pick<CheckSummary, 'rulesVersion' | 'registerVersion'>, now?: CurrentVersions) {
  return (
    now !== undefined && (check.rulesVersion !== now.rulesVersion || check.registerVersion !== now.registerVersion)
  );
}

function taskLabel(form: CheckQuestionsView, task: string): string {
  const options = form.questions.find((q) => q.field === 'task')?.options ?? [];
  return options.find((o) => o.value === task && !o.unknown)?.label ?? task;
}

type Reassessed = { seq: number; from: number };

/**
 * Mijn checks: the person's own earlier checks, newest first, each opened at #checks/<record> with its record; one
 * judged by rules or a register that has changed since offers to be judged again with the current rules (recorded as
 * a new check, which then opens).
 */
export function MyChecks({ api, lang, seq }: { api: ApiClient; lang: Lang; seq?: number }) {
  const t = myChecksTexts[lang];
  const [reassessed, setReassessed] = useState<Reassessed | undefined>();
  const [reassessing, setReassessing] = useState<number | undefined>();
  const [reassessError, setReassessError] = useState<{ seq: number; message: string } | undefined>();

  async function reassess(from: number) {
    setReassessing(from);
    setReassessError(undefined);
    try {
      const result = await api.reassess(from);
      setReassessed({ seq: result.record.seq, from });
      window.location.hash = `#checks/${result.record.seq}`;
    } catch (e) {
      setReassessError({ seq: from, message: (e as Error).message });
    } finally {
      setReassessing(undefined);
    }
  }

  const action = {
    reassess: (from: number) => void reassess(from),
    reassessing,
    error: reassessError,
  };
  return seq === undefined ? (
    <CheckList api={api} lang={lang} action={action} />
  ) : (
    <OneCheck
      key={seq}
      api={api}
      lang={lang}
      seq={seq}
      action={action}
      notice={reassessed?.seq === seq ? t.reassessed(reassessed.seq, reassessed.from) : undefined}
    />
  );
}

interface ReassessAction {
  reassess: (seq: number) => void;
  reassessing: number | undefined;
  error: { seq: number; message: string } | undefined;
}

function ReassessButton({ seq, action, lang }: { seq: number; action: ReassessAction; lang: Lang }) {
  const t = myChecksTexts[lang];
  return action.reassessing === seq ? (
    <Spinner size="tiny" label={t.reassessing} />
  ) : (
    <Button size="small" onClick={() => action.reassess(seq)} disabled={action.reassessing !== undefined}>
      {t.reassess}
    </Button>
  );
}

/** Loads what a page needs, with an error in plain language and a retry. */
function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    load().then(
      (v) => live && setValue(v),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
    // The caller names what the load depends on.
  }, [...deps, attempt]);
  return { value, setValue, error, retry: () => setAttempt((n) => n + 1) };
}

function CheckList({ api, lang, action }: { api: ApiClient; lang: Lang; action: ReassessAction }) {
  const styles = useStyles();
  const t = myChecksTexts[lang];
  const verdicts = checkTexts[lang].verdict;
  const titleId = useId();
  const { value, setValue, error, retry } = useLoad(
    () => Promise.all([api.myChecks(), api.checkQuestions()]).then(([list, form]) => ({ ...list, form })),
    [api],
  );
  const [more, setMore] = useState<{ busy: boolean; error?: string; end: boolean }>({ busy: false, end: false });

  async function loadMore() {
    if (!value) return;
    const last = value.checks.at(-1);
    setMore({ busy: true, end: false });
    try {
      const older = await api.myChecks(last?.seq);
      setValue({ ...value, checks: [...value.checks, ...older.checks] });
      setMore({ busy: false, end: older.checks.length < 50 });
    } catch (e) {
      setMore({ busy: false, end: false, error: (e as Error).message });
    }
  }

  return (
    <section className={styles.page} aria-labelledby={titleId} data-testid="my-checks">
      <Subtitle1 as="h2" id={titleId} className={styles.heading}>
        {t.title}
      </Subtitle1>
      <Body1 as="p" className={styles.heading}>
        {t.intro}
      </Body1>
      {!value &&
        (error ? (
          <ErrorWithRetry message={error} retryLabel={t.retry} onRetry={retry} />
        ) : (
          <Spinner label={t.loading} />
        ))}
      {value && value.checks.length === 0 && (
        <Body1 as="p">
          {t.empty} <Link href="#check">{t.startCheck}</Link>
        </Body1>
      )}
      {action.error && (
        <ErrorWithRetry
          message={action.error.message}
          retryLabel={t.retry}
          onRetry={() => action.reassess(action.error!.seq)}
        />
      )}
      {value && value.checks.length > 0 && (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption className={styles.caption}>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.tool}</th>
                <th scope="col">{t.task}</th>
                <th scope="col">{t.verdict}</th>
                <th scope="col">{t.number}</th>
              </tr>
            </thead>
            <tbody>
              {value.checks.map((check) => (
                <tr key={check.seq} data-seq={check.seq}>
                  <td>{formatWhen(check.at, lang)}</td>
                  <td>{check.tool.name}</td>
                  <td>{taskLabel(value.form, check.task)}</td>
                  <td>{verdicts[check.verdict]}</td>
                  <td>
                    <div className={styles.changed}>
                      <Link href={`#checks/${check.seq}`}>{t.open(check.seq)}</Link>
                      {isOutdated(check, value.current) && (
                        <>
                          <Body1>{t.changed}</Body1>
                          <ReassessButton seq={check.seq} action={action} lang={lang} />
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {value && value.checks.length >= 50 && !more.end && (
        <div className={styles.row}>
          <Button onClick={() => void loadMore()} disabled={more.busy}>
            {t.more}
          </Button>
          {more.error && <Body1 role="alert">{more.error}</Body1>}
        </div>
      )}
    </section>
  );
}

function OneCheck({
  api,
  lang,
  seq,
  action,
  notice,
}: {
  api: ApiClient;
  lang: Lang;
  seq: number;
  action: ReassessAction;
  notice: string | undefined;
}) {
  const styles = useStyles();
  const t = myChecksTexts[lang];
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { value, error, retry } = useLoad<{ detail: CheckDetail; form: CheckQuestionsView }>(
    () => Promise.all([api.myCheck(seq), api.checkQuestions()]).then(([detail, form]) => ({ detail, form })),
    [api, seq],
  );
  const loaded = value !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  return (
    <section className={styles.page} aria-labelledby={titleId} data-testid="my-check">
      <div data-print="hide">
        <Link href="#checks">{t.back}</Link>
      </div>
      <h2 id={titleId} className={styles.title} ref={headingRef} tabIndex={-1}>
        {t.detailTitle(seq)}
      </h2>
      {notice && (
        <MessageBar intent="success" data-print="hide">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {!value &&
        (error ? (
          <ErrorWithRetry message={error} retryLabel={t.retry} onRetry={retry} />
        ) : (
          <Spinner label={t.loading} />
        ))}
      {action.error?.seq === seq && (
        <ErrorWithRetry message={action.error.message} retryLabel={t.retry} onRetry={() => action.reassess(seq)} />
      )}
      {value && isOutdated(value.detail, value.detail.current) && (
        <MessageBar intent="info" layout="multiline" data-print="hide" data-testid="outdated">
          <MessageBarBody>{t.changed}</MessageBarBody>
          <MessageBarActions>
            <ReassessButton seq={seq} action={action} lang={lang} />
          </MessageBarActions>
        </MessageBar>
      )}
      {value && (
        <CheckRecord
          result={value.detail}
          answers={answersOf(value.form, value.detail.case, value.detail.tool.name)}
          t={checkTexts[lang]}
          lang={lang}
          actions={
            <Button appearance="primary" onClick={() => window.print()}>
              {checkTexts[lang].print}
            </Button>
          }
        />
      )}
    </section>
  );
}
