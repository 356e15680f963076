import { askExtractive, explainRanking, loadVision } from '../../../src/vision/index.js';
import { loadRerankModel, type RerankModel } from '../../../src/vision/rerank/model.js';

const contact = 'het AI- en privacyteam';
const shipped = loadRerankModel();
const plain = loadVision({ reranker: null });

/** A model of one feature: its weight and bias decide, so what the engine does with it is plain to see. */
function oneFeature(feature: RerankModel['features'][number], weight: number, bias: number, answer = 0.5): RerankModel {
  return { ...shipped, features: [feature], mean: [0], scale: [1], weights: [weight], bias, answer };
}

describe('the engine with the re-ranker', () => {
  it('loads the shipped model with the vision', () => {
    expect(loadVision().reranker).toEqual(shipped);
  });

  it('orders the best candidates by the model: one that prefers what the words put second puts it first', () => {
    const question = 'Hoe gaat de gemeente om met privacy?';
    const words = explainRanking(plain, question).sections.map((s) => s.sectionId);
    const contrary = loadVision({ reranker: oneFeature('first', -5, 0) });
    const reordered = explainRanking(contrary, question).sections.map((s) => s.sectionId);
    expect(reordered[0]).toBe(words[1]);
    expect(reordered.slice(0, 5).sort()).toEqual(words.slice(0, 5).sort());
  });

  it('answers only when the best section is likely right: a model that doubts every section turns answers into suggestions', () => {
    const question = 'Wat is AI?';
    expect(askExtractive(plain, question, { contact }).outcome).toBe('answer');
    const sure = loadVision({ reranker: oneFeature('first', 0, 5) });
    expect(askExtractive(sure, question, { contact }).outcome).toBe('answer');
    const doubtful = loadVision({ reranker: oneFeature('first', 0, -5) });
    const result = askExtractive(doubtful, question, { contact });
    expect(result.outcome).toBe('suggest');
    expect(result.suggestions?.[0]?.sectionId).toBe('wat-is-ai');
  });

  it('leaves out-of-scope and small talk to the rules before it', () => {
    const sure = loadVision({ reranker: oneFeature('first', 0, 10) });
    expect(askExtractive(sure, 'Hoe hoog is de Martinitoren?', { contact }).outcome).toBe('abstain');
    expect(askExtractive(sure, 'Dankjewel!', { contact }).intent).toBeDefined();
  });
});
