import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Lang } from '../lang.js';
import { parseInput } from '../validation.js';
import { thresholdsFileSchema, type ThresholdsFile } from './thresholds.js';

export class ThresholdsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdsFileError';
  }
}

/**
 * Reads a thresholds file (`--config`): YAML or JSON (JSON is YAML), validated with zod. A wrong file
 * throws a message naming the file and the field (or the line, for a syntax error).
 */
export function readThresholdsFile(file: string, lang: Lang = 'nl'): ThresholdsFile {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new ThresholdsFileError(
      lang === 'en'
        ? `${file}: cannot read the file (${code})`
        : `${file}: het bestand kan niet worden gelezen (${code})`,
    );
  }
  let data: unknown;
  try {
    data = parse(raw) ?? {};
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new ThresholdsFileError(
      `${file}${line ? (lang === 'en' ? `, line ${line}` : `, regel ${line}`) : ''}: ${lang === 'en' ? 'not valid YAML or JSON' : 'geen geldige YAML of JSON'}`,
    );
  }
  const result = parseInput(thresholdsFileSchema, data, lang);
  if (!result.ok)
    throw new ThresholdsFileError(result.problems.map((p) => `${file}: ${p.field}: ${p.message}`).join('\n'));
  return result.data;
}
