import { useCallback, useEffect, useRef, useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { ToolChangeResponse, ToolEntry } from '../../api/admin.js';
import type { Lang } from '../../lang.js';
import type { AdminClient } from '../api-admin.js';
import { adminTexts } from '../texts/admin.js';
import { useLoad } from './admin-load.js';
import { AdminHistory } from './AdminHistory.js';
import { AdminToolForm } from './AdminToolForm.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

type Editing = { mode: 'add' } | { mode: 'edit'; tool: ToolEntry };

/**
 * The tool register as the database keeps it: a table of the tools, a form to add or change one, removing one after
 * a confirmation, and the history of changes. Each change reloads the table and the history.
 */
export function AdminTools({ api, lang, onChanged }: { api: AdminClient; lang: Lang; onChanged: () => void }) {
  const styles = useScanStyles();
  const t = adminTexts[lang];
  const [changes, setChanges] = useState(0);
  // `changes` is part of the call, so that each change asks for the list (and the history) again.
  const list = useLoad(useCallback(() => api.tools(), [api, changes]));
  const [editing, setEditing] = useState<Editing | undefined>();
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<ToolEntry | undefined>();
  const [removeError, setRemoveError] = useState('');
  const [busy, setBusy] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const removeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (removing) removeHeading.current?.focus();
  }, [removing]);
  // After the form closes or a tool is removed, focus goes back to "Tool toevoegen" (once it is there again).
  const [focusAdd, setFocusAdd] = useState(0);
  useEffect(() => {
    if (focusAdd > 0) addButton.current?.focus();
  }, [focusAdd]);

  const changed = (message: string) => {
    setNotice(message);
    setChanges((n) => n + 1);
    onChanged();
  };
  const saved = (result: ToolChangeResponse) => {
    const name = result.tool?.name ?? result.id;
    setEditing(undefined);
    if (result.action === 'removed') return;
    changed(t.saved[result.action](name));
    setFocusAdd((n) => n + 1);
  };
  const remove = async (tool: ToolEntry) => {
    setBusy(true);
    setRemoveError('');
    try {
      await api.removeTool(tool.id);
      setRemoving(undefined);
      if (editing?.mode === 'edit' && editing.tool.id === tool.id) setEditing(undefined);
      changed(t.removed(tool.name));
      setFocusAdd((n) => n + 1);
    } catch (e) {
      setRemoveError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="admin-tools" className={styles.section}>
      <h3 id="admin-tools" className={styles.h3}>
        {t.toolsTitle}
      </h3>
      <Text role="status" aria-live="polite" data-testid="admin-tools-notice">
        {notice}
      </Text>
      {list.state === 'loading' ? (
        <Spinner size="small" label={t.loading} />
      ) : list.state === 'error' ? (
        <ErrorWithRetry message={list.message} retryLabel={t.retry} onRetry={list.retry} />
      ) : (
        <>
          <Body1 as="p">{t.toolsIntro(list.data.register.version, list.data.register.revision)}</Body1>
          {list.data.register.example && (
            <MessageBar intent="warning">
              <MessageBarBody>{t.example}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="admin-tools-table">
              <caption className={styles.caption}>{t.toolsCaption(list.data.tools.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colVendor}</th>
                  <th scope="col">{t.colContracted}</th>
                  <th scope="col">{t.colHosting}</th>
                  <th scope="col">{t.colMaxData}</th>
                  <th scope="col">{t.colDpia}</th>
                  <th scope="col">{t.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.tools.map((tool) => (
                  <tr key={tool.id} data-tool={tool.id}>
                    <th scope="row">{tool.name}</th>
                    <td>{tool.vendor}</td>
                    <td>{tool.contracted ? t.yes : t.no}</td>
                    <td>{tool.hosting}</td>
                    <td>{tool.maxData}</td>
                    <td>
                      {tool.dpia.length === 0
                        ? t.none
                        : tool.dpia.map((task) => t.options.dpia?.[task] ?? task).join(', ')}
                    </td>
                    <td>
                      <div className={styles.row}>
                        <Button
                          size="small"
                          aria-label={t.editOf(tool.name)}
                          onClick={() => setEditing({ mode: 'edit', tool })}
                        >
                          {t.edit}
                        </Button>
                        <Button
                          size="small"
                          aria-label={t.removeOf(tool.name)}
                          onClick={() => {
                            setRemoveError('');
                            setRemoving(tool);
                          }}
                        >
                          {t.remove}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editing ? (
            <AdminToolForm
              key={editing.mode === 'edit' ? `edit:${editing.tool.id}` : 'add'}
              api={api}
              lang={lang}
              tool={editing.mode === 'edit' ? editing.tool : undefined}
              onSaved={saved}
              onCancel={() => {
                setEditing(undefined);
                setFocusAdd((n) => n + 1);
              }}
            />
          ) : (
            <div>
              <Button ref={addButton} appearance="primary" onClick={() => setEditing({ mode: 'add' })}>
                {t.add}
              </Button>
            </div>
          )}
        </>
      )}
      {removing && (
        // Asked here, not in a modal dialog: a plain group with its question as heading, focused when it opens.
        <div role="group" aria-labelledby="admin-remove-title" className={styles.section} data-testid="admin-remove">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <h4 id="admin-remove-title" ref={removeHeading} tabIndex={-1} className={styles.h4}>
                {t.confirmTitle(removing.name)}
              </h4>
              {t.confirmText}
            </MessageBarBody>
          </MessageBar>
          {removeError && (
            <MessageBar intent="error" layout="multiline" data-testid="admin-remove-error">
              <MessageBarBody>{removeError}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void remove(removing)}>
              {t.confirmRemove}
            </Button>
            <Button
              disabled={busy}
              onClick={() => {
                setRemoving(undefined);
                setFocusAdd((n) => n + 1);
              }}
            >
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
      <AdminHistory api={api} lang={lang} changes={changes} />
    </section>
  );
}
