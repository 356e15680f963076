import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  SearchBox,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ScanJobSummary, ScanList, ScanTargets } from '../../api/scan-jobs.js';
import type { Lang } from '../../lang.js';
import { ApiError, type ScanClient, type ScanTargetRef } from '../api.js';
import { formatWhen } from '../texts/check.js';
import { scanTexts, type ScanTexts } from '../texts/scan.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { ScanReport } from './ScanReport.js';
import { useScanStyles } from './scan-styles.js';

const kindOrder = ['team', 'site', 'drive'] as const;
const keyOf = (t: ScanTargetRef) => `${t.kind}:${t.id}`;

type TargetsState =
  | { state: 'loading' }
  | { state: 'ready'; data: ScanTargets }
  | { state: 'consent'; message: string }
  | { state: 'not-configured' }
  | { state: 'error'; message: string };

/** The target picker: a search box (debounced), what the person can reach grouped by kind, one to choose. */
function TargetPicker({
  api,
  t,
  onConsent,
  chosen,
  onChoose,
}: {
  api: ScanClient;
  t: ScanTexts;
  onConsent: () => Promise<void>;
  chosen?: ScanTargetRef & { name: string };
  onChoose: (target: ScanTargetRef & { name: string }) => void;
}) {
  const styles = useScanStyles();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<TargetsState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ask = ++latest.current;
    setState((s) => (s.state === 'ready' ? s : { state: 'loading' }));
    const timer = setTimeout(
      () => {
        api.targets(search.trim() || undefined).then(
          (data) => ask === latest.current && setState({ state: 'ready', data }),
          (e: unknown) => {
            if (ask !== latest.current) return;
            const code = e instanceof ApiError ? e.code : undefined;
            if (code === 'consent_required') setState({ state: 'consent', message: (e as Error).message });
            else if (code === 'graph_not_configured') setState({ state: 'not-configured' });
            else setState({ state: 'error', message: (e as Error).message });
          },
        );
      },
      search ? 300 : 0,
    );
    return () => clearTimeout(timer);
  }, [api, search, attempt]);

  const retry = () => setAttempt((a) => a + 1);

  return (
    <section aria-labelledby="scan-pick" className={styles.section}>
      <h3 id="scan-pick" className={styles.h3}>
        {t.pickTitle}
      </h3>
      {state.state === 'consent' ? (
        <MessageBar intent="warning" layout="multiline" data-testid="scan-consent">
          <MessageBarBody>
            <MessageBarTitle>{t.consentTitle}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void onConsent().then(retry)}>
              {t.consentButton}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : state.state === 'not-configured' ? (
        <MessageBar intent="info" layout="multiline" data-testid="scan-not-configured">
          <MessageBarBody>{t.notConfigured}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Field label={t.search} hint={t.searchHint}>
            <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} maxLength={100} />
          </Field>
          {state.state === 'loading' ? (
            <Spinner size="small" label={t.loadingTargets} />
          ) : state.state === 'error' ? (
            <ErrorWithRetry message={state.message} retryLabel={t.retry} onRetry={retry} />
          ) : (
            <>
              {state.data.viewer === 'app' && <Body1 as="p">{t.appViewer}</Body1>}
              {state.data.incomplete.length > 0 && (
                <MessageBar intent="warning" layout="multiline" data-testid="scan-incomplete">
                  <MessageBarBody>
                    {t.incomplete} {state.data.incomplete.map((p) => p.message).join(' ')}
                  </MessageBarBody>
                </MessageBar>
              )}
              {state.data.truncated && <Body1 as="p">{t.truncated}</Body1>}
              {state.data.targets.length === 0 ? (
                <Body1 as="p">{t.noTargets}</Body1>
              ) : (
                <div className={styles.targets}>
                  {kindOrder.map((kind) => {
                    const ofKind = state.data.targets.filter((x) => x.kind === kind);
                    if (ofKind.length === 0) return null;
                    const value = chosen?.kind === kind ? keyOf(chosen) : '';
                    return (
                      <fieldset key={kind} className={styles.fieldset}>
                        <legend className={styles.legend}>{t.kinds[kind]}</legend>
                        <RadioGroup
                          name="scan-target"
                          value={value}
                          onChange={(_, d) => {
                            const target = ofKind.find((x) => keyOf(x) === d.value);
                            if (target) onChoose(target);
                          }}
                        >
                          {ofKind.map((x) => (
                            <Radio key={keyOf(x)} value={keyOf(x)} label={x.name} />
                          ))}
                        </RadioGroup>
                      </fieldset>
                    );
                  })}
                </div>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

/** A job's progress as a live region, polled every second until it is done (then its report opens) or failed. */
function JobProgress({
  api,
  t,
  jobId,
  onEnd,
  onDone,
}: {
  api: ScanClient;
  t: ScanTexts;
  jobId: string;
  onEnd: () => void;
  onDone: (scanId: string) => void;
}) {
  const styles = useScanStyles();
  const [job, setJob] = useState<ScanJobSummary | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api.job(jobId).then(
        (view) => {
          if (stopped) return;
          setJob(view);
          setError(undefined);
          if (view.status === 'done' && view.scanId) onDone(view.scanId);
          else if (view.status === 'failed') onEnd();
          else timer = setTimeout(poll, 1000);
        },
        (e: unknown) => !stopped && setError((e as Error).message),
      );
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId, attempt, onEnd, onDone]);

  const text =
    job === undefined
      ? t.queued
      : job.status === 'failed'
        ? `${t.failed} ${job.error?.message ?? ''}`.trim()
        : job.status === 'done'
          ? t.done
          : job.status === 'queued'
            ? t.queued
            : t.progress(job.progress.items, job.progress.requests, job.progress.throttledSeconds);
  return (
    <section aria-labelledby="scan-progress" className={styles.section} data-testid="scan-progress">
      <h3 id="scan-progress" className={styles.h3}>
        {t.progressTitle}
      </h3>
      {job?.status !== 'failed' && job?.status !== 'done' && <Spinner size="tiny" aria-hidden="true" />}
      <Text role="status" aria-live="polite" data-testid="scan-progress-text">
        {text}
      </Text>
      {error && <ErrorWithRetry message={error} retryLabel={t.retry} onRetry={() => setAttempt((a) => a + 1)} />}
    </section>
  );
}

/** The person's earlier scans and, for team leads and admins, the on-premises agents' reports. */
function EarlierScans({
  t,
  lang,
  list,
  onFollow,
}: {
  t: ScanTexts;
  lang: Lang;
  list: ScanList;
  onFollow: (jobId: string) => void;
}) {
  const styles = useScanStyles();
  const open = list.jobs.filter((j) => j.status === 'queued' || j.status === 'running');
  return (
    <>
      {open.length > 0 && (
        <section aria-labelledby="scan-jobs" className={styles.section}>
          <h3 id="scan-jobs" className={styles.h3}>
            {t.jobsTitle}
          </h3>
          <ul>
            {open.map((j) => (
              <li key={j.id} className={styles.row}>
                <span>
                  {t.kinds[j.target.kind]}: {j.target.id} ({t.status[j.status]}, {formatWhen(j.createdAt, lang)})
                </span>
                <Button size="small" onClick={() => onFollow(j.id)}>
                  {t.follow}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="scan-earlier" className={styles.section}>
        <h3 id="scan-earlier" className={styles.h3}>
          {t.earlierTitle}
        </h3>
        {list.reports.length === 0 ? (
          <Body1 as="p">{t.earlierEmpty}</Body1>
        ) : (
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="scan-reports">
              <caption className={styles.caption}>{t.earlierCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.when}</th>
                  <th scope="col">{t.what}</th>
                  <th scope="col">{t.origin}</th>
                  <th scope="col">{t.score}</th>
                </tr>
              </thead>
              <tbody>
                {list.reports.map((r) => (
                  <tr key={r.id}>
                    <td>{formatWhen(r.finishedAt, lang)}</td>
                    <td>
                      <Link href={`#scan/${r.id}`} aria-label={t.openReport(r.root)}>
                        {r.root}
                      </Link>
                      {r.complete ? '' : ` ${t.incompleteScan}`}
                    </td>
                    <td>{r.origin === 'agent' ? t.agent : t.own}</td>
                    <td>
                      {r.label} ({r.score})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/**
 * Datahygiëne (#scan): choose a team, site or OneDrive the person can reach, start a scan, watch it, and the earlier
 * scans and agents' reports; #scan/<id> shows one stored report.
 */
export function ScanPage({
  api,
  lang,
  scanId,
  onConsent = async () => {},
}: {
  api: ScanClient;
  lang: Lang;
  scanId?: string;
  /** Inside Teams: lets Teams ask for consent (src/tab/teams.ts askConsent); then the list is asked for again. */
  onConsent?: () => Promise<void>;
}) {
  const styles = useScanStyles();
  const t = scanTexts[lang];
  const [chosen, setChosen] = useState<(ScanTargetRef & { name: string }) | undefined>();
  const [jobId, setJobId] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | undefined>();
  const [missing, setMissing] = useState(false);
  const [list, setList] = useState<ScanList | undefined>();
  const [listError, setListError] = useState<string | undefined>();
  const [listAttempt, setListAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (scanId) return;
    let stopped = false;
    setListError(undefined);
    api.scans().then(
      (data) => {
        if (stopped) return;
        setList(data);
        // A scan still running (started before, or elsewhere) is shown with its progress.
        const open = data.jobs.find((j) => j.status === 'queued' || j.status === 'running');
        if (open) setJobId((current) => current ?? open.id);
      },
      (e: unknown) => !stopped && setListError((e as Error).message),
    );
    return () => {
      stopped = true;
    };
  }, [api, scanId, listAttempt]);

  useEffect(() => {
    if (!scanId) heading.current?.focus();
  }, [scanId]);

  const onEnd = useCallback(() => setListAttempt((a) => a + 1), []);
  // A finished scan opens its report and is no longer followed (back at #scan, the page starts afresh).
  const onDone = useCallback((done: string) => {
    setJobId(undefined);
    window.location.hash = `#scan/${done}`;
  }, []);

  if (scanId) return <ScanReport api={api} lang={lang} scanId={scanId} />;

  async function start() {
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setStarting(true);
    setStartError(undefined);
    try {
      const job = await api.start({ kind: chosen.kind, id: chosen.id });
      setJobId(job.id);
    } catch (e) {
      setStartError((e as Error).message);
    } finally {
      setStarting(false);
    }
  }

  return (
    <section aria-labelledby="scan-title" className={styles.page}>
      <h2 id="scan-title" ref={heading} tabIndex={-1} className={styles.h2}>
        {t.title}
      </h2>
      <Body1 as="p">{t.intro}</Body1>
      <TargetPicker
        api={api}
        t={t}
        onConsent={onConsent}
        chosen={chosen}
        onChoose={(target) => {
          setChosen(target);
          setMissing(false);
        }}
      />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void start()} disabled={starting}>
          {starting ? t.starting : t.start}
        </Button>
        <Text aria-live="polite">{chosen ? t.chosen(chosen.name) : missing ? t.chooseFirst : ''}</Text>
      </div>
      {startError && <ErrorWithRetry message={startError} retryLabel={t.retry} onRetry={() => void start()} />}
      {jobId && <JobProgress key={jobId} api={api} t={t} jobId={jobId} onEnd={onEnd} onDone={onDone} />}
      {listError ? (
        <ErrorWithRetry message={listError} retryLabel={t.retry} onRetry={() => setListAttempt((a) => a + 1)} />
      ) : list ? (
        <EarlierScans t={t} lang={lang} list={list} onFollow={setJobId} />
      ) : (
        <Spinner size="small" label={t.loadingScans} />
      )}
    </section>
  );
}
