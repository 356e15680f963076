import type { Lang } from '../lang.js';
import type { FieldProblem } from '../validation.js';

/** An error a user can cause: it carries its status and a message in Dutch and English. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Record<Lang, string>,
    readonly problems?: FieldProblem[],
  ) {
    super(messages.en);
    this.name = 'HttpError';
  }
}

export function invalidInput(problems: FieldProblem[]): HttpError {
  return new HttpError(400, 'invalid_input', { nl: 'De invoer klopt niet.', en: 'The input is not valid.' }, problems);
}
