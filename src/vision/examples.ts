import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { z } from 'zod';
import { langValues, type Lang } from '../lang.js';
import { VisionContentError, type VisionDocument } from './document.js';
import { parseYamlFile } from './lexicon.js';

export const examplesSchema = z
  .object({
    version: z.literal(1),
    language: z.enum(langValues),
    /** Who wrote them and how: example questions are never copied from the evaluation sets. */
    source: z.string().min(1),
    sections: z.record(z.string(), z.array(z.string().trim().min(1).max(300)).min(1)),
  })
  .strict();

/** voorbeeldvragen.nl.yaml, voorbeeldvragen.en.yaml: next to the vision Markdown, optional. */
export const examplesFile = (lang: Lang) => `voorbeeldvragen.${lang}.yaml`;

/** Example questions the vision could not use, with where they are: the content loads without them. */
export interface ContentWarning {
  file: string;
  line: number;
  problem: string;
}

/**
 * Reads the example questions of one language, if the content folder has them, and adds them to the sections of
 * that language's document. Example questions are how other staff members ask after a section, written apart from
 * the editor's alternate questions in the Markdown; they rank with less weight than those. A file that does not
 * parse or is for the other language stops start-up with its line. Questions for a section the vision does not
 * (or no longer) have are left out with a warning, so that loading a new version of the vision is all it takes.
 */
export function addExampleQuestions(document: VisionDocument, contentDir: string): ContentWarning[] {
  const lang = document.meta.language;
  const name = examplesFile(lang);
  const path = join(contentDir, name);
  if (!existsSync(path)) return [];
  const data = parseYamlFile(path, examplesSchema);
  if (data.language !== lang)
    throw new VisionContentError(
      name,
      lineOf(path, ['language']),
      `taal '${data.language}' hoort niet bij ${document.file} (${lang})`,
    );
  const sections = new Map(document.sections.map((s) => [s.id, s]));
  const warnings: ContentWarning[] = [];
  for (const [id, questions] of Object.entries(data.sections)) {
    const section = sections.get(id);
    if (section) section.examples.push(...questions);
    else
      warnings.push({
        file: name,
        line: lineOf(path, ['sections', id]),
        problem: `sectie '${id}' staat niet in ${document.file}; de ${questions.length} voorbeeldvragen ervan tellen niet mee`,
      });
  }
  return warnings;
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
