import type { Lang } from '../lang.js';
import type { FieldProblem } from '../validation.js';

/**
 * An error of the HTTP host itself (sign-in, the upload token), with its status and a message in Dutch and English;
 * errors of the capabilities come from the application layer (AppError) and are mapped in errors.ts.
 */
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
