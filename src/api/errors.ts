import type { FieldProblem } from '../validation.js';

/** The JSON error body of every /api response that failed; the tab reads it with the same schema. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    correlationId: string;
    problems?: FieldProblem[];
  };
}
