import { Analyzer, presentToInfinitive } from '../../src/vision/analysis/analyzer.js';
import { splitCompound } from '../../src/vision/analysis/compounds.js';
import { fold } from '../../src/vision/analysis/fold.js';
import { tokenize } from '../../src/vision/analysis/tokenize.js';
import { loadLexicon } from '../../src/vision/lexicon.js';

const lexicon = loadLexicon();

describe('folding and tokenising', () => {
  it('folds diacritics, the ij ligature and case', () => {
    expect(fold('Technologieën, efficiënte CREËREN')).toBe('technologieen, efficiente creeren');
    expect(fold('ĳsselmeer')).toBe('ijsselmeer');
    expect(fold('collega’s')).toBe("collega's");
  });

  it('keeps hyphenated compounds whole and in parts', () => {
    expect(tokenize('de ai-visie')).toEqual([
      { word: 'de', parts: ['de'] },
      { word: 'ai-visie', parts: ['ai', 'visie'] },
    ]);
    expect(tokenize(fold('AI‑toepassingen'))[0]!.parts).toEqual(['ai', 'toepassingen']);
  });
});

describe('Dutch analyzer', () => {
  const nl = new Analyzer('nl', lexicon, { gegevensbescherming: ['gegevens', 'bescherming'] });

  it('keeps a Snowball stopword that the lexicon names as a topic word', () => {
    expect(new Analyzer('en', lexicon).words('Why AI?').map((w) => w.surface)).toEqual(['why', 'ai']);
    const plain = { ...lexicon, topicWords: { nl: [], en: [] } };
    expect(new Analyzer('en', plain).words('Why AI?').map((w) => w.surface)).toEqual(['ai']);
  });

  it('drops stopwords and stems with Snowball', () => {
    const words = nl.words('Wat zijn de toepassingen van het algoritme?');
    expect(words.map((w) => w.surface)).toEqual(['toepassingen', 'algoritme']);
    expect(nl.words('toepassing')[0]!.stem).toBe(words[0]!.stem);
  });

  it('finds a hyphenated word by its whole form and by its parts', () => {
    const terms = nl.terms('de AI-visie');
    expect(terms).toEqual(expect.arrayContaining(nl.terms('aivisie')));
    expect(terms).toEqual(expect.arrayContaining(nl.terms('visie')));
  });

  it('adds the parts of a precomputed compound', () => {
    const [word] = nl.words('gegevensbescherming');
    expect(word!.parts).toEqual([nl.stem('gegevens'), nl.stem('bescherming')]);
    expect(word!.terms).toEqual(expect.arrayContaining(nl.terms('bescherming')));
  });

  it('maps synonyms, also phrases of several words, to one group term', () => {
    for (const text of ['KI', 'kunstmatige intelligentie', 'artificiële intelligentie', 'AI'])
      expect(nl.terms(text)).toContain('=ai');
    expect(nl.terms('AI-verordening')).toContain('=ai-act');
    expect(nl.terms('de AI Act')).toContain('=ai-act');
    expect(nl.terms('een DPIA')).toEqual(
      expect.arrayContaining(nl.terms('gegevensbeschermingseffectbeoordeling').filter((t) => t.startsWith('='))),
    );
    expect(nl.terms('cursus')).toContain('=training');
    expect(nl.terms('opleiding')).toContain('=training');
    expect(nl.terms('banen')).toContain('=werk');
    expect(nl.terms('programma')).toContain('=tool');
    expect(nl.terms('intelligentie')).not.toContain('=ai');
  });

  it('splits unknown query compounds only into words the vision uses', () => {
    const analyzer = new Analyzer('nl', lexicon, {});
    analyzer.useVocabulary(new Set(['privacy', 'regels']));
    expect(analyzer.words('privacyregels')[0]!.parts).toEqual([analyzer.stem('privacy'), analyzer.stem('regels')]);
    expect(analyzer.words('parkeervergunning')[0]!.parts).toEqual([]);
  });

  it('also splits a query compound into other forms of words the vision uses', () => {
    const analyzer = new Analyzer('nl', lexicon, {});
    // The vision writes "verbeteren" and "proces", never "verbetering".
    analyzer.useVocabulary(new Set(['proces', 'verbeteren']));
    expect(analyzer.words('procesverbetering')[0]!.parts).toEqual([
      analyzer.stem('proces'),
      analyzer.stem('verbetering'),
    ]);
    expect(analyzer.stem('verbetering')).toBe(analyzer.stem('verbeteren'));
  });

  it('matches a phrase with up to two stopwords between its words', () => {
    const analyzer = new Analyzer('nl', lexicon, {});
    expect(analyzer.terms('wat verstaan we eigenlijk onder AI')).toContain('=definitie');
    expect(analyzer.terms('wat verstaan we er bij ons allemaal nog onder')).not.toContain('=definitie');
  });

  it('lets a stopword inside a synonym phrase stand for the phrase only', () => {
    const analyzer = new Analyzer('nl', lexicon, {});
    const inWord = analyzer.words('houden we de touwtjes in handen').find((w) => w.surface === 'in');
    expect(inWord?.terms).toEqual(['=controle']);
  });

  it('drops the frame of a question: "houden we daar rekening mee", "let de gemeente erop"', () => {
    const analyzer = new Analyzer('nl', lexicon, {});
    expect(analyzer.words('houden we daar rekening mee?').map((w) => w.surface)).toEqual([]);
    expect(analyzer.words('let de gemeente erop wat welke regels gelden').map((w) => w.surface)).toEqual(['regels']);
  });
});

