import { createElement, useEffect, useState } from 'react';
import { Caption1, Link, makeStyles, Spinner, Title2, tokens } from '@fluentui/react-components';
import type { VisionDocumentView } from '../../api/vision.js';
import type { ApiClient } from '../api.js';
import type { Texts } from '../texts.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { sectionBlocks } from './section-text.js';
import { SectionText } from './SectionText.js';

const useStyles = makeStyles({
  reader: { maxWidth: '48rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  section: { scrollMarginTop: tokens.spacingVerticalXXL },
  current: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: tokens.spacingHorizontalXS,
  },
});

/** The AI vision to read, opened at the section an answer links to (#visie/<section>). */
export function VisionReader({ api, t, sectionId }: { api: ApiClient; t: Texts; sectionId?: string }) {
  const styles = useStyles();
  const [doc, setDoc] = useState<VisionDocumentView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(undefined);
    api.vision().then(setDoc, (e: Error) => setError(e.message));
  }, [api, attempt]);

  useEffect(() => {
    if (!doc || !sectionId) return;
    const heading = document.getElementById(`visie-${sectionId}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [doc, sectionId]);

  if (error) return <ErrorWithRetry message={error} retryLabel={t.retry} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!doc) return <Spinner label={t.visionLoading} />;
  return (
    <article className={styles.reader} lang={doc.language} aria-labelledby="visie-title">
      <Link href="#">{t.backToStart}</Link>
      <Title2 as="h2" id="visie-title">
        {doc.title}
      </Title2>
      <Caption1>{t.visionMeta(doc.version, doc.date)}</Caption1>
      {doc.sections.map((section) => (
        <section key={section.id} className={styles.section} data-section={section.id}>
          {createElement(
            `h${Math.min(6, section.level + 2)}`,
            {
              id: `visie-${section.id}`,
              tabIndex: -1,
              className: section.id === sectionId ? styles.current : undefined,
            },
            section.heading,
          )}
          <SectionText blocks={sectionBlocks(section.body)} />
        </section>
      ))}
    </article>
  );
}
