import { join } from 'node:path';
import { z } from 'zod';
import { checkCaseSchema, taskValues, type CaseField } from './case.js';
import { srcDir } from '../paths.js';
import { loadContentFile } from './content-file.js';

export const defaultQuestionsPath = join(srcDir, 'quickcheck', 'content', 'questions.yaml');

const bilingual = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
const caseFields = Object.keys(checkCaseSchema.shape) as CaseField[];

const optionSchema = z.strictObject({
  value: z.union([z.string(), z.boolean()]),
  label: bilingual,
  /** The "weet ik niet" answer of this question. */
  unknown: z.boolean().default(false),
  note: bilingual.optional(),
  keywords: z.strictObject({ nl: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).optional(),
});

const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    field: z.enum(caseFields),
    type: z.literal('text'),
    text: bilingual,
    explanation: bilingual,
    /** What "weet ik niet" fills in: one value, or one per language ("onbekende tool" / "unknown tool"). */
    unknownValue: z
      .union([z.string(), z.strictObject({ nl: z.string(), en: z.string() })])
      .transform((v) => (typeof v === 'string' ? { nl: v, en: v } : v)),
  }),
  z.strictObject({
    field: z.enum(caseFields),
    type: z.literal('choice'),
    text: bilingual,
    explanation: bilingual,
    options: z.array(optionSchema).min(2),
    detectOrder: z.array(z.enum(taskValues)).optional(),
  }),
]);

export const questionsSchema = z
  .strictObject({ version: z.string().min(1), questions: z.array(questionSchema).min(1) })
  .superRefine((content, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const seen = new Set<string>();
    content.questions.forEach((q, i) => {
      if (seen.has(q.field)) issue(['questions', i, 'field'], `er is al een vraag voor '${q.field}'`);
      seen.add(q.field);
      const fieldSchema = checkCaseSchema.shape[q.field];
      if (q.type === 'text') {
        for (const value of [q.unknownValue.nl, q.unknownValue.en])
          if (!fieldSchema.safeParse(value).success && !(q.field === 'tool' && value.trim() !== ''))
            issue(['questions', i, 'unknownValue'], `past niet bij het veld '${q.field}'`);
        return;
      }
      q.options.forEach((o, j) => {
        if (!fieldSchema.safeParse(o.value).success)
          issue(
            ['questions', i, 'options', j, 'value'],
            `'${String(o.value)}' is geen toegestane waarde voor '${q.field}'`,
          );
      });
      if (q.options.filter((o) => o.unknown).length !== 1)
        issue(['questions', i, 'options'], 'elke vraag heeft precies één antwoord "weet ik niet" (unknown: true)');
      const values = new Set(q.options.filter((o) => !o.unknown).map((o) => String(o.value)));
      const allowed = allowedValues(q.field);
      for (const v of allowed)
        if (v !== 'unknown' && !values.has(v))
          issue(['questions', i, 'options'], `de waarde '${v}' van '${q.field}' heeft geen antwoord`);
      if (q.detectOrder) {
        const withKeywords = q.options.filter((o) => o.keywords).map((o) => String(o.value));
        const order = new Set(q.detectOrder);
        if (
          order.size !== q.detectOrder.length ||
          withKeywords.some((v) => !order.has(v as never)) ||
          q.detectOrder.some((v) => !withKeywords.includes(v))
        ) {
          issue(['questions', i, 'detectOrder'], 'noemt elke taak met keywords precies één keer');
        }
      }
    });
    caseFields.forEach((f) => {
      if (!seen.has(f)) issue(['questions'], `er is geen vraag voor het veld '${f}'`);
    });
  });
export type Questions = z.infer<typeof questionsSchema>;
export type Question = Questions['questions'][number];

/** The values a case field allows, as text (for messages and the "every value answered" check). */
export function allowedValues(field: CaseField): string[] {
  const schema = checkCaseSchema.shape[field] as unknown as {
    options?: readonly unknown[];
    def?: { values?: readonly unknown[] };
  };
  const values = schema.options ?? schema.def?.values;
  return values ? values.map(String) : [];
}

export function loadQuestions(path: string = defaultQuestionsPath): Questions {
  return loadContentFile(path, questionsSchema);
}
