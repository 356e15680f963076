import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compoundCandidates } from '../../src/vision/analysis/vocabulary.js';
import { compoundsFor, loadCompounds, type CompoundsData } from '../../src/vision/compounds-data.js';
import { loadVision, readVisionDocuments } from '../../src/vision/index.js';
import { contentErrorOf } from '../helpers/content-error.js';

const fixtureDir = join(import.meta.dirname ?? __dirname, 'fixtures', 'valid');

/** The fixture vision with one new sentence in the section "werk": a compound of two words the fixture uses. */
function contentWithNewCompound(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vision-compounds-'));
  copyFileSync(join(fixtureDir, 'visie.en.md'), join(dir, 'visie.en.md'));
  const nl = readFileSync(join(fixtureDir, 'visie.nl.md'), 'utf8');
  const changed = nl.replace(
    'AI verandert het werk van medewerkers.',
    'AI verandert het werk van medewerkers. De medewerkersgegevens blijven binnen de gemeente.',
  );
  expect(changed).not.toBe(nl);
  writeFileSync(join(dir, 'visie.nl.md'), changed);
  return dir;
}

describe('precomputed compound splits', () => {
  it('match the current Dutch vision (otherwise run: npm run vision:compounds)', () => {
    const data = loadCompounds();
    expect(data).toBeDefined();
    const candidates = compoundCandidates(readVisionDocuments().nl);
    expect({ words: data!.words, hint: 'npm run vision:compounds' }).toEqual({
      words: candidates,
      hint: 'npm run vision:compounds',
    });
    for (const word of Object.keys(data!.splits)) expect(candidates).toContain(word);
  });

  it('stop start-up with the file and what to do when they are not valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vision-compounds-'));
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ version: 1, vocabularyHash: '0'.repeat(64), splits: {} }));
    writeFileSync(join(dir, 'broken.json'), '{"version": 2, ');
    for (const name of ['old.json', 'broken.json']) {
      const error = contentErrorOf(() => loadCompounds(join(dir, name)));
      expect(error).toMatchObject({ file: 'generated/compounds.json', line: 1 });
      expect(error.problem).toMatch(/npm run vision:compounds/);
    }
  });
});

describe('compound splits for a new version of the vision', () => {
  const document = readVisionDocuments(contentWithNewCompound()).nl;
  const candidates = compoundCandidates(document);
  const precomputed = (words: string[]): CompoundsData => ({
    version: 2,
    words,
    splits: { gegevensbescherming: ['gegevens', 'bescherming'] },
  });

  it('are the precomputed ones while those were computed for every long word of the vision', () => {
    // The word list left "medewerkersgegevens" whole here: it stays whole, though the vision has both its parts.
    const result = compoundsFor(document, precomputed(candidates));
    expect(result).toEqual({ splits: { gegevensbescherming: ['gegevens', 'bescherming'] } });
  });

  it('split a long word the precomputed ones do not know into words of the vision, and warn', () => {
    const result = compoundsFor(document, precomputed(candidates.filter((w) => w !== 'medewerkersgegevens')));
    expect(result.splits).toEqual({
      gegevensbescherming: ['gegevens', 'bescherming'],
      medewerkersgegevens: ['medewerkers', 'gegevens'],
    });
    expect(result.warning).toMatchObject({ file: 'generated/compounds.json', line: 1 });
    expect(result.warning!.problem).toMatch(
      /^hoort bij een eerdere versie van de visie: 1 lange woord\(en\) .* 1 daarvan gesplitst .*npm run vision:compounds/,
    );
  });

  it("without a compounds file: split what the vision's own words allow, and warn that it is missing", () => {
    const result = compoundsFor(document, undefined);
    expect(result.splits.medewerkersgegevens).toEqual(['medewerkers', 'gegevens']);
    expect(result.warning!.problem).toMatch(/^ontbreekt: /);
  });

  it('let loading a new vision be all it takes: its new compound is found by its parts, and the warning is kept', () => {
    const dir = contentWithNewCompound();
    const vision = loadVision({ contentDir: dir });
    expect(vision.warnings.map((w) => w.file)).toEqual(['generated/compounds.json']);
    const werk = (v: typeof vision) => v.languages.nl.passages.find((p) => p.section.id === 'werk')!;
    const gegevens = vision.languages.nl.analyzer.stem('gegevens');
    expect(werk(vision).terms.has(gegevens)).toBe(true);
    // Given splits are used as they are (and nothing is said): then the new word is only itself.
    const given = loadVision({ contentDir: dir, compounds: {} });
    expect(given.warnings).toEqual([]);
    expect(werk(given).terms.has(gegevens)).toBe(false);
  });
});
