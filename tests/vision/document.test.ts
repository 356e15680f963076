import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTranslation, parseVisionMarkdown, VisionContentError } from '../../src/vision/document.js';
import { contentErrorOf } from '../helpers/content-error.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname ?? __dirname, 'fixtures', 'valid', name), 'utf8');
const nl = fixture('visie.nl.md');
const en = fixture('visie.en.md');

const failure = (text: string, file = 'visie.nl.md') => contentErrorOf(() => parseVisionMarkdown(text, file));

/** The line (1-based) of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('vision Markdown loader', () => {
  it('reads front matter, sections with their path, alternate questions and the body as written', () => {
    const doc = parseVisionMarkdown(nl, 'visie.nl.md');
    expect(doc.meta).toMatchObject({ id: 'ai-visie', language: 'nl', version: '2025.1-test', date: '2025-06-01' });
    expect(doc.sections.map((s) => s.id)).toEqual(['visie', 'wat-is-ai', 'privacy', 'werk', 'scholing']);
    const scholing = doc.sections.find((s) => s.id === 'scholing')!;
    expect(scholing.path).toEqual(['Visie Artificiële Intelligentie', 'Werkgelegenheid']);
    expect(scholing.questions).toEqual(['Krijg ik een cursus over AI?']);
    expect(scholing.line).toBe(lineOf(nl, '{#scholing}'));
    const privacy = doc.sections.find((s) => s.id === 'privacy')!;
    expect(privacy.body).not.toContain('vragen');
    expect(privacy.body).toContain('- Gebruik alleen tools die de gemeente heeft goedgekeurd.');
  });

  it('names the line of a duplicate section id', () => {
    const broken = nl.replace('{#werk}', '{#privacy}');
    const error = failure(broken);
    expect(error.line).toBe(lineOf(broken, 'Werkgelegenheid'));
    expect(error.message).toMatch(/^visie\.nl\.md, regel \d+: sectie-id 'privacy' komt al voor op regel \d+/);
  });

  it('names the line of a heading without an id', () => {
    const broken = nl.replace('## Werkgelegenheid {#werk}', '## Werkgelegenheid');
    expect(failure(broken).line).toBe(lineOf(broken, 'Werkgelegenheid'));
    expect(failure(broken).problem).toMatch(/kop zonder sectie-id/);
  });

  it('rejects an id that is not lowercase kebab-case', () => {
    const broken = nl.replace('{#werk}', '{#Werk_Gelegenheid}');
    expect(failure(broken).line).toBe(lineOf(broken, 'Werkgelegenheid'));
  });

  it('names the line where an unclosed question block opens', () => {
    const broken = nl.replace('- Wanneer moet ik een DPIA doen?\n-->', '- Wanneer moet ik een DPIA doen?');
    const error = failure(broken);
    expect(error.problem).toMatch(/niet afgesloten/);
    expect(error.line).toBe(lineOf(broken, '- Mag ik persoonsgegevens') - 1);
  });

  it('names the line of a missing or wrong front matter field', () => {
    const missing = failure(nl.replace(/^date: .*\n/m, ''));
    expect(missing.problem).toBe("front matter mist het veld 'date'");
    const wrong = nl.replace('language: nl', 'language: fr');
    expect(failure(wrong).line).toBe(lineOf(wrong, 'language: fr'));
    expect(failure('# Kop {#kop}\n').problem).toMatch(/front matter ontbreekt/);
  });

  it('rejects text before the first heading', () => {
    const broken = nl.replace('# Visie Artificiële', 'Losse tekst.\n\n# Visie Artificiële');
    expect(failure(broken).line).toBe(lineOf(broken, 'Losse tekst.'));
  });

  it('requires the English file to have the same section ids, naming its line', () => {
    const dutch = parseVisionMarkdown(nl, 'visie.nl.md');
    expect(() => checkTranslation(dutch, parseVisionMarkdown(en, 'visie.en.md'))).not.toThrow();
    const renamed = en.replace('{#werk}', '{#employment}');
    let error: unknown;
    try {
      checkTranslation(dutch, parseVisionMarkdown(renamed, 'visie.en.md'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VisionContentError);
    expect((error as VisionContentError).file).toBe('visie.en.md');
    expect((error as VisionContentError).line).toBe(lineOf(renamed, '{#employment}'));
  });
});
