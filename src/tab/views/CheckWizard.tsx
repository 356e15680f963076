import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Link,
  makeStyles,
  ProgressBar,
  Spinner,
  Subtitle1,
  Text,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { CheckResponse } from '../../api/checks.js';
import type { Lang } from '../../lang.js';
import type { ApiClient, CheckQuestionsView } from '../api.js';
import { checkTexts } from '../texts/check.js';
import type { CheckPrefill } from '../useHashRoute.js';
import {
  answerProblem,
  answersGiven,
  caseOf,
  prefilledAnswers,
  type AnswerProblem,
  type Answers,
} from './check-answers.js';
import { CheckRecord } from './CheckRecord.js';
import { CheckStep } from './CheckStep.js';
import { ErrorWithRetry } from './ErrorWithRetry.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  question: { ...typographyStyles.subtitle2, margin: 0 },
  explanation: { margin: 0 },
  problem: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** What the form keeps of a verdict given: it, how the answers read then, and the language it was given in. */
interface Done {
  result: CheckResponse;
  answers: ReturnType<typeof answersGiven>;
  lang: Lang;
}

/** 128 random bits as hex: a submission's Idempotency-Key (getRandomValues works on plain http too, randomUUID not). */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Snelle check: one question per step with its explanation and "weet ik niet", the progress, "Vorige" and
 * "Volgende" that keep every answer, then the verdict as a record to print. The tool and the task a route (or the
 * question box) filled in are not asked again unless the person wants to see them. Focus goes to each question's
 * heading; the progress line is a live region. A failed call keeps every answer and offers to try again.
 */
