import { join } from 'node:path';
import { loadVision } from '../../src/vision/index.js';
import { coverage, rank } from '../../src/vision/ranking.js';

const contentDir = join(import.meta.dirname ?? __dirname, 'fixtures', 'valid');
const compounds = {
  gegevensbescherming: ['gegevens', 'bescherming'],
  gegevensbeschermingseffectbeoordeling: ['gegevens', 'bescherming', 'effect', 'beoordeling'],
};
const vision = loadVision({ contentDir, compounds });

describe('ranking', () => {
  it('weights headings and alternate questions above the body', () => {
    const nl = vision.languages.nl;
    const ranked = rank(nl, nl.analyzer.words('scholing'));
    expect(ranked[0]!.passage.section.id).toBe('scholing');
    // "cursus" occurs only in an alternate question of that section.
    expect(rank(nl, nl.analyzer.words('cursus'))[0]!.passage.section.id).toBe('scholing');
  });

  it('finds a section through a synonym and through compound parts', () => {
    const nl = vision.languages.nl;
    expect(rank(nl, nl.analyzer.words('Hoe zit het met de bescherming van gegevens?'))[0]!.passage.section.id).toBe(
      'privacy',
    );
    expect(rank(nl, nl.analyzer.words('Gaan er banen verloren?'))[0]!.passage.section.id).toBe('werk');
  });
});

describe('coverage', () => {
  it('counts a word whose stem is one of its own compound parts instead of turning the share into NaN', () => {
    const nl = vision.languages.nl;
    const word = { surface: 'mogelijkheden', stem: 'mogelijk', terms: ['mogelijk'], parts: ['mogelijk'] };
    const passage = nl.passages[0]!;
    const share = coverage(nl, [word], passage);
    expect(Number.isFinite(share)).toBe(true);
    expect(share).toBe(passage.terms.has('mogelijk') ? 1 : 0);
  });
});
