import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { z } from 'zod';
import type { Lang } from '../api/validate.js';
import { VisionContentError, type VisionDocument } from './document.js';
import { parseYamlFile } from './lexicon.js';

const examplesSchema = z
  .object({
    version: z.literal(1),
    language: z.enum(['nl', 'en']),
    /** Who wrote them and how: example questions are never copied from the evaluation sets. */
    source: z.string().min(1),
    sections: z.record(z.string(), z.array(z.string().trim().min(1).max(300)).min(1)),
  })
  .strict();

/** voorbeeldvragen.nl.yaml, voorbeeldvragen.en.yaml: next to the vision Markdown, optional. */
export const examplesFile = (lang: Lang) => `voorbeeldvragen.${lang}.yaml`;

/**
 * Reads the example questions of one language, if the content folder has them, and adds them to the sections of
 * that language's document. Example questions are how other staff members ask after a section, written apart from
 * the editor's alternate questions in the Markdown; they rank with less weight than those. A file that does not
 * parse, is for the other language or names a section the document does not have stops start-up with its line.
 */
export function addExampleQuestions(document: VisionDocument, contentDir: string): void {
  const lang = document.meta.language;
  const name = examplesFile(lang);
  const path = join(contentDir, name);
  if (!existsSync(path)) return;
  const data = parseYamlFile(path, examplesSchema);
  if (data.language !== lang) throw new VisionContentError(name, lineOf(path, ['language']), `taal '${data.language}' hoort niet bij ${document.file} (${lang})`);
  const sections = new Map(document.sections.map((s) => [s.id, s]));
  for (const [id, questions] of Object.entries(data.sections)) {
    const section = sections.get(id);
    if (!section) throw new VisionContentError(name, lineOf(path, ['sections', id]), `sectie '${id}' bestaat niet in ${document.file}`);
    section.examples.push(...questions);
  }
}

/** The line of a key in a YAML file (1 when it cannot be found). */
function lineOf(path: string, keys: string[]): number {
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text);
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of keys) {
    if (!isMap(node)) break;
    const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) break;
    offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
    node = pair.value;
  }
  return text.slice(0, offset).split('\n').length;
}
