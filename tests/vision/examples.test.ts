import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesFile } from '../../src/vision/examples.js';
import { defaultContentDir, loadVision, readVisionDocuments } from '../../src/vision/index.js';
import { questionWords } from '../../src/vision/question.js';
import { rank } from '../../src/vision/ranking.js';
import { contentErrorOf } from '../helpers/content-error.js';

const fixtureDir = join(import.meta.dirname ?? __dirname, 'fixtures', 'valid');

/** A content folder with the fixture vision and the given example question files. */
function contentWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vision-examples-'));
  for (const name of ['visie.nl.md', 'visie.en.md']) copyFileSync(join(fixtureDir, name), join(dir, name));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const rejection = (dir: string) => contentErrorOf(() => readVisionDocuments(dir));

const nlExamples = (sections: string) => `version: 1\nlanguage: nl\nsource: test\nsections:\n${sections}`;

describe('example questions (voorbeeldvragen.<taal>.yaml)', () => {
  it('are optional: without the files the sections have none', () => {
    const docs = readVisionDocuments(fixtureDir);
    expect(docs.nl.sections.every((s) => s.examples.length === 0)).toBe(true);
  });

  it('ship for every section in both languages', () => {
    const docs = readVisionDocuments(defaultContentDir);
    for (const lang of ['nl', 'en'] as const) {
      const empty = docs[lang].sections.filter((s) => s.examples.length === 0).map((s) => s.id);
      expect({ lang, empty }).toEqual({ lang, empty: [] });
    }
  });

  it('are added to their section', () => {
    const dir = contentWith({
      [examplesFile('nl')]: nlExamples('  scholing:\n    - kan ik ergens bijspijkeren over ai\n'),
    });
    const scholing = readVisionDocuments(dir).nl.sections.find((s) => s.id === 'scholing')!;
    expect(scholing.examples).toEqual(['kan ik ergens bijspijkeren over ai']);
    expect(scholing.questions).toEqual(['Krijg ik een cursus over AI?']);
  });

  it('leave out, with a warning naming the file and the line, questions for a section the vision does not have', () => {
    const text = nlExamples(
      '  scholing:\n    - kan ik bijspijkeren\n  parkeren:\n    - waar mag ik parkeren\n    - parkeerplek\n',
    );
    const dir = contentWith({ [examplesFile('nl')]: text });
    const docs = readVisionDocuments(dir);
    expect(docs.warnings).toEqual([
      {
        file: 'voorbeeldvragen.nl.yaml',
        line: text.split('\n').indexOf('  parkeren:') + 1,
        problem: "sectie 'parkeren' staat niet in visie.nl.md; de 2 voorbeeldvragen ervan tellen niet mee",
      },
    ]);
    expect(docs.nl.sections.find((s) => s.id === 'scholing')!.examples).toEqual(['kan ik bijspijkeren']);
    expect(docs.nl.sections.flatMap((s) => s.examples)).not.toContain('waar mag ik parkeren');
    expect(loadVision({ contentDir: dir, compounds: {} }).warnings).toHaveLength(1);
    expect(readVisionDocuments(defaultContentDir).warnings).toEqual([]);
  });

  it('stop loading at a file for the other language, an empty list or a question that is too long', () => {
    expect(
      rejection(contentWith({ [examplesFile('en')]: nlExamples('  scholing:\n    - training\n') })).problem,
    ).toMatch(/taal 'nl' hoort niet bij visie\.en\.md/);
    const empty = nlExamples('  scholing: []\n');
    expect(rejection(contentWith({ [examplesFile('nl')]: empty }))).toMatchObject({ line: 5 });
    const long = nlExamples(`  scholing:\n    - ${'heel '.repeat(80)}lang\n`);
    expect(rejection(contentWith({ [examplesFile('nl')]: long })).problem).toMatch(/sections\.scholing\.0/);
  });

  it("let a section be found by words only its example questions use, below the editor's alternate questions", () => {
    // "cursus" is in an alternate question of "scholing"; here also in an example question of "privacy".
    const dir = contentWith({
      [examplesFile('nl')]: nlExamples(
        '  scholing:\n    - kan ik ergens bijspijkeren\n  privacy:\n    - is er een cursus\n',
      ),
    });
    const vision = loadVision({ contentDir: dir, compounds: {} });
    const nl = vision.languages.nl;
    expect(rank(nl, questionWords(nl, 'bijspijkeren'))[0]!.passage.section.id).toBe('scholing');
    expect(
      rank(nl, questionWords(nl, 'cursus'))
        .map((r) => r.passage.section.id)
        .slice(0, 2),
    ).toEqual(['scholing', 'privacy']);
    const without = loadVision({ contentDir: fixtureDir, compounds: {} }).languages.nl;
    expect(rank(without, questionWords(without, 'bijspijkeren'))).toEqual([]);
  });
});