describe('compound splitting', () => {
  const words = new Set([
    'gegevens',
    'gegeven',
    'bescherming',
    'effect',
    'beoordeling',
    'privacy',
    'gevoelig',
    'mens',
    'lijke',
    'data',
    'huishouding',
  ]);
  const isWord = (w: string) => words.has(w);

  it('takes the fewest parts, with linking -s-', () => {
    expect(splitCompound('gegevensbescherming', isWord)).toEqual(['gegevens', 'bescherming']);
    expect(splitCompound('gegevensbeschermingseffectbeoordeling', isWord)).toEqual([
      'gegevens',
      'bescherming',
      'effect',
      'beoordeling',
    ]);
  });

  it('allows an inflected final part and refuses derivational endings', () => {
    expect(splitCompound('privacygevoelige', isWord)).toEqual(['privacy', 'gevoelige']);
    expect(splitCompound('menselijke', isWord)).toBeUndefined();
    expect(splitCompound('datahuishouding', isWord)).toEqual(['data', 'huishouding']);
    expect(splitCompound('kort', isWord)).toBeUndefined();
  });

  it('uses only parts that may open and close a compound when told which may (OpenTaal compound flags)', () => {
    // "part" may only close a compound in OpenTaal, "ijen" is no word: "partijen" stays whole.
    const list = new Set(['part', 'ijen', 'kern', 'waarde', 'bedrijf', 'technologie']);
    const begin = new Set(['kern', 'technologie']);
    const end = new Set(['part', 'waarde', 'bedrijf']);
    const options = { canBegin: (w: string) => begin.has(w), canEnd: (w: string) => end.has(w) };
    expect(splitCompound('partijen', (w) => list.has(w), options)).toBeUndefined();
    expect(splitCompound('kernwaarden', (w) => list.has(w), options)).toEqual(['kern', 'waarden']);
    // A plural whose stem changes: bedrijven -> bedrijf.
    expect(splitCompound('technologiebedrijven', (w) => list.has(w), options)).toEqual(['technologie', 'bedrijven']);
  });

  it('leaves a "word" longer than any compound in use whole (a pasted string of letters is no compound)', () => {
    const looked: string[] = [];
    const counting = (w: string) => (looked.push(w), isWord(w));
    expect(splitCompound('gegevens'.repeat(5) + 'x', counting)).toBeUndefined();
    expect(looked).toEqual([]);
    expect(splitCompound('gegevensbescherming'.repeat(2), isWord)).toEqual([
      'gegevens',
      'bescherming',
      'gegevens',
      'bescherming',
    ]);
    expect(splitCompound('gegevensbescherming'.repeat(3), isWord)).toBeUndefined();
    expect(splitCompound('gegevensbescherming'.repeat(3), isWord, { maxWord: 60 })).toHaveLength(6);
  });
});

describe('English analyzer', () => {
  const en = new Analyzer('en', lexicon, {});
  it('stems English and maps English synonyms', () => {
    expect(en.words('the trainings')[0]!.stem).toBe(en.stem('training'));
    expect(en.terms('GDPR')).toContain('=avg');
    expect(en.terms('artificial intelligence')).toContain('=ai');
  });
});

describe('present-tense verbs the stemmer leaves apart from their infinitive', () => {
  it('gives the infinitive of a -t form, long vowels and f/v handled', () => {
    expect(presentToInfinitive('leert')).toBe('leren');
    expect(presentToInfinitive('benadeelt')).toBe('benadelen');
    expect(presentToInfinitive('overneemt')).toBe('overnemen');
    expect(presentToInfinitive('stopt')).toBe('stoppen');
    expect(presentToInfinitive('verandert')).toBe('veranderen');
    expect(presentToInfinitive('geeft')).toBe('geven');
    expect(presentToInfinitive('kost')).toBeUndefined();
    expect(presentToInfinitive('budget')).toBeUndefined();
  });

  it('lets a question verb the vision never writes in that form match its infinitive', () => {
    const analyzer = new Analyzer('nl', lexicon);
    analyzer.useVocabulary(new Set(['leren']));
    const [word] = analyzer.words('leert');
    expect(word?.terms).toContain(analyzer.stem('leren'));
  });
});

describe('compound splitting keeps derivational endings on their word', () => {
  it('does not split off -heden or -lende', () => {
    const words = new Set(['mogelijk', 'heden', 'verschil', 'lende', 'werkzaam']);
    expect(splitCompound('mogelijkheden', (w) => words.has(w))).toBeUndefined();
    expect(splitCompound('verschillende', (w) => words.has(w))).toBeUndefined();
  });
});
