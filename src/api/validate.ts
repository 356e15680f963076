import { z } from 'zod';

/** Dutch first: every message to a user is in Dutch unless the user asked for English. */
export type Lang = 'nl' | 'en';

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

/** "en" when an Accept-Language header (or a locale) prefers English over Dutch; otherwise "nl". */
export function preferredLang(header: string | undefined | null): Lang {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.tag.startsWith('nl') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'nl';
}
