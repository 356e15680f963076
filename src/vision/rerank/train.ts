import { featureNames, type FeatureName, type Features } from './features.js';
import { sigmoid, type RerankModel } from './model.js';

/** One candidate section of one question, labelled: whether it is a right section. */
export interface Example {
  /** The question it belongs to (for cross-validation by question). */
  group: number;
  features: Features;
  right: boolean;
}

export interface FitOptions {
  features?: readonly FeatureName[];
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  rounds?: number;
}

/** The mean log loss of a model on examples, with its L2 penalty: what fit() lowers. */
export function loss(
  model: Pick<RerankModel, 'features' | 'mean' | 'scale' | 'weights' | 'bias' | 'l2'>,
  examples: Example[],
): number {
  const eps = 1e-12;
  let sum = 0;
  for (const e of examples) {
    const z = model.features.reduce(
      (s, name, i) => s + ((e.features[name] - model.mean[i]!) / model.scale[i]!) * model.weights[i]!,
      model.bias,
    );
    const p = sigmoid(z);
    sum -= e.right ? Math.log(p + eps) : Math.log(1 - p + eps);
  }
  const penalty = (model.l2 / 2) * model.weights.reduce((s, w) => s + w * w, 0);
  return sum / Math.max(1, examples.length) + penalty;
}

/**
 * Logistic regression by full-batch gradient descent with Adam steps on standardised features (a feature that never
 * varies gets scale 1 and so weight 0). Deterministic: weights start at 0.
 */
export function fit(
  examples: Example[],
  options: FitOptions,
): Omit<RerankModel, 'version' | 'trainedOn' | 'candidates' | 'answer'> {
  const names = [...(options.features ?? featureNames)];
  const n = examples.length;
  if (n === 0) throw new Error('fit: geen voorbeelden');
  const rows = examples.map((e) => names.map((name) => e.features[name]));
  const mean = names.map((_, j) => rows.reduce((s, r) => s + r[j]!, 0) / n);
  const scale = names.map((_, j) => {
    const sd = Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / n);
    return sd > 1e-9 ? sd : 1;
  });
  const x = rows.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const y = examples.map((e) => (e.right ? 1 : 0));
  const d = names.length;
  const w = new Array<number>(d + 1).fill(0); // the last one is the bias
  const m = new Array<number>(d + 1).fill(0);
  const v = new Array<number>(d + 1).fill(0);
  const [rate, beta1, beta2] = [0.05, 0.9, 0.999];
  const rounds = options.rounds ?? 600;
  for (let t = 1; t <= rounds; t++) {
    const grad = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      let z = w[d]!;
      for (let j = 0; j < d; j++) z += w[j]! * xi[j]!;
      const err = sigmoid(z) - y[i]!;
      for (let j = 0; j < d; j++) grad[j]! += err * xi[j]!;
      grad[d]! += err;
    }
    for (let j = 0; j <= d; j++) {
      const g = grad[j]! / n + (j < d ? options.l2 * w[j]! : 0);
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      const mh = m[j]! / (1 - beta1 ** t);
      const vh = v[j]! / (1 - beta2 ** t);
      w[j]! -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { l2: options.l2, features: names, mean, scale, weights: w.slice(0, d), bias: w[d]! };
}
