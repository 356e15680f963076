/**
 * `npm run eval -- --router [--misses] [--json]`: the front door's figures (router.ts). --misses lists the misses of
 * the development set only (and the lost answers of the vision sets that are tuned on); the held-out set is scored,
 * never read for tuning. --dev scores the development sets only (the figures to tune on).
 */
import { basename } from 'node:path';
import {
  goldRoutes,
  loadRouterSet,
  devPaths,
  heldOutPaths,
  scoreRouter,
  visionSetsThroughFrontDoor,
  type RouterFigures,
} from './router.js';

const tunedVisionSets = new Set(['validation-questions.yaml', 'own-questions.yaml']);

export async function runRouterEval(args: string[]): Promise<void> {
  const sets = {
    ...Object.fromEntries(devPaths().map((path) => [basename(path), scoreRouter(loadRouterSet(path))])),
    ...(args.includes('--dev')
      ? {}
      : Object.fromEntries(
          heldOutPaths().map((path) => [`held out (${basename(path)})`, scoreRouter(loadRouterSet(path))]),
        )),
  };
  const vision = await visionSetsThroughFrontDoor();
  if (args.includes('--json')) {
    const strip = (f: RouterFigures) => ({ ...f, misses: undefined });
    process.stdout.write(
      `${JSON.stringify({ sets: Object.fromEntries(Object.entries(sets).map(([k, f]) => [k, strip(f)])), vision })}\n`,
    );
    return;
  }
  const pct = (x: number, n: number) => `${((x / Math.max(n, 1)) * 100).toFixed(1)}%`;
  console.log('De voordeur (front door): waar gaat een bericht heen?');
  for (const [name, f] of Object.entries(sets)) {
    const [lo, hi] = f.interval;
    console.log(`\n== ${name}: ${f.sentences} sentences ==`);
    console.log(
      `routed right ${f.right}/${f.sentences} = ${pct(f.right, f.sentences)}, 95% interval ${(lo * 100).toFixed(1)}–${(hi * 100).toFixed(1)}% (Wilson)`,
    );
    console.log(`confusion (rows: gold, columns: routed)`);
    const columns = [...goldRoutes, 'empty'] as const;
    console.log(`${''.padEnd(10)}${columns.map((c) => c.padStart(8)).join('')}`);
    for (const gold of goldRoutes)
      console.log(`${gold.padEnd(10)}${columns.map((c) => String(f.matrix[gold][c]).padStart(8)).join('')}`);
    console.log(
      `checks routed right: tool filled in right ${f.toolRight}/${f.checks} = ${pct(f.toolRight, f.checks)}, task ${f.taskRight}/${f.checks} = ${pct(f.taskRight, f.checks)}`,
    );
    if (!name.startsWith('held out') && args.includes('--misses'))
      for (const m of f.misses) console.log(`  miss ${m.id} "${m.text}" gold=${m.gold} got=${m.got}`);
  }
  console.log('\n== the vision question sets through the front door ==');
  for (const v of vision) {
    console.log(
      `${v.set.padEnd(28)} in scope ${String(v.inScope).padStart(4)}, sent elsewhere ${String(v.routedAway).padStart(3)} (the vision's answer kept with ${v.answerKept}), right answers lost: ${v.answeredRightLost.length}; out of scope sent elsewhere: ${v.outOfScopeElsewhere}`,
    );
    // Only the vision sets that are tuned on show their questions; the held-out ones only count.
    if (args.includes('--misses') && tunedVisionSets.has(v.set))
      for (const l of v.answeredRightLost) console.log(`  lost ${l.id} -> ${l.route}: "${l.question}"`);
  }
}
