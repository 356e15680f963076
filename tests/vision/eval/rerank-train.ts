/**
 * `npm run eval -- --train [--cv]`: trains the learned re-ranker (src/vision/rerank/) on the tuning sets only (the
 * dev half of questions.yaml, own-questions.yaml and both halves of validation-questions.yaml; never a held-out set)
 * and writes src/vision/generated/reranker.json. With --cv it prints, 5-fold cross-validated by question, each
 * feature set and L2 penalty tried (top section right, log loss, the answer curve of the out-of-fold probabilities)
 * beside the threshold rule of settings.yaml, and writes nothing.
 *
 * The configuration is the one with the lowest out-of-fold log loss (`chosen` below). The answer threshold is chosen
 * on the out-of-fold veto curve (the rule's answers that the model lets through): the highest at which it took away
 * no more right answers than wrong and out-of-scope ones (chooseVeto). With --cv each configuration also shows the
 * model's probability as the decision on its own (the lowest threshold with at most 2.5% wrong answers and 4%
 * out-of-scope answers, with and without the rule's coverage floor), which did worse than the rule.
 */
import { writeFileSync } from 'node:fs';
import { askExtractive, loadVision, type VisionIndex } from '../../../src/vision/index.js';
import { wordRanking } from '../../../src/vision/ask.js';
import { offTopic } from '../../../src/vision/topic.js';
import { candidateFeatures, featureNames, type FeatureName } from '../../../src/vision/rerank/features.js';
import { parseRerankModel, probability, rerankModelPath, type RerankModel } from '../../../src/vision/rerank/model.js';
import { fit, loss, type Example } from '../../../src/vision/rerank/train.js';
import {
  loadOwnQuestions,
  loadQuestions,
  prediction,
  questionsPath,
  validationQuestionsPath,
  type ScoredQuestion,
} from './evaluate.js';

const contact = 'het AI- en privacyteam';
export const candidates = 5;
const folds = 5;

/** The tuning sets, pooled: never a held-out one. */
export async function tuningQuestions(): Promise<ScoredQuestion[]> {
  return [
    ...(await loadQuestions(questionsPath)).filter((q) => q.split === 'dev'),
    ...(await loadOwnQuestions()),
    ...(await loadQuestions(validationQuestionsPath)),
  ];
}

/** A question as the re-ranker meets it: its candidates (word order) with features and labels, or none. */
export interface TrainingQuestion {
  question: ScoredQuestion;
  /** Whether the engine reaches the re-ranker at all (not an intent, words to rank, not out of scope by topic). */
  reaches: boolean;
  examples: Example[];
  /** Whether any right section is among the candidates (the ceiling of re-ranking). */
  rightAmongCandidates: boolean;
}

/** The candidates of each question, labelled, from the engine's own word ranking (ask.ts, wordRanking). */
export function trainingQuestions(
  vision: VisionIndex,
  questions: ScoredQuestion[],
  k = candidates,
): TrainingQuestion[] {
  return questions.map((question, group) => {
    const q = wordRanking(vision, question.question, { contact });
    if (q.done || q.ranked.length === 0 || offTopic(q.index, q.text, q.words, vision.settings.outcome.topic))
      return { question, reaches: false, examples: [], rightAmongCandidates: false };
    const features = candidateFeatures(q, q.ranked, k, vision.settings.outcome.marginWeight);
    const examples = features.map((f, i) => ({
      group,
      features: f,
      right: question.scope === 'in' && question.sections.includes(q.ranked[i]!.passage.section.id),
    }));
    return { question, reaches: true, examples, rightAmongCandidates: examples.some((e) => e.right) };
  });
}

/** Per question, the out-of-fold probability of each candidate (5 folds by question). */
function outOfFold(data: TrainingQuestion[], features: readonly FeatureName[], l2: number): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = data.map(() => undefined);
  for (let f = 0; f < folds; f++) {
    const train = data.filter((_, i) => i % folds !== f).flatMap((d) => d.examples);
    const model = { ...fit(train, { features, l2 }), version: 1, candidates, answer: 1 } as RerankModel;
    data.forEach((d, i) => {
      if (i % folds === f && d.reaches) out[i] = d.examples.map((e) => probability(model, e.features));
    });
  }
  return out;
}

interface CurvePoint {
  threshold: number;
  right: number;
  wrong: number;
  falseAnswers: number;
}