export function CheckWizard({ api, lang, prefill }: { api: ApiClient; lang: Lang; prefill: CheckPrefill }) {
  const styles = useStyles();
  const t = checkTexts[lang];
  const ids = { title: useId(), progress: useId(), question: useId(), explanation: useId(), problem: useId() };
  const [form, setForm] = useState<CheckQuestionsView | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [index, setIndex] = useState(0);
  const [problem, setProblem] = useState<AnswerProblem | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>();
  const [done, setDone] = useState<Done | undefined>();
  const prefillApplied = useRef(false);
  // One key per submission: sent again when the same answers are sent again after an error, new for other answers.
  const submission = useRef<{ body: string; key: string } | undefined>(undefined);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const verdictRef = useRef<HTMLHeadingElement>(null);

  // The questions in the page's language: again when the language changes, keeping the answers (same options, same order).
  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    api.checkQuestions().then(
      (questions) => {
        if (!live) return;
        setForm(questions);
        if (!prefillApplied.current) {
          prefillApplied.current = true;
          const filled = prefilledAnswers(questions, prefill);
          setAnswers((given) => ({ ...filled, ...given }));
          setSkipped(new Set(Object.keys(filled)));
        }
      },
      (e: Error) => live && setLoadError(e.message),
    );
    return () => {
      live = false;
    };
    // The prefill is the route's, fixed for this form (App gives each route its own form).
  }, [api, attempt]);

  const loaded = form !== undefined;
  useEffect(() => {
    if (loaded && !done) questionRef.current?.focus();
  }, [index, loaded, done]);
  useEffect(() => {
    if (done) verdictRef.current?.focus();
  }, [done]);

  const steps = form ? form.questions.filter((q) => !skipped.has(q.field)) : [];
  const step = Math.min(index, Math.max(0, steps.length - 1));
  const question = steps[step];

  async function submit() {
    if (!form) return;
    const made = caseOf(form.questions, answers);
    if (!made.ok) {
      // Only an answer filled in from outside can be missing here: show every question and go to it.
      setSkipped(new Set());
      setIndex(made.index);
      setProblem(made.problem);
      return;
    }
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const body = JSON.stringify(made.case);
      if (submission.current?.body !== body) submission.current = { body, key: randomKey() };
      const result = await api.check(made.case, submission.current.key);
      submission.current = undefined;
      setDone({ result, answers: answersGiven(form, answers, t.unknown), lang });
    } catch (e) {
      setSubmitError((e as Error).message);
    } finally {
      setSubmitting(false);
    }
  }

  function next(event: FormEvent) {
    event.preventDefault();
    if (!question || submitting) return;
    const missing = answerProblem(question, answers[question.field]);
    setProblem(missing);
    if (missing) return;
    if (step < steps.length - 1) setIndex(step + 1);
    else void submit();
  }

  function previous() {
    setProblem(undefined);
    setSubmitError(undefined);
    setIndex(Math.max(0, step - 1));
  }

  function again() {
    if (window.location.hash !== '#check') window.location.hash = '#check';
    else {
      setAnswers({});
      setSkipped(new Set());
      setIndex(0);
      setProblem(undefined);
      setDone(undefined);
    }
  }

  const problemText =
    problem === 'required-text' ? t.requiredText : problem === 'required-other-tool' ? t.requiredOtherTool : t.required;
  const prefilledParts =
    form && skipped.size > 0
      ? answersGiven(form, answers, t.unknown)
          .filter((a) => skipped.has(a.field) && a.answer)
          .map((a) => t.prefilledPart(a.field, a.answer!))
      : [];

  return (
    <section className={styles.page} aria-labelledby={ids.title} data-testid="check-wizard">
      <Subtitle1 as="h2" id={ids.title}>
        {t.title}
      </Subtitle1>
      {!done && (
        <Body1 as="p" className={styles.explanation}>
          {t.intro}
        </Body1>
      )}
      {!form &&
        (loadError ? (
          <ErrorWithRetry message={loadError} retryLabel={t.retry} onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <Spinner label={t.loading} />
        ))}
      {form && question && !done && (
        <>
          {prefilledParts.length > 0 && (
            <div className={styles.row} data-testid="prefilled">
              <Body1>
                {t.prefilled}: {prefilledParts.join(', ')}.
              </Body1>
              <Button
                appearance="secondary"
                size="small"
                onClick={() => {
                  setSkipped(new Set());
                  setIndex(0);
                  setProblem(undefined);
                }}
              >
                {t.showPrefilled}
              </Button>
            </div>
          )}
          <form className={styles.form} onSubmit={next} noValidate>
            <Text id={ids.progress} role="status" aria-live="polite" data-testid="progress">
              {t.progress(step + 1, steps.length)}
            </Text>
            <ProgressBar value={(step + 1) / steps.length} aria-labelledby={ids.progress} thickness="large" />
            <h3 className={styles.question} id={ids.question} ref={questionRef} tabIndex={-1}>
              {question.text}
            </h3>
            <Body1 as="p" id={ids.explanation} className={styles.explanation}>
              {question.explanation}
            </Body1>
            <CheckStep
              key={question.field}
              question={question}
              answer={answers[question.field]}
              onChange={(answer) => {
                setAnswers((given) => ({ ...given, [question.field]: answer }));
                setProblem(undefined);
              }}
              tools={form.tools}
              t={t}
              labelledBy={ids.question}
              describedBy={problem ? `${ids.explanation} ${ids.problem}` : ids.explanation}
              invalid={problem !== undefined}
            />
            {problem && (
              <Text id={ids.problem} role="alert" className={styles.problem}>
                {problemText}
              </Text>
            )}
            <div className={styles.row}>
              {step > 0 && <Button onClick={previous}>{t.previous}</Button>}
              <Button appearance="primary" type="submit" disabled={submitting}>
                {step < steps.length - 1 ? t.next : t.finish}
              </Button>
            </div>
          </form>
          {submitting && <Spinner size="small" label={t.submitting} />}
          {submitError && !submitting && (
            <ErrorWithRetry
              message={submitError}
              note={t.answersKept}
              retryLabel={t.retry}
              onRetry={() => void submit()}
            />
          )}
        </>
      )}
      {done && (
        <CheckRecord
          result={done.result}
          answers={done.answers}
          t={checkTexts[done.lang]}
          lang={done.lang}
          contentLang={done.lang}
          headingRef={verdictRef}
          actions={
            <>
              <Button appearance="primary" onClick={() => window.print()}>
                {checkTexts[done.lang].print}
              </Button>
              <Button onClick={again}>{checkTexts[done.lang].again}</Button>
              <Link href="#checks">{checkTexts[done.lang].toMyChecks}</Link>
            </>
          }
        />
      )}
    </section>
  );
}
