import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { ScanReportView } from '../../api/scans.js';
import type { Lang } from '../../lang.js';
import type { ScanClient } from '../api.js';
import { formatWhen } from '../texts/check.js';
import {
  categoryNames,
  groupNames,
  ruleTitles,
  scanTexts,
  severityNames,
  type Finding,
  type RuleId,
  type Severity,
} from '../texts/scan.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';
import { download, findingsCsv, findingsXlsx } from './scan-export.js';

// The chart is drawn only when a report opens: its code is a chunk of its own.
const FindingsChart = lazy(() => import('./FindingsChart.js'));

const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
export type FindingSort = 'severity' | 'rule' | 'path';
const pageSize = 100;

/** The findings a filter, a search and a sort leave, in that order. */
export function selectFindings(
  findings: readonly Finding[],
  { severity, rule, search, sort }: { severity?: Severity; rule?: RuleId; search: string; sort: FindingSort },
): Finding[] {
  const needle = search.trim().toLocaleLowerCase();
  const kept = findings.filter(
    (f) =>
      (!severity || f.severity === severity) &&
      (!rule || f.rule === rule) &&
      (!needle || f.path.toLocaleLowerCase().includes(needle) || f.detail.toLocaleLowerCase().includes(needle)),
  );
  const byPath = (a: Finding, b: Finding) => a.path.localeCompare(b.path);
  return kept.sort((a, b) =>
    sort === 'path'
      ? byPath(a, b)
      : sort === 'rule'
        ? a.rule.localeCompare(b.rule) || byPath(a, b)
        : severityRank[a.severity] - severityRank[b.severity] || byPath(a, b),
  );
}

function fileName(view: ScanReportView, ext: string): string {
  const day = view.report.finishedAt.slice(0, 10);
  return `datahygiene-${day}-${view.id.slice(0, 12)}.${ext}`;
}

