import type { CheckRequest } from '../../api/checks.js';
import type { CheckQuestionsView } from '../api.js';
import type { CheckPrefill } from '../useHashRoute.js';

/**
 * The quick check's answers as the form keeps them, and the case they make. Pure functions, so that the steps, the
 * prefill and the validation are the same wherever the form is shown (and testable without a browser).
 */

export type CheckQuestion = CheckQuestionsView['questions'][number];

/**
 * One answer as the form keeps it. A choice question: the option's index (two options may share a value, as
 * "iets anders" and "weet ik niet" do, so the index and not the value says which one was chosen). The tool: a
 * register entry (`tool:<id>`), `other` with the typed name, or `unknown`. Another text question: the typed text, or
 * `unknown`. What was typed stays when another choice is made, so that going back finds it again.
 */
export interface Answer {
  choice?: string;
  text?: string;
}
export type Answers = Record<string, Answer>;

export const unknownChoice = 'unknown';
export const otherTool = 'other';
export const toolChoice = (id: string) => `tool:${id}`;

export type AnswerProblem = 'required' | 'required-text' | 'required-other-tool';

/** What is missing from the answer to one question, if anything. */
export function answerProblem(question: CheckQuestion, answer: Answer | undefined): AnswerProblem | undefined {
  if (question.type === 'choice') {
    const index = Number(answer?.choice);
    return answer?.choice !== undefined && Number.isInteger(index) && question.options?.[index]
      ? undefined
      : 'required';
  }
  if (question.field === 'tool') {
    if (!answer?.choice) return 'required';
    if (answer.choice === otherTool && !answer.text?.trim()) return 'required-other-tool';
    return undefined;
  }
  return answer?.choice === unknownChoice || answer?.text?.trim() ? undefined : 'required-text';
}

/** The value one answer gives its case field. */
function valueOf(question: CheckQuestion, answer: Answer): string | boolean {
  if (question.type === 'choice') return question.options![Number(answer.choice)]!.value;
  if (answer.choice === unknownChoice) return question.unknownValue ?? '';
  if (answer.choice?.startsWith('tool:')) return answer.choice.slice('tool:'.length);
  return (answer.text ?? '').trim();
}

/** The case the answers make, or the first question whose answer is missing. */
export function caseOf(
  questions: CheckQuestion[],
  answers: Answers,
): { ok: true; case: CheckRequest } | { ok: false; index: number; problem: AnswerProblem } {
  const body: Record<string, string | boolean> = {};
  for (const [index, question] of questions.entries()) {
    const answer = answers[question.field];
    const problem = answerProblem(question, answer);
    if (problem) return { ok: false, index, problem };
    body[question.field] = valueOf(question, answer!);
  }
  // The server validates the case with the same schema; the form only gives values its options offer.
  return { ok: true, case: body as unknown as CheckRequest };
}

/** The answers a route or a routed sentence fills in: a register tool by id or by its name, a task. Unknown values are ignored. */
export function prefilledAnswers(form: CheckQuestionsView, prefill: CheckPrefill): Answers {
  const answers: Answers = {};
  const byId = prefill.tool ? form.tools.find((t) => t.id === prefill.tool) : undefined;
  const name = prefill.toolName?.toLowerCase();
  const byName = name ? form.tools.find((t) => t.name.toLowerCase() === name || t.id === name) : undefined;
  if (byId ?? byName) answers.tool = { choice: toolChoice((byId ?? byName)!.id) };
  else if (prefill.toolName) answers.tool = { choice: otherTool, text: prefill.toolName };
  if (prefill.task) {
    const task = form.questions.find((q) => q.field === 'task');
    const index = task?.options?.findIndex((o) => o.value === prefill.task && !o.unknown) ?? -1;
    if (index >= 0) answers.task = { choice: String(index) };
  }
  return answers;
}

/** How a recorded case reads: each question with the label of its answer (for a record opened later). */
export function answersOf(form: CheckQuestionsView, recorded: Record<string, unknown>, toolName: string) {
  return form.questions.map((question) => {
    const value = recorded[question.field];
    let answer: string | undefined;
    if (question.field === 'tool') answer = toolName;
    else if (question.type === 'choice') {
      // The answer as given is not kept, only its value: the label of an ordinary option with it reads best.
      const options = question.options ?? [];
      answer = (options.find((o) => o.value === value && !o.unknown) ?? options.find((o) => o.value === value))?.label;
    } else if (typeof value === 'string' && value.length > 0) answer = value;
    return { field: question.field, question: question.text, answer };
  });
}

/** How the answers just given read: each question with the label of the chosen option or the text typed. */
export function answersGiven(form: CheckQuestionsView, answers: Answers, unknownLabel: string) {
  return form.questions.map((question) => {
    const given = answers[question.field];
    let answer: string | undefined;
    if (given?.choice === unknownChoice) answer = unknownLabel;
    else if (question.type === 'choice') answer = question.options?.[Number(given?.choice)]?.label;
    else if (given?.choice?.startsWith('tool:')) {
      const id = given.choice.slice('tool:'.length);
      answer = form.tools.find((t) => t.id === id)?.name ?? id;
    } else answer = given?.text?.trim() || undefined;
    return { field: question.field, question: question.text, answer };
  });
}
