/**
 * `npm run eval [-- --json] [-- --misses] [-- --dev] [-- --own | --validation | --validation2 | --validation3]`: Hit@1,
 * Hit@3, the answer/suggest/abstain matrix, the out-of-scope false-answer rate and quote fidelity, ours beside the lunr
 * baseline; Hit@1, the false-answer rate and the gain over the baseline also with their 95% intervals (intervals.ts).
 * Without a set option: the evaluation set (questions.yaml), development and test half.
 * --misses lists the development half's misses (never the test half's: it is not tuned on).
 * --dev evaluates the development half only: the figures to tune on, without looking at the test half.
 * --own evaluates the own tuning set (own-questions.yaml); with --misses it lists that set's misses.
 * --validation evaluates the first validation set (validation-questions.yaml, written without sight of the engine);
 *   both its halves have since been tuned on, so --misses lists the misses of both.
 * --validation2 evaluates the second validation set (validation2-questions.yaml): held out, test half only, no misses.
 * --validation3 evaluates the third validation set (validation3-questions.yaml): the same.
 * --router evaluates the front door instead (tests/app/eval/run-router.ts): where each message goes.
 * --semantic evaluates the engine with the embedding endpoint of EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL (semantic.ts).
 */
import { loadConfig } from '../../../src/config.js';
import { semanticFromConfig, semanticIndex, sharedVision, type SemanticOptions } from '../../../src/vision/index.js';
import { pairedDifference, wilsonInterval } from './intervals.js';
import {
  evaluate,
  evaluateOwn,
  questionsPath,
  validation2QuestionsPath,
  validation3QuestionsPath,
  validationQuestionsPath,
  type Figures,
} from './evaluate.js';

const args = process.argv.slice(2);
if (args.includes('--router')) {
  const { runRouterEval } = await import('../../app/eval/run-router.js');
  await runRouterEval(args);
  process.exit(0);
}
const set = args.includes('--own')
  ? 'own'
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
const heldOutSets: string[] = ['validation2', 'validation3'];
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
const evaluation =
  set === 'own'
    ? await evaluateOwn(semantic ? sharedVision() : undefined, semantic).then((o) => ({
        visionVersion: o.visionVersion,
        splits: { own: { engine: o.engine, baseline: o.baseline } },
      }))
    : await evaluate(
        heldOutSets.includes(set) ? ['test'] : args.includes('--dev') ? ['dev'] : ['dev', 'test'],
        semantic ? sharedVision() : undefined,
        paths[set],
        semantic,
      );
/** Hit@1 and the false-answer rate with their 95% intervals, and the gain over the baseline on the same questions. */
function uncertainty(engine: Figures, baseline: Figures) {
  const missed = (f: Figures) => new Set(f.misses.map((m) => m.id));
  const [mine, theirs] = [missed(engine), missed(baseline)];
  const onlyEngine = [...theirs].filter((id) => !mine.has(id)).length;
  const onlyBaseline = [...mine].filter((id) => !theirs.has(id)).length;
  return {
    hit1Interval: wilsonInterval(engine.inScope - engine.misses.length, engine.inScope),
    falseAnswerInterval: wilsonInterval(engine.matrix.out.answer, engine.outOfScope),
    gain: pairedDifference(onlyEngine, onlyBaseline, engine.inScope),
  };
}

// Which halves may show their misses: the tuned ones.
const showMisses = (split: string) => split === 'dev' || split === 'own' || (split === 'test' && set === 'validation');

if (args.includes('--json')) {
  const strip = (f: Figures) => ({ ...f, misses: undefined });
  const splits = Object.fromEntries(
    Object.entries(evaluation.splits).map(([k, v]) => [
      k,
      { engine: strip(v.engine), baseline: strip(v.baseline), ...uncertainty(v.engine, v.baseline) },
    ]),
  );
  process.stdout.write(`${JSON.stringify({ visionVersion: evaluation.visionVersion, splits })}\n`);
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(
    `Vraag het de visie: evaluatie (visie versie ${evaluation.visionVersion})${semantic ? `, met betekenis: ${semantic.model}` : ''}`,
  );
  for (const [split, { engine, baseline }] of Object.entries(evaluation.splits)) {
    const prefix = {
      evaluation: '',
      own: '',
      validation: 'validation set, ',
      validation2: 'second validation set (held out), ',
      validation3: 'third validation set (held out), ',
    }[set];
    const name = `${prefix}${{ dev: 'development half', test: 'test half', own: 'own tuning set' }[split] ?? split}`;
    console.log(`\n== ${name}: ${engine.inScope} in scope, ${engine.outOfScope} out of scope ==`);
    console.log(`${''.padEnd(34)}${'engine'.padStart(9)}${'lunr baseline'.padStart(15)}`);
    const row = (label: string, a: string, b: string) =>
      console.log(`${label.padEnd(34)}${a.padStart(9)}${b.padStart(15)}`);
    row('Hit@1', pct(engine.hit1), pct(baseline.hit1));
    row('Hit@3', pct(engine.hit3), pct(baseline.hit3));
    row('out-of-scope false answers', pct(engine.falseAnswerRate), pct(baseline.falseAnswerRate));
    row('out-of-scope not abstained', pct(engine.notAbstainedRate), pct(baseline.notAbstainedRate));
    row('quote fidelity', `${pct(engine.quoteFidelity)}`, 'n/a');
    row('quotes checked', String(engine.quotes), '-');
    for (const scope of ['in', 'out'] as const) {
      const m = (f: Figures) => `${f.matrix[scope].answer}/${f.matrix[scope].suggest}/${f.matrix[scope].abstain}`;
      row(`${scope}-scope answer/suggest/abstain`, m(engine), m(baseline));
    }
    const u = uncertainty(engine, baseline);
    const span = ([lo, hi]: [number, number]) => `${(lo * 100).toFixed(1)}–${(hi * 100).toFixed(1)}%`;
    console.log(
      `Hit@1 ${pct(engine.hit1).trim()}, 95% interval ${span(u.hit1Interval)} (Wilson; ${engine.inScope} questions)`,
    );
    console.log(
      `out-of-scope false answers ${pct(engine.falseAnswerRate).trim()}, 95% interval ${span(u.falseAnswerInterval)} (${engine.outOfScope} questions)`,
    );
    console.log(
      `Hit@1 gain over baseline: ${(u.gain.difference * 100).toFixed(1)} points, 95% interval ${(u.gain.interval[0] * 100).toFixed(1)} to ${(u.gain.interval[1] * 100).toFixed(1)} (same questions, paired)`,
    );
    if (showMisses(split) && args.includes('--misses')) {
      for (const miss of engine.misses)
        console.log(
          `  miss ${miss.id} [${miss.outcome}] "${miss.question}" gold=${miss.gold.join(',')} got=${miss.got.join(',')}`,
        );
    }
  }
}
