import { z } from 'zod';
import type { ApiErrorBody } from '../../src/api/errors.js';

/** The JSON body of every failed /api call (src/api/errors.ts, written by src/server/errors.ts), and nothing else. */
export const apiErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z][a-z_]*$/),
    message: z.string().min(1),
    correlationId: z.string().min(1),
    problems: z.array(z.strictObject({ field: z.string().min(1), message: z.string().min(1) })).optional(),
  }),
}) satisfies z.ZodType<ApiErrorBody>;

// Words that only occur in a Dutch sentence, and words that give an English one away.
const dutch =
  /(^|[^\p{L}])(de|het|een|niet|geen|je|jouw|dit|deze|moet|mag|van|voor|bij|er|verwacht|ontving|ongeldige?|te|of|en|dat|staat|bestaat|naam|teken|onbekende?|sleutel|tekens|groot|klein|lang|kort|waarde|verzoek|invoer|opgeslagen|precies|één)(?![\p{L}])/iu;
const english =
  /(^|[^\p{L}])(the|must|expected|received|invalid|should|cannot|please|your|you|this|does|request|input|value|unknown|too)(?![\p{L}])/iu;

/**
 * Whether a message is Dutch: a Dutch word in it and no English one, once what the caller sent is taken out (a
 * message may quote a tool name or a key between quotes, and that text can be anything).
 */
export function isDutch(message: string): boolean {
  const own = message.replace(/'[^']*'/gu, ' ').replace(/"[^"]*"/gu, ' ');
  return dutch.test(own) && !english.test(own);
}

/**
 * The problems with a 4xx response: undefined when its body has the API's error shape and, for a Dutch caller, its
 * message and each problem's are Dutch; else what is wrong, for the test to show.
 */
export function errorShapeProblem(
  status: number,
  contentType: string | null,
  text: string,
  lang: 'nl' | 'en' = 'nl',
): string | undefined {
  if (!contentType?.startsWith('application/json')) return `${status} is not JSON but ${contentType ?? 'untyped'}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} has a body that is not JSON: ${text.slice(0, 200)}`;
  }
  const parsed = apiErrorBodySchema.safeParse(body);
  if (!parsed.success) return `${status} is not the API's error shape: ${text.slice(0, 300)}`;
  if (lang === 'en') return undefined;
  const { message, problems = [] } = parsed.data.error;
  const foreign = [message, ...problems.map((p) => p.message)].filter((m) => !isDutch(m));
  if (foreign.length > 0) return `${status} is not all in Dutch: ${JSON.stringify(foreign).slice(0, 300)}`;
  return undefined;
}