/** The answer curve of probabilities: at each threshold, answered right, wrong answers, out-of-scope answered. */
function curve(
  data: TrainingQuestion[],
  probs: (number[] | undefined)[],
  thresholds: number[],
  coverageFloor = 0,
): CurvePoint[] {
  return thresholds.map((threshold) => {
    const point = { threshold, right: 0, wrong: 0, falseAnswers: 0 };
    data.forEach((d, i) => {
      const p = probs[i];
      if (!p || p.length === 0) return;
      const best = p.indexOf(Math.max(...p));
      if (p[best]! < threshold || d.examples[best]!.features.strictCoverage < coverageFloor) return;
      if (d.question.scope === 'out') point.falseAnswers++;
      else if (d.examples[best]!.right) point.right++;
      else point.wrong++;
    });
    return point;
  });
}

/**
 * The rule's answers that the model lets through: answered when the rule answers and the best candidate's
 * out-of-fold probability reaches the threshold (the rule's own section, as the engine answers).
 */
function vetoCurve(
  data: TrainingQuestion[],
  probs: (number[] | undefined)[],
  rule: ReturnType<typeof prediction>[],
  thresholds: number[],
): CurvePoint[] {
  return thresholds.map((threshold) => {
    const point = { threshold, right: 0, wrong: 0, falseAnswers: 0 };
    data.forEach((d, i) => {
      const p = probs[i];
      if (rule[i]!.outcome !== 'answer' || !p || p.length === 0 || Math.max(...p) < threshold) return;
      if (d.question.scope === 'out') point.falseAnswers++;
      else if (d.question.sections.includes(rule[i]!.sections[0]!)) point.right++;
      else point.wrong++;
    });
    return point;
  });
}

/**
 * The answer threshold: the highest at which each answer it takes away from the rule was, on balance, a wrong one
 * (answered right lost no more than wrong and out-of-scope answers lost): fewest wrong answers at the most right.
 */
function chooseVeto(points: CurvePoint[], rule: CurvePoint): CurvePoint {
  const ok = points.filter((p) => rule.right - p.right <= rule.wrong + rule.falseAnswers - (p.wrong + p.falseAnswers));
  return ok.sort((a, b) => b.threshold - a.threshold)[0] ?? points[0]!;
}

/** The chosen point: the lowest threshold with wrong answers <= 2.5% of in scope and false answers <= 4% of out of scope. */
function choose(points: CurvePoint[], inScope: number, outOfScope: number): CurvePoint {
  const ok = points.filter((p) => p.wrong <= 0.025 * inScope && p.falseAnswers <= 0.04 * outOfScope);
  return (
    ok.sort((a, b) => b.right - a.right || a.wrong + a.falseAnswers - (b.wrong + b.falseAnswers))[0] ?? points.at(-1)!
  );
}

const groups: Record<string, readonly FeatureName[]> = {
  // What the earlier experiment had (issue 15, removed scripts/vision-rerank-cv.ts): scores, coverage, heading match, rank, level, type.
  base: [
    'logScore',
    'relScore',
    'lead',
    'coverage',
    'strictCoverage',
    'headingMatch',
    'first',
    'level1',
    'level3',
    'knownShare',
  ],
  rule: ['confidence', 'confidenceAndCoverage'],
  fields: ['fieldHeading', 'fieldQuestions', 'fieldExamples', 'fieldBody', 'headingCoverage'],
  nearest: ['nearestQuestion', 'nearestExample', 'nearestRecall'],
  kind: ['level2', 'parent', 'typeInHeading', 'inverseWords'],
  type: featureNames.filter((n) => /^type:[a-z]+$/.test(n)),
  crossed: featureNames.filter((n) => n.includes('*')),
};
const configs: Record<string, FeatureName[]> = {
  base: [...groups.base!],
  'base+rule': [...groups.base!, ...groups.rule!],
  'base+rule+nearest': [...groups.base!, ...groups.rule!, ...groups.nearest!],
  'base+rule+fields+nearest': [...groups.base!, ...groups.rule!, ...groups.fields!, ...groups.nearest!],
  'all but crossed+rule': [
    ...groups.base!,
    ...groups.rule!,
    ...groups.fields!,
    ...groups.nearest!,
    ...groups.kind!,
    ...groups.type!,
  ],
  'all but crossed': [...groups.base!, ...groups.fields!, ...groups.nearest!, ...groups.kind!, ...groups.type!],
  all: [...featureNames],
};
const penalties = [0.001, 0.01, 0.03, 0.1];
/** The rule's coverage floor for an answer (settings.yaml outcome.answer.coverage, strict), kept as a gate beside the probability. */
const coverageFloor = 0.45;

/** The chosen configuration (by --cv on the tuning sets); see src/vision/README.md, "Issue 15". */
export const chosen = { config: 'all but crossed+rule', l2: 0.01 };

