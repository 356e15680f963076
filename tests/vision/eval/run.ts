/**
 * `npm run eval [-- --json] [-- --misses] [-- --dev] [-- --own | --validation | --validation2 | --validation3]
 * [-- --generative]`: per set, what a person meets, ours beside the lunr baseline, every share with its 95% interval
 * (intervals.ts). In scope: answered right (a direct answer from a right section: Hit@1, the headline), shown right
 * (a right section anywhere the person sees it: the answer, its citations, the suggestions), wrong answers (a direct
 * answer from another section), suggested, abstained. Out of scope: abstained, suggested, answered (false answers).
 * The baseline abstains below a lunr score tuned on the development half alone (evaluate.ts, tuneBaselineThreshold).
 * Without a set option: the evaluation set (questions.yaml), development and test half.
 * --misses lists the development half's misses (never the test half's: it is not tuned on).
 * --dev evaluates the development half only: the figures to tune on, without looking at the test half.
 * --own evaluates the own tuning set (own-questions.yaml); with --misses it lists that set's misses.
 * --validation evaluates the first validation set (validation-questions.yaml, written without sight of the engine);
 *   both its halves have since been tuned on, so --misses lists the misses of both.
 * --validation2 evaluates the second validation set (validation2-questions.yaml): held out, test half only, no misses.
 * --validation3 evaluates the third validation set (validation3-questions.yaml): the same.
 * --heldout4 evaluates the fourth held-out set (heldout4-questions.yaml): frozen for issue 15 and scored once, at its
 *   end, by the maintainer; never run it to tune. No misses, ever.
 * --generative also measures the generative mode's quote fidelity against a local fake endpoint that this starts
 *   itself (generative.ts): a faithful model and models that misquote. Nothing leaves the machine.
 * --curve prints the answer curve of a tuned set instead (curve.ts): for a sweep of the answer thresholds answered
 *   right, wrong answers, suggested and out-of-scope answered, and the top section right (the ceiling of any
 *   threshold); for the evaluation set its development half only. Refused for the held-out sets.
 * --train trains the learned re-ranker on the tuning sets and writes src/vision/generated/reranker.json; --train --cv
 *   cross-validates its feature sets and penalties instead (rerank-train.ts).
 * --router evaluates the front door instead (tests/app/eval/run-router.ts): where each message goes.
 * --semantic evaluates the engine with the embedding endpoint of EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL (semantic.ts).
 */
import { loadConfig } from '../../../src/config.js';
import {
  loadVision,
  semanticFromConfig,
  semanticIndex,
  sharedVision,
  type SemanticOptions,
} from '../../../src/vision/index.js';
import {
  evaluate,
  evaluateOwn,
  gainOverBaseline,
  loadHeldOut4Questions,
  loadOwnQuestions,
  loadQuestions,
  questionsPath,
  validation2QuestionsPath,
  validation3QuestionsPath,
  validationQuestionsPath,
  type Evaluation,
  type Figures,
  type Share,
  type Split,
} from './evaluate.js';
import { evaluateGenerative, type GenerativeFigures } from './generative.js';

const args = process.argv.slice(2);
if (args.includes('--router')) {
  const { runRouterEval } = await import('../../app/eval/run-router.js');
  await runRouterEval(args);
  process.exit(0);
}
if (args.includes('--train')) {
  const { runTrain } = await import('./rerank-train.js');
  await runTrain(args);
  process.exit(0);
}
const set = args.includes('--own')
  ? 'own'
  : args.includes('--heldout4')
    ? 'heldout4'
    : args.includes('--validation3')
      ? 'validation3'
      : args.includes('--validation2')
        ? 'validation2'
        : args.includes('--validation')
          ? 'validation'
          : 'evaluation';
