import { useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { AuditVerify } from '../../api/admin.js';
import type { Lang } from '../../lang.js';
import type { AdminClient } from '../api-admin.js';
import { adminTexts } from '../texts/admin.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

/** Offers a file the page holds as a download (as scan-export.ts does, without the scan page's texts). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Step<T> = { state: 'idle' } | { state: 'busy' } | { state: 'done'; data: T } | { state: 'error'; message: string };

/**
 * The audit record of the checks: *Controleren* recomputes its hash chain on the server (whole, or the first record
 * where it breaks, in the server's words), *Exporteren (CSV)* downloads every recorded check as the server writes it.
 */
export function AdminAudit({ api, lang }: { api: AdminClient; lang: Lang }) {
  const layout = useScanStyles();
  const t = adminTexts[lang];
  const [verified, setVerified] = useState<Step<AuditVerify>>({ state: 'idle' });
  const [exported, setExported] = useState<Step<string>>({ state: 'idle' });

  const verify = async () => {
    setVerified({ state: 'busy' });
    try {
      setVerified({ state: 'done', data: await api.verifyAudit() });
    } catch (e) {
      setVerified({ state: 'error', message: (e as Error).message });
    }
  };
  const exportCsv = async () => {
    setExported({ state: 'busy' });
    try {
      const { blob, fileName } = await api.exportAudit();
      download(blob, fileName);
      setExported({ state: 'done', data: fileName });
    } catch (e) {
      setExported({ state: 'error', message: (e as Error).message });
    }
  };

  return (
    <section aria-labelledby="admin-audit" className={layout.section}>
      <h3 id="admin-audit" className={layout.h3}>
        {t.auditTitle}
      </h3>
      <Body1 as="p">{t.auditIntro}</Body1>
      <div className={layout.row}>
        <Button appearance="primary" disabled={verified.state === 'busy'} onClick={() => void verify()}>
          {t.verify}
        </Button>
        <Button disabled={exported.state === 'busy'} onClick={() => void exportCsv()}>
          {t.exportCsv}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="audit-result">
        {verified.state === 'busy' && <Spinner size="small" label={t.verifying} />}
        {verified.state === 'done' &&
          (verified.data.ok ? (
            <MessageBar intent="success" layout="multiline" data-testid="audit-whole">
              <MessageBarBody>{t.whole(verified.data.count, verified.data.lastHash)}</MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="error" layout="multiline" data-testid="audit-broken">
              <MessageBarBody>{t.broken(verified.data.seq, verified.data.message)}</MessageBarBody>
            </MessageBar>
          ))}
        {exported.state === 'busy' && <Spinner size="small" label={t.exporting} />}
        {exported.state === 'done' && <Body1 as="p">{t.exported(exported.data)}</Body1>}
      </div>
      {verified.state === 'error' && (
        <ErrorWithRetry message={verified.message} retryLabel={t.retry} onRetry={() => void verify()} />
      )}
      {exported.state === 'error' && (
        <ErrorWithRetry message={exported.message} retryLabel={t.retry} onRetry={() => void exportCsv()} />
      )}
    </section>
  );
}
