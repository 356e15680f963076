import type { FieldProblem } from '../validation.js';

/** The JSON error body of every /api response that failed (src/server/errors.ts writes it; the tab shows its message). */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    correlationId: string;
    problems?: FieldProblem[];
  };
}