const paths = {
  evaluation: questionsPath,
  validation: validationQuestionsPath,
  validation2: validation2QuestionsPath,
  validation3: validation3QuestionsPath,
};
const heldOutSets: string[] = ['validation2', 'validation3', 'heldout4'];
// --semantic: the engine with the embedding endpoint of EMBEDDINGS_BASE_URL / EMBEDDINGS_MODEL (see the README).
let semantic: SemanticOptions | undefined;
if (args.includes('--semantic')) {
  semantic = semanticFromConfig(loadConfig(process.env));
  if (!semantic) {
    console.error(
      '--semantic: zet EMBEDDINGS_BASE_URL en EMBEDDINGS_MODEL (en zo nodig EMBEDDINGS_QUERY_PREFIX en EMBEDDINGS_PASSAGE_PREFIX).',
    );
    process.exit(2);
  }
  const vision = sharedVision();
  const ready = await semanticIndex(vision, semantic).prepare();
  if (!ready.ok) {
    console.error(`--semantic: het embeddingmodel gaf geen vectoren voor de onderdelen (${ready.reason}).`);
    process.exit(1);
  }
}
const vision = semantic ? sharedVision() : loadVision();
if (args.includes('--curve')) {
  if (heldOutSets.includes(set)) {
    console.error('--curve: alleen voor de sets waarop wordt afgestemd (niet voor de achtergehouden sets).');
    process.exit(2);
  }
  const { answerCurve, printCurve } = await import('./curve.js');
  const tuned =
    set === 'own'
      ? await loadOwnQuestions()
      : (await loadQuestions(paths[set as 'evaluation' | 'validation'])).filter(
          (q) => set === 'validation' || q.split === 'dev',
        );
  const steps = (from: number, to: number, by: number) =>
    Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => Math.round((from + i * by) * 100) / 100);
  const { confidence, coverage } = vision.settings.outcome.answer;
  const coverages = [...new Set([...steps(0.4, 0.8, 0.1), coverage])].sort((a, b) => a - b);
  printCurve(
    set === 'own' ? 'own tuning set' : set === 'validation' ? 'validation set (both halves)' : 'development half',
    answerCurve(
      vision,
      tuned,
      [...new Set([...steps(0.2, 0.8, 0.05), confidence])].sort((a, b) => a - b),
      coverages,
    ),
    { confidence, coverage },
  );
  process.exit(0);
}
const splits: Split[] = heldOutSets.includes(set) ? ['test'] : args.includes('--dev') ? ['dev'] : ['dev', 'test'];
const questions =
  set === 'own' ? undefined : set === 'heldout4' ? await loadHeldOut4Questions() : await loadQuestions(paths[set]);
const evaluation: Evaluation =
  set === 'own'
    ? await evaluateOwn(vision, semantic).then((o) => ({
        visionVersion: o.visionVersion,
        baselineThreshold: o.baselineThreshold,
        splits: { dev: { engine: o.engine, baseline: o.baseline } },
      }))
    : await evaluate(splits, vision, undefined, semantic, questions);
let generative: GenerativeFigures[] | undefined;
if (args.includes('--generative')) {
  const chosen = set === 'own' ? undefined : questions!.filter((q) => splits.includes(q.split));
  generative = await evaluateGenerative(vision, chosen ?? (await loadOwnQuestions()));
}

// Which halves may show their misses: the tuned ones (own is scored as its one "dev" split).
const showMisses = (split: string) =>
  (split === 'dev' && set !== 'heldout4') || (split === 'test' && set === 'validation');
const splitName = (split: string) =>
  set === 'own'
    ? 'own tuning set'
    : `${
        {
          evaluation: '',
          validation: 'validation set, ',
          validation2: 'second validation set (held out), ',
          validation3: 'third validation set (held out), ',
          heldout4: 'fourth held-out set, ',
        }[set]
      }${{ dev: 'development half', test: 'test half' }[split] ?? split}`;