/** #scan/<id>: one stored report: label and score, sub-scores, trend, chart, folders, advice, findings, exports. */
export function ScanReport({ api, lang, scanId }: { api: ScanClient; lang: Lang; scanId: string }) {
  const styles = useScanStyles();
  const t = scanTexts[lang];
  const [view, setView] = useState<ScanReportView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let stopped = false;
    setError(undefined);
    api.report(scanId).then(
      (v) => !stopped && setView(v),
      (e: unknown) => !stopped && setError((e as Error).message),
    );
    return () => {
      stopped = true;
    };
  }, [api, scanId, attempt]);

  useEffect(() => {
    if (view) heading.current?.focus();
  }, [view]);

  if (error)
    return (
      <section className={styles.page}>
        <ErrorWithRetry message={error} retryLabel={t.retry} onRetry={() => setAttempt((a) => a + 1)} />
        <Link href="#scan">{t.back}</Link>
      </section>
    );
  if (!view) return <Spinner label={t.loadingReport} />;
  const r = view.report;
  return (
    <article aria-labelledby="report-title" className={styles.page} data-testid="scan-report">
      <Link href="#scan">{t.back}</Link>
      <h2 id="report-title" ref={heading} tabIndex={-1} className={styles.h2}>
        {t.reportTitle(r.root)}
      </h2>
      <Text size={600} weight="semibold" as="p" data-testid="report-label">
        {t.labelScore(r.label, r.score)}
      </Text>
      <Body1 as="p">
        {t.scannedAt(formatWhen(r.finishedAt, lang))}. {t.stats(r.stats.files, r.stats.folders)}.{' '}
        {view.origin === 'agent' ? t.agent : ''}
      </Body1>
      {!r.complete && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.notComplete} {r.incompleteReason ?? ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {r.subScores && (
        <section aria-labelledby="report-sub" className={styles.section}>
          <h3 id="report-sub" className={styles.h3}>
            {t.subScoresTitle}
          </h3>
          <ul data-testid="report-subscores">
            {(Object.keys(r.subScores) as (keyof typeof r.subScores)[]).map((c) => (
              <li key={c}>
                {categoryNames[lang][c]}: {r.subScores![c]}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Trend view={view} lang={lang} />
      <RuleChart view={view} lang={lang} />
      <Folders view={view} lang={lang} />
      <Advice view={view} lang={lang} />
      <Findings view={view} lang={lang} />
    </article>
  );
}

function Trend({ view, lang }: { view: ScanReportView; lang: Lang }) {
  const styles = useScanStyles();
  const t = scanTexts[lang];
  const trend = view.report.trend;
  const changed = trend?.rules.filter((x) => x.delta !== 0) ?? [];
  return (
    <section aria-labelledby="report-trend" className={styles.section} data-testid="report-trend">
      <h3 id="report-trend" className={styles.h3}>
        {t.trendTitle}
      </h3>
      {!trend ? (
        <Body1 as="p">{t.noTrend}</Body1>
      ) : (
        <>
          <Body1 as="p">
            {t.trendScore(
              trend.previousScore,
              trend.previousLabel,
              trend.scoreDelta,
              formatWhen(trend.previousFinishedAt, lang),
            )}
          </Body1>
          {changed.length > 0 && (
            <div className={styles.scroll}>
              <table className={styles.table}>
                <caption className={styles.caption}>{t.trendTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.rule}</th>
                    <th scope="col">{t.before}</th>
                    <th scope="col">{t.now}</th>
                    <th scope="col">{t.change}</th>
                  </tr>
                </thead>
                <tbody>
                  {changed.map((x) => (
                    <tr key={x.rule}>
                      <th scope="row">{ruleTitles[lang][x.rule]}</th>
                      <td>{x.before}</td>
                      <td>{x.now}</td>
                      <td>{x.delta > 0 ? `+${x.delta}` : x.delta}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function RuleChart({ view, lang }: { view: ScanReportView; lang: Lang }) {
  const styles = useScanStyles();
  const t = scanTexts[lang];
  const counts = useMemo(() => {
    const given = view.report.ruleCounts;
    const tally: Partial<Record<RuleId, number>> = given ? { ...given } : {};
    if (!given) for (const f of view.report.findings) tally[f.rule] = (tally[f.rule] ?? 0) + 1;
    return (Object.entries(tally) as [RuleId, number][])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([rule, count]) => ({ rule, name: ruleTitles[lang][rule], count }));
  }, [view, lang]);
  if (counts.length === 0) return null;
  return (
    <section aria-labelledby="report-chart" className={styles.section}>
      <h3 id="report-chart" className={styles.h3}>
        {t.chartTitle}
      </h3>
      <Suspense fallback={<Spinner size="small" label={t.chartLoading} />}>
        <FindingsChart bars={counts} label={t.chartTitle} />
      </Suspense>
      <table className={styles.visuallyHidden} data-testid="rule-counts">
        <caption>{t.chartTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.rule}</th>
            <th scope="col">{t.count}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.rule}>
              <th scope="row">{c.name}</th>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Folders({ view, lang }: { view: ScanReportView; lang: Lang }) {
  const styles = useScanStyles();
  const t = scanTexts[lang];
  const folders = useMemo(
    () =>
      [...(view.report.folders ?? [])]
        .sort((a, b) => a.score - b.score || b.findings - a.findings || a.path.localeCompare(b.path))
        .slice(0, 50),
    [view],
  );
  if (folders.length === 0) return null;
  return (
    <section aria-labelledby="report-folders" className={styles.section}>
      <h3 id="report-folders" className={styles.h3}>
        {t.foldersTitle}
      </h3>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="report-folders">
          <caption className={styles.caption}>{t.foldersTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.folder}</th>
              <th scope="col">{t.score}</th>
              <th scope="col">{t.label}</th>
              <th scope="col">{t.items}</th>
              <th scope="col">{t.findingsCount}</th>
            </tr>
          </thead>
          <tbody>
            {folders.map((f) => (
              <tr key={f.path}>
                <th scope="row">{f.path}</th>
                <td>{f.score}</td>
                <td>{f.label}</td>
                <td>{f.items}</td>
                <td>{f.findings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Advice({ view, lang }: { view: ScanReportView; lang: Lang }) {
  const styles = useScanStyles();
  const t = scanTexts[lang];
  const advice = view.report.advice;
  if (!advice) return null;
  const groups = (Object.keys(advice) as (keyof typeof advice)[]).filter((g) => advice[g].length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="report-advice" className={styles.section} data-testid="report-advice">
      <h3 id="report-advice" className={styles.h3}>
        {t.adviceTitle}
      </h3>
      {groups.map((g) => (
        <div key={g}>
          <h4 className={styles.h4}>{groupNames[lang][g]}</h4>
          <ul>
            {advice[g].map((a) => (
              <li key={a.rule}>
                <strong>
                  {a.title} ({a.count})
                </strong>
                : {a.advice}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Findings({ view, lang }: { view: ScanReportView; lang: Lang }) {
  const styles = useScanStyles();
  const t = scanTexts[lang];
  const all = view.report.findings;
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [rule, setRule] = useState<RuleId | ''>('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<FindingSort>('severity');
  const [shown, setShown] = useState(pageSize);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | undefined>();
  const rules = useMemo(() => [...new Set(all.map((f) => f.rule))].sort(), [all]);
  const selected = useMemo(
    () => selectFindings(all, { severity: severity || undefined, rule: rule || undefined, search, sort }),
    [all, severity, rule, search, sort],
  );

  async function exportExcel() {
    setExporting(true);
    setExportError(undefined);
    try {
      download(await findingsXlsx(selected, lang), fileName(view, 'xlsx'));
    } catch {
      setExportError(t.exportFailed);
    } finally {
      setExporting(false);
    }
  }

  return (
    <section aria-labelledby="report-findings" className={styles.section}>
      <h3 id="report-findings" className={styles.h3}>
        {t.findingsTitle}
      </h3>
      <div className={styles.row}>
        <Field label={t.filterSeverity}>
          <Select value={severity} onChange={(_, d) => setSeverity(d.value as Severity | '')}>
            <option value="">{t.all}</option>
            {(['high', 'medium', 'low'] as const).map((s) => (
              <option key={s} value={s}>
                {severityNames[lang][s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterRule}>
          <Select value={rule} onChange={(_, d) => setRule(d.value as RuleId | '')}>
            <option value="">{t.all}</option>
            {rules.map((r) => (
              <option key={r} value={r}>
                {ruleTitles[lang][r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.sortBy}>
          <Select value={sort} onChange={(_, d) => setSort(d.value as FindingSort)}>
            {(['severity', 'rule', 'path'] as const).map((s) => (
              <option key={s} value={s}>
                {t.sorts[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.searchFindings}>
          <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button
          onClick={() =>
            download(new Blob([findingsCsv(selected, lang)], { type: 'text/csv;charset=utf-8' }), fileName(view, 'csv'))
          }
        >
          {t.exportCsv}
        </Button>
        <Button onClick={() => void exportExcel()} disabled={exporting}>
          {exporting ? t.exporting : t.exportExcel}
        </Button>
        {exportError && <Text role="alert">{exportError}</Text>}
      </div>
      <Text role="status" aria-live="polite" data-testid="findings-shown">
        {t.shown(Math.min(shown, selected.length), all.length)}
      </Text>
      {selected.length === 0 ? (
        <Body1 as="p">{t.noFindings}</Body1>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="report-findings">
            <caption className={styles.visuallyHidden}>{t.findingsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.severity}</th>
                <th scope="col">{t.rule}</th>
                <th scope="col">{t.path}</th>
                <th scope="col">{t.detail}</th>
                <th scope="col">{t.advice}</th>
              </tr>
            </thead>
            <tbody>
              {selected.slice(0, shown).map((f, i) => (
                <tr key={`${f.rule}:${f.path}:${i}`}>
                  <td>{severityNames[lang][f.severity]}</td>
                  <td>{ruleTitles[lang][f.rule]}</td>
                  <td>{f.path}</td>
                  <td>{f.detail}</td>
                  <td>{f.advice}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected.length > shown && <Button onClick={() => setShown((n) => n + pageSize)}>{t.moreFindings}</Button>}
    </section>
  );
}
