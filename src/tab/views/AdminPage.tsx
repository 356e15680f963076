import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Body1, Spinner } from '@fluentui/react-components';
import type { Lang } from '../../lang.js';
import { adminClient, type AdminClient } from '../api-admin.js';
import type { CallIdentity } from '../api.js';
import { adminTexts } from '../texts/admin.js';
import { useLoad } from './admin-load.js';
import { AdminAudit } from './AdminAudit.js';
import { AdminFigures } from './AdminFigures.js';
import { AdminTools } from './AdminTools.js';
import { AdminVersions } from './AdminVersions.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

/**
 * Beheer (#beheer), for admins only: the tool register (table, form, history), the versions, the figures and the
 * audit record. The page asks GET /api/me first and shows a staff member only that it is for admins; the server
 * refuses them every admin call anyway (403).
 */
export function AdminPage({ api, lang }: { api: AdminClient; lang: Lang }) {
  const styles = useScanStyles();
  const t = adminTexts[lang];
  const me = useLoad(useCallback(() => api.me(), [api]));
  // Each change to the register makes a new register version: the versions are asked for again.
  const [registerChanges, setRegisterChanges] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const isAdmin = me.state === 'ready' && me.data.roles.includes('admin');

  return (
    <section aria-labelledby="admin-title" className={styles.page} data-testid="admin-page">
      <h2 id="admin-title" ref={heading} tabIndex={-1} className={styles.h2}>
        {t.title}
      </h2>
      {me.state === 'loading' ? (
        <Spinner size="small" label={t.checking} />
      ) : me.state === 'error' ? (
        <ErrorWithRetry message={me.message} retryLabel={t.retry} onRetry={me.retry} />
      ) : !isAdmin ? (
        <Body1 as="p" data-testid="admin-refused">
          {t.adminsOnly}
        </Body1>
      ) : (
        <>
          <Body1 as="p">{t.intro}</Body1>
          <AdminTools api={api} lang={lang} onChanged={() => setRegisterChanges((n) => n + 1)} />
          <AdminVersions api={api} lang={lang} registerChanges={registerChanges} />
          <AdminFigures api={api} lang={lang} />
          <AdminAudit api={api} lang={lang} />
        </>
      )}
    </section>
  );
}

/** The page as App.tsx opens it (lazily): with its own client, so that the admin calls and schemas load with it. */
export function AdminRoute({ lang, identity }: { lang: Lang; identity: CallIdentity }) {
  const api = useMemo(() => adminClient(lang, identity), [lang, identity]);
  return <AdminPage api={api} lang={lang} />;
}