if (args.includes('--json')) {
  const strip = (f: Figures) => ({ ...f, misses: undefined });
  const out = Object.fromEntries(
    Object.entries(evaluation.splits).map(([k, v]) => [
      set === 'own' ? 'own' : k,
      { engine: strip(v.engine), baseline: strip(v.baseline), gain: gainOverBaseline(v.engine, v.baseline) },
    ]),
  );
  process.stdout.write(
    `${JSON.stringify({
      visionVersion: evaluation.visionVersion,
      set,
      baselineThreshold: evaluation.baselineThreshold,
      splits: out,
      ...(generative ? { generative } : {}),
    })}\n`,
  );
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const cell = (s: Share) =>
    `${pct(s.rate).padStart(6)} [${(s.interval[0] * 100).toFixed(1)}–${(s.interval[1] * 100).toFixed(1)}]`.padEnd(21);
  const { threshold, net } = evaluation.baselineThreshold;
  console.log(
    `Vraag het de visie: evaluatie (visie versie ${evaluation.visionVersion})${semantic ? `, met betekenis: ${semantic.model}` : ''}`,
  );
  console.log(
    `lunr baseline: lunr.nl (Dutch) / lunr (English) on the same passages; answers with its best section at a score of ` +
      `${threshold.toFixed(2)} or more, else abstains (threshold tuned on the development half: net ${net} right answers)`,
  );
  console.log('Each share of its questions with its 95% Wilson interval in brackets, in percent.');
  for (const [split, { engine, baseline }] of Object.entries(evaluation.splits)) {
    console.log(
      `\n== ${splitName(split)}: ${engine.inScope.questions} in scope, ${engine.outOfScope.questions} out of scope ==`,
    );
    const row = (label: string, a = '', b = '') => console.log(`${label.padEnd(32)}${a}  ${b}`.trimEnd());
    row('', 'engine'.padEnd(21), 'lunr baseline');
    row(`in scope (${engine.inScope.questions})`);
    row('  answered right (Hit@1)', cell(engine.inScope.answeredRight), cell(baseline.inScope.answeredRight));
    row('  shown right', cell(engine.inScope.shownRight), cell(baseline.inScope.shownRight));
    row('  wrong answers', cell(engine.inScope.wrongAnswers), cell(baseline.inScope.wrongAnswers));
    row('  suggested', cell(engine.inScope.suggested), cell(baseline.inScope.suggested));
    row('  abstained', cell(engine.inScope.abstained), cell(baseline.inScope.abstained));
    row(`out of scope (${engine.outOfScope.questions})`);
    row('  abstained', cell(engine.outOfScope.abstained), cell(baseline.outOfScope.abstained));
    row('  suggested', cell(engine.outOfScope.suggested), cell(baseline.outOfScope.suggested));
    row('  answered (false answers)', cell(engine.outOfScope.answered), cell(baseline.outOfScope.answered));
    const gain = gainOverBaseline(engine, baseline);
    console.log(
      `answered right, engine minus baseline: ${(gain.difference * 100).toFixed(1)} points, 95% interval ` +
        `${(gain.interval[0] * 100).toFixed(1)} to ${(gain.interval[1] * 100).toFixed(1)} (same questions, paired)`,
    );
    const { checked, exact } = engine.quotes;
    console.log(
      exact === checked
        ? `quotes: ${checked}, each exact text of its section (so by construction: a quote is a slice of the section; not a measure)`
        : `quotes: ${checked}, of which ${checked - exact} NOT exact text of their section: a bug in quotes.ts`,
    );
    if (showMisses(split) && args.includes('--misses')) {
      for (const miss of engine.misses)
        console.log(
          `  miss ${miss.id} [${miss.outcome}${miss.shown ? ', shown' : ''}] "${miss.question}" gold=${miss.gold.join(',')} got=${miss.got.join(',')}`,
        );
    }
  }
  if (generative) {
    console.log(
      '\n== generative mode: quote fidelity against a local fake endpoint (quoted text in the answer, checked against the section its citation names) ==',
    );
    console.log(
      `${'model'.padEnd(22)}${'asked'.padStart(6)}${'kept'.padStart(6)}${'quotes'.padStart(8)}${'exact'.padStart(7)}  fidelity [95%]         answers with a misquote`,
    );
    for (const g of generative)
      console.log(
        `${g.model.padEnd(22)}${String(g.asked).padStart(6)}${String(g.kept).padStart(6)}${String(g.fidelity.of).padStart(8)}${String(g.fidelity.count).padStart(7)}  ${g.kept === 0 ? '— (nothing kept)'.padEnd(21) : cell(g.fidelity)}  ${g.kept === 0 ? '—' : cell(g.misquotedAnswers)}`.trimEnd(),
      );
    console.log(
      'asked: questions the extractive engine answered, so the endpoint was asked; kept: generated answers that passed the engine’s own checks (citations, numbers, names, quotes exact in the cited passage); the rest keep the extractive answer.',
    );
  }
}
