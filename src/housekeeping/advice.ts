import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Lang } from '../lang.js';
import { srcDir } from '../paths.js';
import { adviceGroups, ruleIds, type AdviceGroup, type RuleId, type Severity } from './report.js';

/** Texts are content: src/housekeeping/advice.yaml, validated on load, its version recorded in every report. */
export const adviceFile = join(srcDir, 'housekeeping', 'advice.yaml');

const text = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
const ruleTexts = z.strictObject({ title: text, detail: text, advice: text });
const adviceSchema = z.strictObject({
  version: z.string().min(1),
  groups: z.strictObject(Object.fromEntries(adviceGroups.map((g) => [g, text])) as Record<AdviceGroup, typeof text>),
  terms: z.record(z.string(), text),
  rules: z.strictObject(Object.fromEntries(ruleIds.map((r) => [r, ruleTexts])) as Record<RuleId, typeof ruleTexts>),
});
export type AdviceTexts = z.infer<typeof adviceSchema>;

export class AdviceFileError extends Error {
  constructor(file: string, where: string, message: string) {
    super(`${file}: ${where}: ${message}`);
    this.name = 'AdviceFileError';
  }
}

/** Reads and validates the texts; a broken file stops with the file and the line or field. */
export function loadAdvice(file: string = adviceFile): AdviceTexts {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (error) {
    const linePos = (error as { linePos?: { line: number }[] }).linePos?.[0];
    throw new AdviceFileError(
      file,
      linePos ? `regel ${linePos.line}` : 'YAML',
      (error as Error).message.split('\n')[0] ?? '',
    );
  }
  const result = adviceSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new AdviceFileError(file, issue.path.join('.') || '(bestand)', issue.message);
  }
  return result.data;
}

let cached: AdviceTexts | undefined;
/** The texts of this installation, read once. */
export function adviceTexts(): AdviceTexts {
  return (cached ??= loadAdvice());
}

/** Fills {name} placeholders; unknown ones stay visible so a broken template shows in tests. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function groupOf(severity: Severity): AdviceGroup {
  return severity === 'high' ? 'urgent' : severity === 'medium' ? 'within-a-year' : 'desirable';
}

/** Bytes as people read them, in the user's language ("1,5 GB"); also keeps 9-digit byte counts out of texts. */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  return `${value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}
