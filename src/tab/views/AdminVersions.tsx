import { useCallback } from 'react';
import { Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { Lang } from '../../lang.js';
import type { AdminClient } from '../api-admin.js';
import { formatDay, formatWhen } from '../texts/check.js';
import { adminTexts } from '../texts/admin.js';
import { useLoad } from './admin-load.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { useScanStyles } from './scan-styles.js';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { ...typographyStyles.body1Strong },
  detail: { margin: 0 },
});

/**
 * The versions every answer, verdict and report records: rules (with the legal dates), the check's questions, the
 * register (where it started, its revision), the vision and the app. Asked again after each change to the register.
 */
export function AdminVersions({
  api,
  lang,
  registerChanges,
}: {
  api: AdminClient;
  lang: Lang;
  registerChanges: number;
}) {
  const styles = useStyles();
  const layout = useScanStyles();
  const t = adminTexts[lang];
  const versions = useLoad(useCallback(() => api.versions(), [api, registerChanges]));
  return (
    <section aria-labelledby="admin-versions" className={layout.section}>
      <h3 id="admin-versions" className={layout.h3}>
        {t.versionsTitle}
      </h3>
      <p>{t.versionsIntro}</p>
      {versions.state === 'loading' ? (
        <Spinner size="small" label={t.loading} />
      ) : versions.state === 'error' ? (
        <ErrorWithRetry message={versions.message} retryLabel={t.retry} onRetry={versions.retry} />
      ) : (
        <dl className={styles.list} data-testid="admin-versions">
          <dt className={styles.term}>{t.vRules}</dt>
          <dd className={styles.detail}>
            {versions.data.rules.version} (
            {t.vLegalDates(versions.data.rules.legalDatesVersion, formatDay(versions.data.rules.legalDatesAsOf, lang))})
          </dd>
          <dt className={styles.term}>{t.vQuestions}</dt>
          <dd className={styles.detail}>{versions.data.questions.version}</dd>
          <dt className={styles.term}>{t.vRegister}</dt>
          <dd className={styles.detail} data-testid="admin-register-version">
            {versions.data.register.version} (
            {t.vRegisterDetail(
              versions.data.register.startVersion,
              versions.data.register.revision,
              versions.data.register.source,
            )}
            {versions.data.register.changedAt
              ? `; ${t.vChangedAt(formatWhen(versions.data.register.changedAt, lang))}`
              : ''}
            )
          </dd>
          <dt className={styles.term}>{t.vVision}</dt>
          <dd className={styles.detail}>
            {versions.data.vision.version} ({t.vVisionDetail(formatDay(versions.data.vision.date, lang))})
          </dd>
          {versions.data.app && (
            <>
              <dt className={styles.term}>{t.vApp}</dt>
              <dd className={styles.detail}>{versions.data.app.version}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
