import { z } from 'zod';
import { en, nl } from 'zod/locales';
import { putToolRequestSchema, toolIdSchema, type PutToolRequest, type ToolEntry } from '../../api/admin.js';
import type { Lang } from '../../lang.js';
import { adminTexts, type ToolField } from '../texts/admin.js';

/**
 * The register entry's form, read from its schema (`putToolRequestSchema`, the register's own): one field per key
 * of the entry, its kind from the schema's type. A text, a list of texts (one per line), a yes/no, one of a set,
 * several of a set. So a field added to the schema (a list of tasks, say) appears in the form by itself; only its
 * label and hint, and its options' names, go into texts/admin.ts.
 */

export type FieldKind =
  | { kind: 'text'; multiline: boolean; required: boolean }
  | { kind: 'list' }
  | { kind: 'flag' }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'choices'; options: readonly string[] };

export interface FormField {
  name: ToolField;
  kind: FieldKind;
}

/** Texts that read better in a box of several lines. */
const multiline = new Set<string>(['notes']);

/** The schema's own type under its optional and default wrappers. */
function unwrapped(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else return { schema: current, optional };
  }
}

function kindOf(name: string, schema: z.ZodType): FieldKind {
  const { schema: inner, optional } = unwrapped(schema);
  if (inner instanceof z.ZodBoolean) return { kind: 'flag' };
  if (inner instanceof z.ZodEnum) return { kind: 'choice', options: inner.options as string[] };
  if (inner instanceof z.ZodArray) {
    const element = unwrapped(inner.element as z.ZodType).schema;
    return element instanceof z.ZodEnum ? { kind: 'choices', options: element.options as string[] } : { kind: 'list' };
  }
  return { kind: 'text', multiline: multiline.has(name), required: !optional };
}

/** The entry's fields in the schema's order. */
export const toolFormFields: readonly FormField[] = Object.entries(putToolRequestSchema('nl').shape).map(
  ([name, schema]) => ({ name: name as ToolField, kind: kindOf(name, schema as z.ZodType) }),
);

/** The form's values as it keeps them: texts as typed, lists one per line, flags, choices. */
export type FormValues = Record<string, string | boolean | string[]>;

export function emptyValues(): FormValues {
  return Object.fromEntries(
    toolFormFields.map(({ name, kind }) => [
      name,
      kind.kind === 'flag' ? false : kind.kind === 'choices' ? [] : kind.kind === 'choice' ? '' : '',
    ]),
  );
}

export function valuesOf(tool: ToolEntry): FormValues {
  const entry = tool as unknown as Record<string, unknown>;
  return Object.fromEntries(
    toolFormFields.map(({ name, kind }) => {
      const value = entry[name];
      if (kind.kind === 'list') return [name, Array.isArray(value) ? value.join('\n') : ''];
      if (kind.kind === 'choices') return [name, Array.isArray(value) ? value.map(String) : []];
      if (kind.kind === 'flag') return [name, value === true];
      return [name, typeof value === 'string' ? value : ''];
    }),
  );
}

/** The request body the values make: lists split into lines (empty ones dropped), choices in the schema's order. */
export function bodyOf(values: FormValues): PutToolRequest {
  const body: Record<string, unknown> = {};
  for (const { name, kind } of toolFormFields) {
    const value = values[name];
    if (kind.kind === 'list')
      body[name] = String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    else if (kind.kind === 'choices')
      body[name] = kind.options.filter((o) => Array.isArray(value) && value.includes(o));
    else if (kind.kind === 'flag') body[name] = value === true;
    else if (kind.kind === 'choice') body[name] = value === '' ? undefined : value;
    // An optional text left empty is not given (the English name): only a required one is sent empty, to be refused.
    else if (!kind.required && (typeof value !== 'string' || value.trim() === '')) continue;
    else body[name] = typeof value === 'string' ? value : '';
  }
  return body as PutToolRequest;
}

/** Problems per field; '(invoer)' for what belongs to no field. */
export type FieldErrors = Partial<Record<ToolField | '(invoer)', string>>;

const localeErrors = { nl: nl().localeError, en: en().localeError };

/**
 * Checks the body with the server's own schema, in the user's language: the id as the address needs it, and the
 * entry. Empty when it is fine; the server checks it again, against the whole register.
 */
export function validate(id: string, body: PutToolRequest, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  const given = { ...body, id } as Record<string, unknown>;
  const add = (field: string, message: string) => {
    const known = toolFormFields.find((f) => f.name === field);
    const key = (known ? field : '(invoer)') as keyof FieldErrors;
    // Left empty: said plainly (zod would say "too small: expected string to have >=1 characters").
    const empty =
      known && (given[field] === undefined || (typeof given[field] === 'string' && !String(given[field]).trim()));
    errors[key] ??= empty
      ? known.kind.kind === 'choice'
        ? adminTexts[lang].requiredChoice
        : adminTexts[lang].requiredText
      : message;
  };
  const idResult = toolIdSchema(lang).safeParse({ id }, { error: localeErrors[lang] });
  if (!idResult.success) for (const issue of idResult.error.issues) add('id', issue.message);
  const result = putToolRequestSchema(lang).safeParse(body, { error: localeErrors[lang] });
  if (!result.success) for (const issue of result.error.issues) add(String(issue.path[0] ?? '(invoer)'), issue.message);
  return errors;
}

/** The server's problems (400 invalid_input) at the form's fields. */
export function errorsOf(problems: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of problems) {
    const top = field.split('.')[0] ?? field;
    const key = (toolFormFields.some((f) => f.name === top) ? top : '(invoer)') as keyof FieldErrors;
    errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
  }
  return errors;
}

/** Which of an entry's fields a change touched (the history's "what"). */
export function changedFields(before: ToolEntry | null, after: ToolEntry | null): ToolField[] {
  if (!before || !after) return [];
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return toolFormFields
    .map((f) => f.name)
    .filter((name) => JSON.stringify(a[name] ?? null) !== JSON.stringify(b[name] ?? null));
}
