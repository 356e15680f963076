import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { srcDir } from '../../paths.js';
import { normalise } from '../../quickcheck/normalise.js';

/**
 * A small learned router for what the rules leave to the vision by default: multinomial logistic regression over the
 * words of a message (cut to their first six letters, so that "scannen", "scant" and "scanned" meet), their pairs,
 * and the signals the rules compute (see signals in route.ts). Trained on tests/app/eval/router-dev*.yaml by
 * `npm run router:train`, which writes generated/router-model.json; never on a held-out set.
 */
export const routeClasses = ['vision', 'check', 'scan', 'intent'] as const;
export type RouteClass = (typeof routeClasses)[number];

export const routerModelSchema = z.strictObject({
  version: z.literal(1),
  /** Where the weights come from (the training sets and their size), for the record. */
  trainedOn: z.string(),
  classes: z.tuple([z.literal('vision'), z.literal('check'), z.literal('scan'), z.literal('intent')]),
  bias: z.array(z.number()).length(4),
  /** How sure the model must be before it overrides the rules' default (the vision); chosen by cross-validation. */
  threshold: z.number().min(0).max(1),
  /** Per feature, one weight per class (features absent from the map weigh nothing). */
  weights: z.record(z.string(), z.array(z.number()).length(4)),
});
export type RouterModel = z.infer<typeof routerModelSchema>;

const stem = (word: string) => word.slice(0, 6);

/** The features of a message: words, word pairs, and the rules' signals (prefixed `#`). */
export function features(message: string, signals: string[]): string[] {
  const words = normalise(message).split(' ').filter(Boolean).map(stem);
  const pairs = words.slice(1).map((w, i) => `${words[i]}_${w}`);
  const length = words.length <= 3 ? '#short' : words.length <= 12 ? '#medium' : '#long';
  return [...new Set([...words, ...pairs, ...signals.map((s) => `#${s}`), length])];
}

function softmax(scores: number[]): number[] {
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The probability of each class for a message's features. */
export function classify(model: RouterModel, featureList: string[]): Record<RouteClass, number> {
  const scores = [...model.bias];
  for (const f of featureList) {
    const w = model.weights[f];
    if (w) for (let c = 0; c < 4; c++) scores[c]! += w[c]!;
  }
  const p = softmax(scores);
  return { vision: p[0]!, check: p[1]!, scan: p[2]!, intent: p[3]! };
}

/** Trains the weights (Adagrad on the log loss, L2 to keep rare words from deciding). Deterministic: no shuffling. */
export function train(
  examples: { features: string[]; label: RouteClass }[],
  options: { epochs?: number; rate?: number; l2?: number; trainedOn: string; threshold?: number },
): RouterModel {
  const epochs = options.epochs ?? 40;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 0.001;
  const weights = new Map<string, number[]>();
  const history = new Map<string, number[]>();
  const bias = [0, 0, 0, 0];
  const biasHistory = [1e-8, 1e-8, 1e-8, 1e-8];
  const get = (m: Map<string, number[]>, f: string, init: number) => {
    let v = m.get(f);
    if (!v) m.set(f, (v = [init, init, init, init]));
    return v;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const example of examples) {
      const scores = [...bias];
      for (const f of example.features) {
        const w = weights.get(f);
        if (w) for (let c = 0; c < 4; c++) scores[c]! += w[c]!;
      }
      const p = softmax(scores);
      const target = routeClasses.indexOf(example.label);
      for (let c = 0; c < 4; c++) {
        const gradient = p[c]! - (c === target ? 1 : 0);
        biasHistory[c]! += gradient * gradient;
        bias[c]! -= (rate * gradient) / Math.sqrt(biasHistory[c]!);
        for (const f of example.features) {
          const w = get(weights, f, 0);
          const h = get(history, f, 1e-8);
          const g = gradient + l2 * w[c]!;
          h[c]! += g * g;
          w[c]! -= (rate * g) / Math.sqrt(h[c]!);
        }
      }
    }
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const kept = [...weights.entries()]
    .filter(([, w]) => w.some((x) => Math.abs(x) >= 0.001))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    version: 1,
    trainedOn: options.trainedOn,
    classes: [...routeClasses],
    bias: bias.map(round),
    threshold: options.threshold ?? 0.7,
    weights: Object.fromEntries(kept.map(([f, w]) => [f, w.map(round)])),
  };
}

let loaded: RouterModel | null | undefined;

/** The trained model shipped with the app (generated/router-model.json), or null when there is none: rules only. */
export function shippedRouterModel(): RouterModel | null {
  if (loaded !== undefined) return loaded;
  const file = join(srcDir, 'app', 'front-door', 'generated', 'router-model.json');
  loaded = existsSync(file) ? routerModelSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : null;
  return loaded;
}
