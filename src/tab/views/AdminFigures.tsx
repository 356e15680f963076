import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { Body1, Button, Field, Input, Spinner, makeStyles } from '@fluentui/react-components';
import type { Lang } from '../../lang.js';
import type { AdminClient } from '../api-admin.js';
import { formatDay } from '../texts/check.js';
import { adminTexts } from '../texts/admin.js';
import { useLoad } from './admin-load.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

const day = /^\d{4}-\d{2}-\d{2}$/;
const useStyles = makeStyles({ number: { fontVariantNumeric: 'tabular-nums' } });

/** A table of counts with its caption: one row per group. */
function CountTable({
  caption,
  head,
  rows,
  testId,
  emptyText,
}: {
  caption: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  testId: string;
  emptyText: string;
}) {
  const styles = useScanStyles();
  const own = useStyles();
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid={testId}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? own.number : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length}>{emptyText}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={own.number}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Figures without names (GET /api/admin/figures): checks per verdict and per tool, questions the vision did not
 * answer per language and outcome, thumbs per section; from a day on, or all. Tables with captions, no chart.
 */
export function AdminFigures({ api, lang }: { api: AdminClient; lang: Lang }) {
  const layout = useScanStyles();
  const t = adminTexts[lang];
  const [typed, setTyped] = useState('');
  const [since, setSince] = useState<string | undefined>();
  const figures = useLoad(useCallback(() => api.figures(since), [api, since]));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSince(day.test(typed) ? typed : undefined);
  };

  return (
    <section aria-labelledby="admin-figures" className={layout.section}>
      <h3 id="admin-figures" className={layout.h3}>
        {t.figuresTitle}
      </h3>
      <Body1 as="p">{t.figuresIntro}</Body1>
      <form className={layout.row} onSubmit={apply} data-testid="admin-figures-filter">
        <Field label={t.since} hint={t.sinceHint}>
          <Input type="date" value={typed} onChange={(_, d) => setTyped(d.value)} />
        </Field>
        <Button type="submit">{t.show}</Button>
      </form>
      {figures.state === 'loading' ? (
        <Spinner size="small" label={t.loading} />
      ) : figures.state === 'error' ? (
        <ErrorWithRetry message={figures.message} retryLabel={t.retry} onRetry={figures.retry} />
      ) : (
        <>
          <Body1 as="p" role="status" data-testid="admin-figures-since">
            {t.figuresSince(figures.data.since ? formatDay(figures.data.since, lang) : null)}
          </Body1>
          <CountTable
            testId="admin-figures-verdicts"
            caption={t.perVerdictCaption(figures.data.checks.total)}
            head={[t.colVerdict, t.colCount]}
            emptyText={t.noRows}
            rows={(Object.keys(t.verdicts) as (keyof typeof t.verdicts)[]).map((v) => ({
              key: v,
              cells: [t.verdicts[v], figures.data.checks.perVerdict[v]],
            }))}
          />
          <CountTable
            testId="admin-figures-tools"
            caption={t.perToolCaption}
            head={[t.colTool, t.colCount]}
            emptyText={t.noRows}
            rows={figures.data.checks.perTool.map((row) => ({
              key: row.toolId ?? '(none)',
              cells: [row.toolId === null ? t.unknownTool : (row.name ?? row.toolId), row.count],
            }))}
          />
          <CountTable
            testId="admin-figures-languages"
            caption={t.unansweredCaption(figures.data.unanswered.total)}
            head={[t.colGroup, t.colCount]}
            emptyText={t.noRows}
            rows={(['nl', 'en', 'unknown'] as const).map((l) => ({
              key: l,
              cells: [t.languages[l], figures.data.unanswered.perLanguage[l]],
            }))}
          />
          <CountTable
            testId="admin-figures-outcomes"
            caption={t.outcomesCaption}
            head={[t.colGroup, t.colCount]}
            emptyText={t.noRows}
            rows={(['suggest', 'abstain', 'unknown'] as const).map((o) => ({
              key: o,
              cells: [t.outcomes[o], figures.data.unanswered.perOutcome[o]],
            }))}
          />
          <CountTable
            testId="admin-figures-feedback"
            caption={t.feedbackCaption}
            head={[t.colSection, t.colHelpful, t.colNotHelpful]}
            emptyText={t.noRows}
            rows={figures.data.feedback.map((row) => ({
              key: row.sectionId ?? '(none)',
              cells: [
                row.sectionId === null ? t.noSection : (row.heading ?? row.sectionId),
                row.helpful,
                row.notHelpful,
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}
