import { createHash, randomBytes } from 'node:crypto';
import type { CheckOutcome } from '../../api/ask.js';
import type { Lang } from '../../lang.js';
import type { CheckQuestions } from '../../quickcheck/index.js';
import type { FieldProblem } from '../../validation.js';
import {
  adaptiveCard,
  choiceSet,
  container,
  executeAction,
  heading,
  textBlock,
  textInput,
  type Element,
} from './elements.js';
import { cardTexts, checkVerbs } from './texts.js';

export type Prefill = Pick<CheckOutcome['check'], 'tool' | 'task'>;

/** What the person already entered (a card sent back with its problems keeps them), by question id. */
export type Entered = Record<string, string>;

/**
 * The quick check as one card: every question with its explanation, "weet ik niet" among the answers, what the
 * sentence already said filled in, and the problems of a submit that did not validate marked at their question.
 * Choices carry their option's index, so that a tampered value is refused by the same schema as the API's.
 */
export function checkCard(input: {
  questions: CheckQuestions;
  lang: Lang;
  prefill?: Prefill;
  entered?: Entered;
  problems?: FieldProblem[];
  /** A message above the questions (the check could not be recorded). */
  notice?: string;
  /** The card's own random key (cardKeyOf), kept when the card is sent back; a new card gets a new one. */
  cardKey?: string;
}): Element {
  const t = cardTexts[input.lang];
  const { prefill = {}, entered = {}, problems = [] } = input;
  const body: Element[] = [heading(t.checkTitle, 'Large'), textBlock(t.checkIntro, { isSubtle: true })];
  const notice = input.notice ?? (problems.length > 0 ? t.fixBelow : undefined);
  if (notice) body.push(container([textBlock(notice, { color: 'Attention' })], { style: 'attention' }));
  for (const q of input.questions.questions) {
    const given = entered[q.field];
    const items: Element[] = [];
    if (q.field === 'tool' && prefill.tool && 'candidates' in prefill.tool) {
      items.push(
        choiceSet(
          q.field,
          prefill.tool.candidates.map((c) => ({ title: c.name, value: c.id })),
          {
            label: `${q.text} ${t.chooseTool}`,
            isRequired: true,
            errorMessage: t.required,
            style: 'expanded',
            value: given,
          },
        ),
      );
    } else if (q.type === 'text') {
      const prefilled = q.field === 'tool' && prefill.tool && 'name' in prefill.tool ? prefill.tool.name : undefined;
      items.push(
        textInput(q.field, {
          label: q.text,
          value: given ?? prefilled,
          isMultiline: q.field === 'purpose',
          maxLength: q.field === 'purpose' ? 1000 : 200,
          isRequired: q.field !== 'purpose',
          errorMessage: t.required,
          placeholder: q.unknownValue ? `${q.unknownValue}` : undefined,
        }),
      );
    } else {
      const options = q.options ?? [];
      const prefilledIndex =
        q.field === 'task' && prefill.task ? options.findIndex((o) => o.value === prefill.task) : -1;
      items.push(
        choiceSet(
          q.field,
          options.map((o, i) => ({ title: o.label, value: String(i) })),
          {
            label: q.text,
            isRequired: true,
            errorMessage: t.required,
            style: 'expanded',
            value: given ?? (prefilledIndex >= 0 ? String(prefilledIndex) : undefined),
          },
        ),
      );
    }
    items.push(textBlock(q.explanation, { isSubtle: true, size: 'Small', spacing: 'None' }));
    for (const problem of problems.filter((p) => p.field === q.field))
      items.push(textBlock(t.problem(problem.message), { color: 'Attention', spacing: 'None' }));
    body.push(container(items, { spacing: 'Medium' }));
  }
  return adaptiveCard(body, {
    actions: [
      executeAction(
        t.submit,
        checkVerbs.submit,
        { lang: input.lang, cardKey: input.cardKey ?? randomBytes(16).toString('hex') },
        'positive',
      ),
    ],
    fallbackText: t.checkTitle,
  });
}

/**
 * The submitted inputs as a case for the check: text as typed, a choice back to its option's value. A value that is
 * no option (a tampered card) stays as it was, so that the check's schema refuses it with its field.
 */
export function caseFromCard(questions: CheckQuestions, values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const q of questions.questions) {
    const raw = values[q.field];
    if (raw === undefined || raw === '') {
      if (q.field === 'purpose') result[q.field] = '';
      continue;
    }
    if (q.type === 'text' || typeof raw !== 'string' || !/^\d+$/.test(raw)) {
      result[q.field] = raw;
      continue;
    }
    const option = q.options?.[Number(raw)];
    result[q.field] = option ? option.value : raw;
  }
  return result;
}

/** What the person entered, as the card shows it again (only the question fields, as text). */
export function enteredOf(questions: CheckQuestions, values: Record<string, unknown>): Entered {
  return Object.fromEntries(
    questions.questions
      .map((q) => [q.field, values[q.field]] as const)
      .filter((pair): pair is readonly [string, string] => typeof pair[1] === 'string'),
  );
}

/** The card key a submit carries (checkCard's), when it is one; anything else is no key. */
export function cardKeyOf(values: Record<string, unknown>): string | undefined {
  return typeof values.cardKey === 'string' && /^[0-9a-f]{32}$/.test(values.cardKey) ? values.cardKey : undefined;
}

/**
 * The Idempotency-Key of a card's submit: its card key with the answers, hashed. The same card sent again with the
 * same answers (after "not sure whether it was recorded") is the same submission and is recorded once; other answers
 * on that card are a new check. A hash: the stored key tells nothing about what was typed.
 */
export function submissionKey(cardKey: string, submitted: Record<string, unknown>): string {
  // caseFromCard builds the case in the questions' order, so the same answers always give the same text.
  return createHash('sha256')
    .update(`${cardKey}\n${JSON.stringify(submitted)}`)
    .digest('hex')
    .slice(0, 32);
}