function ruleCurve(vision: VisionIndex, data: TrainingQuestion[]): CurvePoint {
  const point = { threshold: NaN, right: 0, wrong: 0, falseAnswers: 0 };
  for (const d of data) {
    const p = prediction(askExtractive(vision, d.question.question, { contact }));
    if (p.outcome !== 'answer') continue;
    if (d.question.scope === 'out') point.falseAnswers++;
    else if (d.question.sections.includes(p.sections[0]!)) point.right++;
    else point.wrong++;
  }
  return point;
}

export async function runTrain(args: string[]): Promise<void> {
  const vision = loadVision({ reranker: null });
  const questions = await tuningQuestions();
  const data = trainingQuestions(vision, questions);
  const inScope = questions.filter((q) => q.scope === 'in').length;
  const outOfScope = questions.length - inScope;
  const reaching = data.filter((d) => d.reaches && d.question.scope === 'in');
  const thresholds = Array.from({ length: 90 }, (_, i) => Math.round((0.1 + i * 0.01) * 100) / 100);
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  const row = (p: CurvePoint) =>
    `answered right ${pct(p.right, inScope)} (${p.right}), wrong ${pct(p.wrong, inScope)} (${p.wrong}), out of scope answered ${pct(p.falseAnswers, outOfScope)} (${p.falseAnswers})`;
  const wordTop = reaching.filter((d) => d.examples[0]!.right).length;
  console.log(
    `tuning sets pooled: ${inScope} in scope, ${outOfScope} out of scope; ${reaching.length} in scope reach the re-ranker; ` +
      `right section among the first ${candidates}: ${pct(reaching.filter((d) => d.rightAmongCandidates).length, inScope)}; ` +
      `word order's top right: ${pct(wordTop, inScope)}`,
  );
  console.log(`threshold rule (settings.yaml, chosen on these sets): ${row(ruleCurve(vision, data))}`);
  if (args.includes('--cv')) {
    for (const [name, features] of Object.entries(configs))
      for (const l2 of penalties) {
        const probs = outOfFold(data, features, l2);
        const top = data.filter(
          (d, i) =>
            d.question.scope === 'in' && probs[i] && d.examples[probs[i]!.indexOf(Math.max(...probs[i]!))]!.right,
        ).length;
        let logLoss = 0;
        let n = 0;
        data.forEach((d, i) =>
          d.examples.forEach((e, j) => {
            const p = probs[i]![j]!;
            logLoss -= Math.log(e.right ? p : 1 - p);
            n++;
          }),
        );
        for (const floor of [0, coverageFloor]) {
          const best = choose(curve(data, probs, thresholds, floor), inScope, outOfScope);
          console.log(
            `${name.padEnd(24)} l2 ${String(l2).padEnd(6)} floor ${floor.toFixed(2)} top right ${pct(top, inScope)}  log loss ${(logLoss / n).toFixed(4)}  at ${best.threshold.toFixed(2)}: ${row(best)}`,
          );
        }
      }
    return;
  }
  const features = configs[chosen.config]!;
  const probs = outOfFold(data, features, chosen.l2);
  const rule = data.map((d) => prediction(askExtractive(vision, d.question.question, { contact })));
  const vetoes = vetoCurve(data, probs, rule, thresholds);
  if (args.includes('--curve'))
    for (const p of vetoes.filter((_, i) => i % 5 === 0))
      console.log(`  rule and p >= ${p.threshold.toFixed(2)}: ${row(p)}`);
  const point = chooseVeto(vetoes, ruleCurve(vision, data));
  console.log(
    `out-of-fold, ${chosen.config}, l2 ${chosen.l2}: the rule and p >= ${point.threshold.toFixed(2)}: ${row(point)}`,
  );
  const examples = data.flatMap((d) => d.examples);
  const fitted = fit(examples, { features, l2: chosen.l2 });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const model = parseRerankModel({
    version: 1,
    trainedOn: {
      sets: ['questions.yaml (dev)', 'own-questions.yaml', 'validation-questions.yaml'],
      questions: questions.length,
      candidates: examples.length,
    },
    candidates,
    ...fitted,
    mean: fitted.mean.map(round),
    scale: fitted.scale.map(round),
    weights: fitted.weights.map(round),
    bias: round(fitted.bias),
    answer: point.threshold,
  });
  console.log(`training loss ${loss(model, examples).toFixed(4)} on ${examples.length} candidates`);
  writeFileSync(rerankModelPath, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`written: ${rerankModelPath}`);
}
