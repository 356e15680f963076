import { useCallback, useEffect, useState } from 'react';
import { Body1, Button, Spinner } from '@fluentui/react-components';
import type { ToolChangeView, ToolHistory } from '../../api/admin.js';
import type { Lang } from '../../lang.js';
import { historyPage, type AdminClient } from '../api-admin.js';
import { formatWhen } from '../texts/check.js';
import { adminTexts, type AdminTexts } from '../texts/admin.js';
import { useLoad } from './admin-load.js';
import { changedFields } from './admin-tool-form.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

/** What one change did, in words: the fields it changed with their value before and after. */
function whatChanged(change: ToolChangeView, t: AdminTexts): string {
  if (change.action !== 'changed') return change.after?.name ?? change.before?.name ?? change.toolId;
  const fields = changedFields(change.before, change.after);
  if (fields.length === 0) return t.noFieldChanged;
  const show = (value: unknown) =>
    Array.isArray(value) ? `[${value.join(', ')}]` : typeof value === 'string' ? `'${value}'` : String(value);
  const before = change.before as unknown as Record<string, unknown>;
  const after = change.after as unknown as Record<string, unknown>;
  return fields.map((f) => `${t.fields[f].label}: ${show(before[f])} → ${show(after[f])}`).join('; ');
}

/**
 * The register's history, newest first: when, who (the pseudonym the API gives, never a name; "(jij)" for the
 * caller), which tool, what (added, changed with the fields, removed), and where the register started. Older
 * changes 50 at a time. `changes` counts the changes made on this page: each one asks again.
 */
export function AdminHistory({ api, lang, changes }: { api: AdminClient; lang: Lang; changes: number }) {
  const styles = useScanStyles();
  const t = adminTexts[lang];
  const first = useLoad(useCallback(() => api.history(), [api, changes]));
  const [older, setOlder] = useState<ToolHistory['changes']>([]);
  const [more, setMore] = useState<{ state: 'idle' | 'loading' } | { state: 'error'; message: string }>({
    state: 'idle',
  });
  const [done, setDone] = useState(false);
  useEffect(() => {
    setOlder([]);
    setDone(false);
    setMore({ state: 'idle' });
  }, [first.state === 'ready' ? first.data : undefined]);

  if (first.state === 'loading') return <Spinner size="small" label={t.loading} />;
  if (first.state === 'error')
    return <ErrorWithRetry message={first.message} retryLabel={t.retry} onRetry={first.retry} />;
  const rows = [...first.data.changes, ...older];
  const last = rows.at(-1);
  const canPage = !done && first.data.changes.length === historyPage && last !== undefined;
  const loadOlder = async () => {
    if (!last) return;
    setMore({ state: 'loading' });
    try {
      const page = await api.history(last.seq);
      setOlder((o) => [...o, ...page.changes]);
      if (page.changes.length < historyPage) setDone(true);
      setMore({ state: 'idle' });
    } catch (e) {
      setMore({ state: 'error', message: (e as Error).message });
    }
  };

  return (
    <section aria-labelledby="admin-history" className={styles.section}>
      <h4 id="admin-history" className={styles.h4}>
        {t.historyTitle}
      </h4>
      <Body1 as="p">{t.historyStart(first.data.start.version, formatWhen(first.data.start.at, lang))}</Body1>
      {rows.length === 0 ? (
        <Body1 as="p">{t.historyEmpty}</Body1>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="admin-history-table">
            <caption className={styles.caption}>{t.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colWhen}</th>
                <th scope="col">{t.colWho}</th>
                <th scope="col">{t.colTool}</th>
                <th scope="col">{t.colAction}</th>
                <th scope="col">{t.colChange}</th>
                <th scope="col">{t.colRevision}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((change) => (
                <tr key={change.seq}>
                  <td>{formatWhen(change.at, lang)}</td>
                  <td>
                    <code>{change.who}</code>
                    {change.byYou ? ` ${t.you}` : ''}
                  </td>
                  <td>{change.toolId}</td>
                  <td>{t.actions[change.action]}</td>
                  <td>{whatChanged(change, t)}</td>
                  <td>{change.revision}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more.state === 'error' && (
        <ErrorWithRetry message={more.message} retryLabel={t.retry} onRetry={() => void loadOlder()} />
      )}
      {canPage && more.state !== 'error' && (
        <div>
          <Button disabled={more.state === 'loading'} onClick={() => void loadOlder()}>
            {t.older}
          </Button>
        </div>
      )}
    </section>
  );
}
