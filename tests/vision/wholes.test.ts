import { askExtractive, loadVision } from '../../src/vision/index.js';
import { introduced, sentences } from '../../src/vision/quotes.js';
import { childrenOf } from '../../src/vision/wholes.js';

const vision = loadVision();
const options = { contact: 'het AI-team' };
const sectionOf = (lang: 'nl' | 'en', id: string) => vision.languages[lang].document.sections.find((s) => s.id === id)!;
const childIds = (lang: 'nl' | 'en', id: string) =>
  childrenOf(
    vision.languages[lang],
    vision.languages[lang].passages.find((p) => p.section.id === id)!,
  ).map((p) => p.section.id);

describe('sections have parents', () => {
  it('finds the direct children of a section from the heading levels', () => {
    expect(childIds('nl', 'kernwaarden')).toEqual([
      'nuchterheid',
      'controle-op-technologie',
      'rechtvaardigheid',
      'duurzaamheid',
      'privacy',
    ]);
    expect(childIds('en', 'uitgangspunten')).toHaveLength(8);
    expect(childIds('nl', 'nuchterheid')).toEqual([]);
    expect(childIds('nl', 'wetgeving-en-richtlijnen')).toEqual([]);
  });

  it.each([
    ['nl', 'Wat zijn de kernwaarden?', 'kernwaarden'],
    ['nl', 'Welke uitgangspunten zijn er?', 'uitgangspunten'],
    ['en', 'What are the core values?', 'kernwaarden'],
    ['en', 'Which principles are there?', 'uitgangspunten'],
  ] as const)(
    'answers a question about a whole (%s: %s) with each part and its first sentence, quoted and cited',
    (lang, question, parent) => {
      const result = askExtractive(vision, question, options);
      expect(result.outcome).toBe('answer');
      expect(result.language).toBe(lang);
      const [intro, ...parts] = result.citations;
      expect(intro!.sectionId).toBe(parent);
      // The line that introduces the parts ends in a colon and is the parent's own text.
      expect(intro!.quote.trimEnd().endsWith(':')).toBe(true);
      expect(sectionOf(lang, parent).body).toContain(intro!.quote);
      expect(parts.map((c) => c.sectionId)).toEqual(childIds(lang, parent));
      for (const part of parts) {
        const section = sectionOf(lang, part.sectionId);
        expect(part.heading).toBe(section.heading);
        const first = sentences(section.body)[0]!;
        expect(part.quote).toBe(section.body.slice(first.start, first.end));
        expect(result.answer).toContain(`- ${part.heading}: ${part.quote}`);
      }
      expect(result.link).toBe(`/tab/#visie/${parent}`);
    },
  );

  it('answers a question about one part with that part, not the list', () => {
    const result = askExtractive(vision, 'Wat is nuchterheid?', options);
    expect(result.outcome).toBe('answer');
    expect(result.citations.map((c) => c.sectionId)).toEqual(['nuchterheid']);
  });
});

describe('a quote that ends in a colon', () => {
  it('carries the list it introduces, every item, or else the next sentence', () => {
    const body = 'We hanteren deze regels:\n\n- Eerst denken. Dan doen.\n- Altijd controleren.\n\nEen nieuwe alinea.';
    const list = sentences(body);
    const end = introduced(body, list, 0);
    expect(body.slice(list[0]!.start, list[end]!.end)).toBe(
      'We hanteren deze regels:\n\n- Eerst denken. Dan doen.\n- Altijd controleren.',
    );
    const prose = 'Het komt hierop neer: Wij kiezen bewust. Verder niets.';
    const proseList = sentences(prose);
    expect(proseList.map((s) => prose.slice(s.start, s.end))[0]).toBe('Het komt hierop neer: Wij kiezen bewust.');
    const colon = 'Dit is de kern:\nWe kiezen bewust. Verder niets.';
    const colonList = sentences(colon);
    expect(colon.slice(colonList[0]!.start, colonList[introduced(colon, colonList, 0)]!.end)).toBe(
      'Dit is de kern:\nWe kiezen bewust.',
    );
    const plain = sentences('Een zin. Nog een.');
    expect(introduced('Een zin. Nog een.', plain, 0)).toBe(0);
  });

  it('also in English', () => {
    const body = 'We apply these principles:\n\n- Think first.\n- Check always.';
    const list = sentences(body);
    expect(body.slice(list[0]!.start, list[introduced(body, list, 0)]!.end)).toBe(body);
  });
});
