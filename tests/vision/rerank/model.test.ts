import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featureNames, type Features } from '../../../src/vision/rerank/features.js';
import {
  loadRerankModel,
  parseRerankModel,
  probability,
  rerankModelPath,
  type RerankModel,
} from '../../../src/vision/rerank/model.js';
import { fit, loss, type Example } from '../../../src/vision/rerank/train.js';
import { contentErrorOf } from '../../helpers/content-error.js';

const dir = mkdtempSync(join(tmpdir(), 'vision-rerank-'));
const zero = Object.fromEntries(featureNames.map((n) => [n, 0])) as Features;
const shipped = JSON.parse(readFileSync(rerankModelPath, 'utf8')) as RerankModel;

/** A toy set: the right candidate covers more of the question; a little noise so the classes overlap. */
function toy(): Example[] {
  const examples: Example[] = [];
  for (let g = 0; g < 40; g++)
    for (let c = 0; c < 4; c++) {
      const right = c === g % 4;
      const noise = ((g * 7 + c * 13) % 10) / 25;
      examples.push({
        group: g,
        right,
        features: { ...zero, coverage: (right ? 0.7 : 0.3) + noise, first: c === 0 ? 1 : 0 },
      });
    }
  return examples;
}

function write(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

describe('the re-ranker model', () => {
  it('is trained: fitting lowers the loss on a toy set and ranks the right candidates first', () => {
    const examples = toy();
    const features = ['coverage', 'first'] as const;
    const untrained = { l2: 0.01, features: [...features], mean: [0, 0], scale: [1, 1], weights: [0, 0], bias: 0 };
    const fitted = fit(examples, { features, l2: 0.01 });
    expect(loss(fitted, examples)).toBeLessThan(loss(untrained, examples) - 0.2);
    expect(fitted.weights[0]).toBeGreaterThan(0);
    const model = {
      ...fitted,
      version: 1,
      trainedOn: { sets: ['toy'], questions: 40, candidates: 160 },
      candidates: 4,
      answer: 0.5,
    } as RerankModel;
    let firstRight = 0;
    for (let g = 0; g < 40; g++) {
      const group = examples.filter((e) => e.group === g);
      const best = group.reduce((a, b) => (probability(model, b.features) > probability(model, a.features) ? b : a));
      if (best.right) firstRight++;
    }
    expect(firstRight).toBeGreaterThanOrEqual(36);
  });

  it('penalises weights: a larger L2 gives smaller weights', () => {
    const examples = toy();
    const loose = fit(examples, { features: ['coverage'], l2: 0.001 });
    const tight = fit(examples, { features: ['coverage'], l2: 1 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });

  it('ships validated, trained on the tuning sets only', () => {
    const model = loadRerankModel();
    expect(model.features.length).toBe(model.weights.length);
    expect(model.answer).toBeGreaterThan(0);
    expect(model.answer).toBeLessThan(1);
    expect(model.trainedOn.sets.join(' ')).not.toMatch(/validation2|validation3|heldout4|\(test\)/);
    expect(probability(model, zero)).toBeGreaterThan(0);
  });

  it('refuses a file that is no JSON, naming the file', () => {
    const error = contentErrorOf(() => loadRerankModel(write('broken.json', '{ "version": 1,')));
    expect(error.file).toBe('broken.json');
    expect(error.problem).toMatch(/geen geldige JSON.*npm run eval -- --train/);
  });

  it('refuses a missing file rather than guessing', () => {
    const error = contentErrorOf(() => loadRerankModel(join(dir, 'none.json')));
    expect(error.problem).toMatch(/bestand niet gevonden/);
  });

  it.each([
    ['weights of another length', { ...shipped, weights: shipped.weights.slice(1) }, /weights.*getallen voor/],
    ['an unknown feature', { ...shipped, features: ['shoeSize', ...shipped.features.slice(1)] }, /features\.0/],
    ['a feature twice', { ...shipped, features: [shipped.features[1], ...shipped.features.slice(1)] }, /twee keer/],
    ['a scale of 0', { ...shipped, scale: [0, ...shipped.scale.slice(1)] }, /scale\.0/],
    ['an answer threshold above 1', { ...shipped, answer: 1.5 }, /answer/],
    ['an extra field', { ...shipped, extra: true }, /extra|Unrecognized/i],
  ])('refuses %s, naming the field', (_, json, problem) => {
    const error = contentErrorOf(() => parseRerankModel(json));
    expect(error.file).toBe('generated/reranker.json');
    expect(error.problem).toMatch(problem);
    expect(() => loadRerankModel(write('bad.json', json))).toThrow(problem);
  });
});
