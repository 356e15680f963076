import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { srcDir } from '../../paths.js';
import { VisionContentError } from '../document.js';
import { featureNames, type Features, type FeatureName } from './names.js';

export const rerankModelPath = join(srcDir, 'vision', 'generated', 'reranker.json');
/** How messages name it: relative to src/vision, like the content files. */
const modelFile = 'generated/reranker.json';

const finite = z.number().finite();

/**
 * The learned re-ranker (`npm run eval -- --train`): a logistic regression that gives each of the best `candidates`
 * sections of the word ranking the probability that it is a right section for the question (out-of-scope questions
 * train as all wrong). The engine orders those candidates by it and answers when the best one's probability reaches
 * `answer`. Features are standardised with the mean and scale they were trained with.
 */
export const rerankModelSchema = z
  .object({
    version: z.literal(1),
    /** What it was trained on (sets and counts): tuning sets only. */
    trainedOn: z
      .object({
        sets: z.array(z.string().min(1)).min(1),
        questions: z.number().int().positive(),
        candidates: z.number().int().positive(),
      })
      .strict(),
    candidates: z.number().int().min(1).max(20),
    l2: z.number().min(0),
    features: z
      .array(z.enum(featureNames))
      .min(1)
      .refine((names) => new Set(names).size === names.length, 'een kenmerk staat er twee keer in'),
    mean: z.array(finite),
    scale: z.array(finite.positive()),
    weights: z.array(finite),
    bias: finite,
    /** Answer when the best candidate's probability is at least this (chosen on the answer curve of the tuning sets). */
    answer: z.number().min(0).max(1),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const key of ['mean', 'scale', 'weights'] as const)
      if (m[key].length !== m.features.length)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${m[key].length} getallen voor ${m.features.length} kenmerken`,
        });
  });

export type RerankModel = z.infer<typeof rerankModelSchema>;

/** Validates a re-ranker; a broken one is refused with a VisionContentError that names the field. */
export function parseRerankModel(json: unknown, file = modelFile): RerankModel {
  const result = rerankModelSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new VisionContentError(
    file,
    1,
    `veld '${issue.path.join('.') || '(bestand)'}': ${issue.message}; train opnieuw met npm run eval -- --train`,
  );
}

/** Reads and validates the trained re-ranker; a missing or broken file is refused (the engine does not guess). */
export function loadRerankModel(path = rerankModelPath): RerankModel {
  const file = path === rerankModelPath ? modelFile : (path.split(/[\\/]/).pop() ?? path);
  if (!existsSync(path))
    throw new VisionContentError(file, 1, 'bestand niet gevonden; train het met npm run eval -- --train');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new VisionContentError(
      file,
      1,
      `geen geldige JSON (${(error as Error).message.split('\n')[0]}); train opnieuw met npm run eval -- --train`,
    );
  }
  return parseRerankModel(json, file);
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's input: a candidate's features in the model's order, standardised. */
export function standardised(model: Pick<RerankModel, 'features' | 'mean' | 'scale'>, features: Features): number[] {
  return model.features.map((name: FeatureName, i) => (features[name] - model.mean[i]!) / model.scale[i]!);
}

/** The probability that a candidate section is right for its question. */
export function probability(model: RerankModel, features: Features): number {
  const x = standardised(model, features);
  return sigmoid(x.reduce((s, xi, i) => s + xi * model.weights[i]!, model.bias));
}
