import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { canonicalJson } from './record.js';

/** A content file (YAML or JSON) that cannot be used: the message names the file, and the line and field of each problem. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Fout in ${file} / error in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

const dutch = z.locales.nl().localeError;

function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** `tools[2].hosting`: the path of a zod issue as an editor finds it in the file. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * Reads a YAML (or JSON, which is YAML) file and validates it with zod. Every problem names the line of the
 * nearest node that exists and the field, so that an admin can fix a register without reading code.
 */
export function loadContentFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const name = displayName(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError(name, [
      code === 'ENOENT' ? 'het bestand bestaat niet' : `het bestand is niet te lezen (${code ?? 'onbekende fout'})`,
    ]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ContentError(
      name,
      doc.errors.map(
        (e) => `regel ${e.linePos?.[0].line ?? '?'}: geen geldige YAML/JSON (${e.code}: ${e.message.split('\n')[0]})`,
      ),
    );
  }
  const result = schema.safeParse(doc.toJS(), { error: dutch });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const line = lineOf(doc, lineCounter, issue.path);
    const field = fieldPath(issue.path) || '(bestand)';
    return `${line ? `regel ${line}, ` : ''}${field}: ${issue.message}`;
  });
  throw new ContentError(name, problems);
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * A short fingerprint of validated content: recorded with the version an editor wrote, so that a record shows
 * exactly which rules and register it was decided under, even when someone edited a file and forgot the version.
 */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 8);
}
