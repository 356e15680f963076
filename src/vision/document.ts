import { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { langValues, type Lang } from '../lang.js';

/** One section of the vision: a heading and its body up to the next heading. */
export interface VisionSection {
  id: string;
  heading: string;
  level: number;
  /** The headings above this one (outermost first), not including its own. */
  path: string[];
  /** Editor-written alternate questions (how staff would ask). */
  questions: string[];
  /** Example questions of other staff members (voorbeeldvragen.<taal>.yaml), weighted below the alternate questions. */
  examples: string[];
  /** The body text exactly as loaded; every quote is a substring of it. */
  body: string;
  line: number;
}

export interface VisionMeta {
  id: string;
  title: string;
  language: Lang;
  version: string;
  date: string;
  source: string;
  translationOf?: string;
}

export interface VisionDocument {
  file: string;
  meta: VisionMeta;
  sections: VisionSection[];
}

/** A broken content file: start-up stops with the file and the line, so an editor can fix it. */
export class VisionContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}, regel ${line}: ${problem}`);
    this.name = 'VisionContentError';
  }
}

const frontMatterSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  language: z.enum(langValues),
  version: z.union([z.string().min(1), z.number()]).transform(String),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'moet een datum zijn (JJJJ-MM-DD)'),
  source: z.string().min(1),
  'translation-of': z.string().min(1).optional(),
});

const headingLine = /^(#{1,6})\s+(.*)$/;
const headingWithId = /^(.*?)\s*\{#([^}]*)\}\s*$/;
const sectionId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const questionsOpen = /^<!--\s*vragen\b/;

/** Parses one vision Markdown file; throws a VisionContentError naming the line of the first problem. */
export function parseVisionMarkdown(text: string, file: string): VisionDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { meta, bodyStart } = parseFrontMatter(lines, file);
  const sections: VisionSection[] = [];
  const seen = new Map<string, number>();
  const stack: { level: number; heading: string }[] = [];
  let current: { section: VisionSection; bodyLines: string[] } | undefined;

  const finish = () => {
    if (!current) return;
    current.section.body = current.bodyLines.join('\n').trim();
    sections.push(current.section);
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const heading = headingLine.exec(raw);
    if (heading) {
      const level = heading[1]!.length;
      if (level > 4) throw new VisionContentError(file, lineNo, 'koppen mogen hoogstens niveau 4 (####) hebben');
      const withId = headingWithId.exec(heading[2]!);
      if (!withId) throw new VisionContentError(file, lineNo, 'kop zonder sectie-id: sluit de kop af met {#sectie-id}');
      const title = withId[1]!.trim();
      const id = withId[2]!.trim();
      if (!title) throw new VisionContentError(file, lineNo, 'kop zonder tekst');
      if (!sectionId.test(id))
        throw new VisionContentError(
          file,
          lineNo,
          `sectie-id '${id}' moet uit kleine letters, cijfers en streepjes bestaan (bijvoorbeeld wat-is-ai)`,
        );
      const earlier = seen.get(id);
      if (earlier !== undefined)
        throw new VisionContentError(file, lineNo, `sectie-id '${id}' komt al voor op regel ${earlier}`);
      seen.set(id, lineNo);
      finish();
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      const section: VisionSection = {
        id,
        heading: title,
        level,
        path: stack.map((s) => s.heading),
        questions: [],
        examples: [],
        body: '',
        line: lineNo,
      };
      stack.push({ level, heading: title });
      current = { section, bodyLines: [] };
      i = readQuestions(lines, i + 1, file, section) - 1;
      continue;
    }
    if (raw.trimStart().startsWith('<!--')) {
      i = skipComment(lines, i, file);
      continue;
    }
    if (!current) {
      if (raw.trim() !== '')
        throw new VisionContentError(
          file,
          lineNo,
          'tekst vóór de eerste kop: elke tekst hoort onder een kop met {#sectie-id}',
        );
      continue;
    }
    current.bodyLines.push(raw.trimEnd());
  }
  finish();
  if (sections.length === 0)
    throw new VisionContentError(file, bodyStart + 1, 'het bestand heeft geen enkele kop met {#sectie-id}');
  return { file, meta, sections };
}

function parseFrontMatter(lines: string[], file: string): { meta: VisionMeta; bodyStart: number } {
  if (lines[0]?.trim() !== '---')
    throw new VisionContentError(file, 1, 'front matter ontbreekt: het bestand moet beginnen met een regel ---');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new VisionContentError(file, 1, 'front matter is niet afgesloten met een regel ---');
  const source = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new VisionContentError(
      file,
      1 + (error.linePos?.[0]?.line ?? 1),
      `front matter is geen geldige YAML: ${error.message.split('\n')[0]}`,
    );
  }
  const result = frontMatterSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const fieldLine = lines.slice(1, end).findIndex((l) => l.startsWith(`${field}:`));
    const line = fieldLine >= 0 ? fieldLine + 2 : 1;
    const missing = fieldLine < 0 && issue.code === 'invalid_type';
    throw new VisionContentError(
      file,
      line,
      missing ? `front matter mist het veld '${field}'` : `front matter-veld '${field}': ${issue.message}`,
    );
  }
  const fm = result.data;
  return {
    meta: {
      id: fm.id,
      title: fm.title,
      language: fm.language,
      version: fm.version,
      date: fm.date,
      source: fm.source,
      ...(fm['translation-of'] ? { translationOf: fm['translation-of'] } : {}),
    },
    bodyStart: end + 1,
  };
}

/** Reads the optional `<!-- vragen ... -->` block right under a heading; returns the index of the next line to read. */
function readQuestions(lines: string[], start: number, file: string, section: VisionSection): number {
  let i = start;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length || !questionsOpen.test(lines[i]!.trim())) return start;
  const open = i + 1;
  let close = -1;
  for (let j = i; j < lines.length && close < 0; j++) {
    if (j > i && headingLine.test(lines[j]!.trim())) break;
    if (lines[j]!.includes('-->')) close = j;
  }
  if (close < 0) throw new VisionContentError(file, open, 'het blok <!-- vragen is niet afgesloten met -->');
  for (let j = i; j <= close; j++) {
    const line = lines[j]!.trim();
    const content = j === i ? line.replace(questionsOpen, '') : line;
    const text = j === close ? content.slice(0, content.indexOf('-->')) : content;
    const item = /^-\s+(.+)$/.exec(text.trim());
    if (item) section.questions.push(item[1]!.trim());
    else if (text.trim() !== '')
      throw new VisionContentError(
        file,
        j + 1,
        'in het blok met vragen hoort elke vraag op een eigen regel die begint met "- "',
      );
  }
  return close + 1;
}

function skipComment(lines: string[], start: number, file: string): number {
  for (let j = start; j < lines.length; j++) {
    if (j > start && headingLine.test(lines[j]!)) break;
    if (lines[j]!.includes('-->')) return j;
  }
  throw new VisionContentError(file, start + 1, 'HTML-commentaar <!-- is niet afgesloten met -->');
}

/** The Dutch and English files must have the same section ids in the same order. */
export function checkTranslation(nl: VisionDocument, en: VisionDocument): void {
  const count = Math.max(nl.sections.length, en.sections.length);
  for (let i = 0; i < count; i++) {
    const a = nl.sections[i];
    const b = en.sections[i];
    if (a?.id === b?.id) continue;
    if (!b)
      throw new VisionContentError(
        en.file,
        a!.line,
        `de vertaling mist sectie '${a!.id}' (regel ${a!.line} in ${nl.file})`,
      );
    if (!a) throw new VisionContentError(en.file, b.line, `sectie '${b.id}' staat niet in ${nl.file}`);
    throw new VisionContentError(
      en.file,
      b.line,
      `sectie '${b.id}' wijkt af van ${nl.file}, waar op deze plaats '${a.id}' staat (regel ${a.line})`,
    );
  }
  if (nl.meta.language !== 'nl') throw new VisionContentError(nl.file, 1, "front matter-veld 'language' moet nl zijn");
  if (en.meta.language !== 'en') throw new VisionContentError(en.file, 1, "front matter-veld 'language' moet en zijn");
  if (en.meta.version !== nl.meta.version) {
    throw new VisionContentError(
      en.file,
      1,
      `front matter-veld 'version' (${en.meta.version}) moet gelijk zijn aan dat van ${nl.file} (${nl.meta.version})`,
    );
  }
  if (!en.meta.translationOf) throw new VisionContentError(en.file, 1, "front matter mist het veld 'translation-of'");
}
