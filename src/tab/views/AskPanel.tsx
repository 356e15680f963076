import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Badge,
  Body1,
  Button,
  Card,
  Field,
  Link,
  makeStyles,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import {
  isVisionAnswer,
  type AskCitation,
  type AskResponse,
  type CheckOutcome,
  type FrontDoorResponse,
} from '../../api/ask.js';
import type { Lang } from '../../lang.js';
import type { ApiClient } from '../api.js';
import type { Texts } from '../texts.js';
import { hashFor } from '../useHashRoute.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';
import { quoteBlocks, type SectionBlock } from './section-text.js';
import { SectionText } from './SectionText.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  answer: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  routed: { whiteSpace: 'pre-line' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** Where the check a question started opens: '#check' with the tool (a register entry or a name) and the task filled in. */
export function checkHash(check: CheckOutcome['check'], toolId?: string): string {
  const tool = toolId ?? (check.tool && 'id' in check.tool && check.tool.id ? check.tool.id : undefined);
  const name = !tool && check.tool && 'name' in check.tool ? check.tool.name : undefined;
  return hashFor({
    view: 'check',
    ...(tool ? { tool } : {}),
    ...(name ? { toolName: name } : {}),
    ...(check.task ? { task: check.task } : {}),
  });
}

/**
 * Vraag het de visie: a question, then the answer quoted from the vision with its section, or the sections to choose.
 * A question that starts the check opens it with what the question said filled in; when it fits several tools the
 * person chooses one first, and when the vision answered too, that answer stays with a link to the check.
 */
