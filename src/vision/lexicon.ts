import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseDocument } from 'yaml';
import { srcDir } from '../paths.js';
import { VisionContentError } from './document.js';

const lexiconSchema = z
  .object({
    version: z.number().int().positive(),
    synonyms: z
      .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), terms: z.array(z.string().min(1)).min(2) }).strict())
      .min(1),
    stopwords: z.object({ nl: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).strict(),
    /** Words on the Snowball stopword lists that name a topic of the vision ("why": the "Why AI" section). */
    topicWords: z
      .object({ nl: z.array(z.string().min(1)), en: z.array(z.string().min(1)) })
      .strict()
      .default({ nl: [], en: [] }),
    /** Words for the vision itself ("visie", "beleid"): no topic in "wat zegt de visie over privacy?". */
    metaWords: z
      .object({ nl: z.array(z.string().min(1)), en: z.array(z.string().min(1)) })
      .strict()
      .default({ nl: [], en: [] }),
  })
  .strict();

export type Lexicon = z.infer<typeof lexiconSchema>;
export interface SynonymGroup {
  id: string;
  terms: string[];
}

export const lexiconPath = join(srcDir, 'vision', 'lexicon.yaml');

/** Reads and validates the synonym table; a broken file names the field and its line. */
export function loadLexicon(path = lexiconPath): Lexicon {
  return parseYamlFile(path, lexiconSchema);
}

/** Parses a YAML data file of this capability with zod; errors name the file, the line and the field. */
export function parseYamlFile<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  const name = path.split(/[\\/]/).pop() ?? path;
  const doc = parseDocument(readFileSync(path, 'utf8'), { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new VisionContentError(
      name,
      error.linePos?.[0]?.line ?? 1,
      `geen geldige YAML: ${error.message.split('\n')[0]}`,
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
  const parent = doc.getIn(issue.path.slice(0, -1) as (string | number)[], true) as
    { range?: [number, number] } | undefined;
  const offset = node?.range?.[0] ?? parent?.range?.[0] ?? 0;
  const text = readFileSync(path, 'utf8');
  const line = text.slice(0, offset).split('\n').length;
  throw new VisionContentError(name, line, `veld '${issue.path.join('.') || '(bestand)'}': ${issue.message}`);
}
