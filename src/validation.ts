import { z } from 'zod';
import type { Lang } from './lang.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: FieldProblem[] };

const localeErrors = { nl: z.locales.nl().localeError, en: z.locales.en().localeError };

/** Validates outside input with zod, with messages in the user's language and the field each one is about. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, lang: Lang = 'nl'): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { error: localeErrors[lang] });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(invoer)',
      message: issue.message,
    })),
  };
}
