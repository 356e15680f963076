import { wordRanking } from '../../../src/vision/ask.js';
import { loadVision } from '../../../src/vision/index.js';
import { candidateFeatures, featureNames, questionType } from '../../../src/vision/rerank/features.js';

const vision = loadVision({ reranker: null });
const contact = 'het AI- en privacyteam';

/** The candidates of a question as the re-ranker gets them: section id with its features. */
function candidatesOf(question: string, k = 5) {
  const q = wordRanking(vision, question, { contact });
  if (q.done) throw new Error('an intent');
  return candidateFeatures(q, q.ranked, k).map((features, i) => ({ id: q.ranked[i]!.passage.section.id, features }));
}

describe('question type', () => {
  it.each([
    ['Waarom heeft de gemeente een AI-visie?', 'waarom'],
    ['Why does the council have an AI vision?', 'waarom'],
    ['Mag ik ChatGPT gebruiken voor een brief?', 'mag'],
    ['Is het toegestaan om Copilot te gebruiken?', 'mag'],
    ['Wie is verantwoordelijk voor een algoritme?', 'wie'],
    ['Hoe gaat de gemeente om met privacy?', 'hoe'],
    ['Kun je AI vertrouwen?', 'kan'],
    ['Moet ik AI-output controleren?', 'moet'],
    ['Welke kernwaarden zijn er?', 'welke'],
    ['What is AI?', 'wat'],
    ['  "Wat is AI?"', 'wat'],
    ['Is AI duurzaam?', 'janee'],
    ['Wanneer geldt de AI-verordening?', 'anders'],
    ['definitie ai', 'trefwoord'],
  ])('%s is %s', (text, type) => {
    expect(questionType(text)).toBe(type);
  });
});

describe('candidate features', () => {
  it('give every feature of each candidate, a finite number, for at most the candidates asked', () => {
    const list = candidatesOf('Hoe gaat de gemeente om met privacy?', 3);
    expect(list).toHaveLength(3);
    for (const { features } of list) {
      expect(Object.keys(features).sort()).toEqual([...featureNames].sort());
      for (const name of featureNames) expect(Number.isFinite(features[name])).toBe(true);
    }
    expect(list.map((c) => c.features.first)).toEqual([1, 0, 0]);
    expect(list[0]!.features.relScore).toBe(1);
    expect(list[1]!.features.lead).toBeLessThanOrEqual(0);
  });

  it('see a heading that asks what the question asks', () => {
    const whatIs = candidatesOf('Wat is AI?').find((c) => c.id === 'wat-is-ai')!;
    expect(whatIs.features.headingMatch).toBe(1);
    expect(whatIs.features.typeInHeading).toBe(1);
    expect(whatIs.features['type:wat']).toBe(1);
    expect(whatIs.features['type:waarom']).toBe(0);
    expect(whatIs.features.fieldHeading).toBeGreaterThan(0);
    const why = candidatesOf('Waarom AI voor de gemeente?').find((c) => c.id === 'waarom-ai')!;
    expect(why.features.typeInHeading).toBe(1);
  });

  it('find the nearest alternate question: one asked as the editor wrote it is a full match', () => {
    // An alternate question of "Wat is AI" in content/visie.nl.md (not a question of any evaluation set).
    const list = candidatesOf('Wat houdt AI in?');
    const whatIs = list.find((c) => c.id === 'wat-is-ai')!;
    expect(whatIs.features.nearestQuestion).toBe(1);
    expect(whatIs.features.nearestRecall).toBe(1);
    for (const other of list.filter((c) => c.id !== 'wat-is-ai'))
      expect(other.features.nearestQuestion).toBeLessThan(1);
  });

  it('mark the kind of section: its level and whether it is a parent of parts', () => {
    const list = candidatesOf('Wat zijn de kernwaarden van de gemeente bij AI?');
    const parent = list.find((c) => c.id === 'kernwaarden');
    expect(parent?.features.parent).toBe(1);
    expect(parent?.features.level2).toBe(1);
    const child = candidatesOf('Wat betekent nuchterheid?').find((c) => c.id === 'nuchterheid')!;
    expect(child.features.level3).toBe(1);
    expect(child.features['type:wat*level3']).toBe(1);
    expect(child.features.parent).toBe(0);
  });
});