export function AskPanel({ api, t, focus = false }: { api: ApiClient; t: Texts; focus?: boolean }) {
  const styles = useStyles();
  const headingId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  // Opened at #vraag (the start page's "Vraag het de visie", or a deep link): the question box has the focus.
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [routed, setRouted] = useState<FrontDoorResponse | undefined>();
  // A vision answer: its own, or what the vision says beside a check the question started.
  const result: AskResponse | undefined =
    routed && (isVisionAnswer(routed) ? routed : routed.outcome === 'check' ? routed.check.vision : undefined);
  const [thanked, setThanked] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  async function send() {
    if (question.trim().length === 0) return setError(t.askEmpty);
    setBusy(true);
    setError(undefined);
    setThanked(false);
    try {
      const answer = await api.ask(question);
      const check = answer.outcome === 'check' ? answer.check : undefined;
      if (check && !check.vision && !(check.tool && 'candidates' in check.tool)) {
        window.location.hash = checkHash(check);
        return;
      }
      setRouted(answer);
    } catch (e) {
      setRouted(undefined);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function feedback(helpful: boolean) {
    // The question goes along; the server keeps its text only where the configuration allows it.
    await api
      .feedback({
        helpful,
        ...(result ? { question: result.question } : {}),
        ...(result?.citations[0] ? { sectionId: result.citations[0].sectionId } : {}),
      })
      .catch(() => undefined);
    setThanked(true);
  }

  const citation = result?.citations[0];
  // Sections to open: the choice of a suggestion, or the "zie ook" under an answer; either link tells api.choice.
  const offered =
    result?.outcome === 'suggest' ? result.suggestions : result?.outcome === 'answer' ? result.seeAlso : [];
  // An empty question is the field's problem; a failed call is shown once, below the form, with the question kept.
  const fieldError = error === t.askEmpty ? error : undefined;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t.askTitle}
      </Subtitle2>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label={t.askLabel}
          hint={t.askHint}
          validationMessage={fieldError}
          validationState={fieldError ? 'error' : 'none'}
        >
          <Textarea
            ref={box}
            value={question}
            maxLength={500}
            resize="vertical"
            onChange={(_e, d) => setQuestion(d.value)}
            onKeyDown={(e) => {
              // Enter asks, Shift+Enter starts a new line (and Enter that ends an IME composition is the IME's).
              if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
              e.preventDefault();
              if (!busy) void send();
            }}
          />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t.askButton}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="ask-result">
        {busy && <Spinner size="small" label={t.asking} />}
        {routed && !isVisionAnswer(routed) && !busy && (
          <Card className={styles.answer} data-testid="routed-result">
            {routed.outcome === 'check' ? (
              <CheckStart check={routed.check} t={t} />
            ) : (
              <>
                <Body1 className={styles.routed}>{routed.answer}</Body1>
                {routed.outcome === 'scan' && routed.scan.graphScans && (
                  <Link href="#scan" data-testid="open-scan">
                    {t.openScan}
                  </Link>
                )}
              </>
            )}
          </Card>
        )}
        {result && !busy && (
          <Card className={styles.answer}>
            {/* An extractive answer is its quote: shown once, in its section. A generated one is the model's text. */}
            {(result.outcome !== 'answer' || result.generated || !citation) && <Body1>{result.answer}</Body1>}
            {result.generated && <Badge appearance="outline">{t.generated}</Badge>}
            {result.outcome === 'answer' && citation && (
              <>
                <QuoteInSection api={api} citation={citation} language={result.language} />
                {/* A question about a whole ("wat zijn de kernwaarden"): each part with its first sentence, quoted. */}
                {!result.generated && result.citations.length > 1 && (
                  <ul data-testid="answer-parts">
                    {result.citations.slice(1).map((c) => (
                      <li key={c.sectionId}>
                        <Link href={`#visie/${c.sectionId}`}>{c.heading}</Link>: <q>{c.quote}</q>
                      </li>
                    ))}
                  </ul>
                )}
                <Body1>
                  {t.source}: <Link href={`#visie/${citation.sectionId}`}>{citation.heading}</Link> ({t.readInVision})
                </Body1>
              </>
            )}
            {offered && offered.length > 0 && result.outcome === 'answer' && <Body1>{t.seeAlso}:</Body1>}
            {offered && offered.length > 0 && (
              <ul data-testid={result.outcome === 'answer' ? 'see-also' : undefined}>
                {offered.map((s) => (
                  <li key={s.sectionId}>
                    <Link
                      href={`#visie/${s.sectionId}`}
                      onClick={() =>
                        void api
                          .choice({ question: result.question, sectionId: s.sectionId, language: result.language })
                          .catch(() => undefined)
                      }
                    >
                      {s.heading}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {result.outcome !== 'abstain' && !result.intent && (
              <div className={styles.row}>
                {thanked ? (
                  <Body1>{t.feedbackThanks}</Body1>
                ) : (
                  <>
                    <Body1>{t.feedbackQuestion}</Body1>
                    <Button size="small" onClick={() => void feedback(true)}>
                      {t.yes}
                    </Button>
                    <Button size="small" onClick={() => void feedback(false)}>
                      {t.no}
                    </Button>
                  </>
                )}
              </div>
            )}
          </Card>
        )}
      </div>
      {error && !fieldError && !busy && routed === undefined && (
        <ErrorWithRetry message={error} retryLabel={t.retry} onRetry={() => void send()} />
      )}
    </section>
  );
}

/** The check a question started, to open: a choice of the tools its name fits, or one link. */
function CheckStart({ check, t }: { check: CheckOutcome['check']; t: Texts }) {
  if (check.tool && 'candidates' in check.tool) {
    return (
      <>
        <Body1>{t.checkChoose}</Body1>
        <ul>
          {check.tool.candidates.map((c) => (
            <li key={c.id}>
              <Link href={checkHash(check, c.id)}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <Body1>
      <Link href={checkHash(check)}>{t.checkStart}</Link>
    </Body1>
  );
}

/**
 * The quote of an answer where it stands in its section, marked (the blocks of the section that hold it, from
 * GET /api/vision in the answer's language). Until the section is there, or when it cannot be found, the quote alone.
 */
function QuoteInSection({ api, citation, language }: { api: ApiClient; citation: AskCitation; language: Lang }) {
  const styles = useStyles();
  const [blocks, setBlocks] = useState<SectionBlock[] | undefined>();
  useEffect(() => {
    let current = true;
    setBlocks(undefined);
    api.vision(language).then(
      (doc) => {
        const section = doc.sections.find((s) => s.id === citation.sectionId);
        if (current && section) setBlocks(quoteBlocks(section.body, citation.quote));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, citation.sectionId, citation.quote, language]);
  return (
    <blockquote className={styles.quote} lang={language}>
      {blocks ? <SectionText blocks={blocks} /> : <Body1>{citation.quote}</Body1>}
    </blockquote>
  );
}
