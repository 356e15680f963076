import { useId, type ReactNode, type Ref } from 'react';
import {
  Body1,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { CheckResponse } from '../../api/checks.js';
import type { Lang } from '../../lang.js';
import { formatDay, formatWhen, type CheckTexts } from '../texts/check.js';

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  record: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column' },
  checklist: { listStyleType: 'none', margin: 0, padding: 0 },
  quote: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  answers: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12rem, 1fr) 2fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  answer: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const intentOf = { allowed: 'success', conditional: 'warning', consult: 'warning', prohibited: 'error' } as const;

type Source = CheckResponse['reasons'][number]['sources'][number];

function SourceItem({ source, t, lang }: { source: Source; t: CheckTexts; lang: Lang }) {
  const styles = useStyles();
  const href = source.kind === 'vision' ? `#visie/${source.ref}` : source.url;
  return (
    <li>
      <Body1>
        {href ? (
          <Link href={href} {...(source.kind === 'vision' ? {} : { target: '_blank', rel: 'noopener noreferrer' })}>
            {source.title}
          </Link>
        ) : (
          source.title
        )}
        {source.kind !== 'vision' && source.ref ? ` (${source.ref})` : ''}
        {source.appliesFrom ? `, ${t.appliesFrom(formatDay(source.appliesFrom, lang))}` : ''}
      </Body1>
      {source.quote && (
        <blockquote className={styles.quote}>
          <Body1>{source.quote}</Body1>
        </blockquote>
      )}
    </li>
  );
}

/**
 * A check's record as the person reads and prints it: the verdict, each reason with its sources, the conditions as a
 * checklist to tick (kept nowhere), the advice, the answers it was given, the record number and the versions.
 * `lang` is the language of the labels and dates; `contentLang` the language the verdict was written in, when known
 * (a record opened later keeps the language it was given in, which the record does not say).
 */
export function CheckRecord({
  result,
  answers,
  t,
  lang,
  contentLang,
  headingRef,
  actions,
}: {
  result: CheckResponse;
  answers: { field: string; question: string; answer?: string }[];
  t: CheckTexts;
  lang: Lang;
  contentLang?: Lang;
  headingRef?: Ref<HTMLHeadingElement>;
  actions?: ReactNode;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <article className={styles.record} aria-labelledby={headingId} lang={contentLang} data-testid="check-record">
      <h3 className={styles.heading} id={headingId} ref={headingRef} tabIndex={-1}>
        {t.verdictTitle}
      </h3>
      <MessageBar intent={intentOf[result.verdict]} layout="multiline" data-testid="verdict">
        <MessageBarBody>
          <MessageBarTitle>{t.verdict[result.verdict]}</MessageBarTitle>
          {t.verdictFor(result.tool.name)}
          {result.tool.matched && (
            <span data-testid="tool-matched"> {t.toolMatched(result.tool.matched.on, result.tool.matched.label)}</span>
          )}
        </MessageBarBody>
      </MessageBar>
      <Body1 data-testid="record-number">{t.recorded(result.record.seq, formatWhen(result.record.at, lang))}</Body1>

      <section aria-labelledby={`${headingId}-reasons`}>
        <Text as="h4" block weight="semibold" size={400} id={`${headingId}-reasons`}>
          {t.reasons}
        </Text>
        <ul className={styles.list}>
          {result.reasons.map((reason, i) => (
            <li key={`${reason.ruleId}-${i}`} data-rule={reason.ruleId}>
              <Body1 block>{reason.text}</Body1>
              {reason.consult && <Body1 block>{t.consultWith(reason.consult.who, reason.consult.assessment)}</Body1>}
              <Caption1 block>{t.sources}:</Caption1>
              <ul className={styles.list}>
                {reason.sources.map((source) => (
                  <SourceItem key={source.id} source={source} t={t} lang={lang} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      {result.conditions.length > 0 && (
        <section aria-labelledby={`${headingId}-conditions`}>
          <Text as="h4" block weight="semibold" size={400} id={`${headingId}-conditions`}>
            {t.conditions}
          </Text>
          <Caption1 as="p" block data-print="hide">
            {t.conditionsHint}
          </Caption1>
          <ul className={styles.checklist}>
            {result.conditions.map((condition, i) => (
              <li key={`${condition.ruleId}-${i}`}>
                <Checkbox
                  label={
                    condition.appliesFrom
                      ? `${condition.text} (${t.appliesFrom(formatDay(condition.appliesFrom, lang))})`
                      : condition.text
                  }
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.advice.length > 0 && (
        <section aria-labelledby={`${headingId}-advice`}>
          <Text as="h4" block weight="semibold" size={400} id={`${headingId}-advice`}>
            {t.advice}
          </Text>
          <ul className={styles.list}>
            {result.advice.map((advice, i) => (
              <li key={`${advice.id}-${i}`}>
                <Body1 block>{advice.text}</Body1>
                {advice.sources.length > 0 && (
                  <ul className={styles.list}>
                    {advice.sources.map((source) => (
                      <SourceItem key={source.id} source={source} t={t} lang={lang} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby={`${headingId}-answers`}>
        <Text as="h4" block weight="semibold" size={400} id={`${headingId}-answers`}>
          {t.answers}
        </Text>
        <dl className={styles.answers}>
          {answers.map((a) => (
            <div key={a.field} className={styles.pair}>
              <dt>
                <Body1>{a.question}</Body1>
              </dt>
              <dd className={styles.answer}>
                <Body1>{a.answer ?? t.notGiven}</Body1>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <Caption1>{t.versions(result.rulesVersion, result.registerVersion)}</Caption1>
      {actions && (
        <div className={styles.actions} data-print="hide">
          {actions}
        </div>
      )}
    </article>
  );
}
