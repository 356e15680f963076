/**
 * Quick check: the cost of one verdict (evaluate with texts and sources), of the decision alone (what the
 * path tests run for millions of cases), of loading the content, and of a recorded check on PGlite.
 * Medians of several runs; the machine is shared.
 */
import { performance } from 'node:perf_hooks';
import { decideCase, evaluateCase, loadQuickcheckContent, runCheck } from '../src/quickcheck/index.js';
import type { CheckCase } from '../src/quickcheck/index.js';
import { openStore } from '../src/store/index.js';
import { quickcheckRecordStore } from '../src/store/repositories/quickcheck.js';
import { median, percentile } from './stats.js';

const cases: CheckCase[] = [
  {
    tool: 'ChatGPT',
    purpose: 'brief samenvatten',
    task: 'summarize',
    prohibitedPractice: 'none',
    personalData: 'ordinary',
    confidentialData: false,
    decisionAboutPerson: 'none',
    humanReview: true,
    audience: 'internal',
    syntheticMedia: false,
    phase: 'experiment',
    trainingDone: true,
  },
  {
    tool: 'm365-copilot',
    purpose: 'verslag',
    task: 'transcribe',
    prohibitedPractice: 'none',
    personalData: 'ordinary',
    confidentialData: true,
    decisionAboutPerson: 'none',
    humanReview: true,
    audience: 'internal',
    syntheticMedia: false,
    phase: 'production',
    trainingDone: false,
  },
  {
    tool: 'Perplexity',
    purpose: '',
    task: 'decision-about-people',
    prohibitedPractice: 'unknown',
    personalData: 'sensitive',
    confidentialData: 'unknown',
    decisionAboutPerson: 'benefits',
    humanReview: false,
    audience: 'citizens',
    syntheticMedia: true,
    phase: 'production',
    trainingDone: false,
  },
  {
    tool: 'copilot',
    purpose: 'notitie',
    task: 'text',
    prohibitedPractice: 'none',
    personalData: 'none',
    confidentialData: false,
    decisionAboutPerson: 'none',
    humanReview: true,
    audience: 'internal',
    syntheticMedia: false,
    phase: 'experiment',
    trainingDone: true,
  },
];

function timeEach(n: number, fn: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    times.push((performance.now() - t) * 1000);
  }
  return times;
}

export default async function run(): Promise<void> {
  const loads = timeEach(7, () => loadQuickcheckContent()).map((us) => us / 1000);
  console.log(`content laden (4 YAML-bestanden, zod): mediaan ${median(loads).toFixed(1)} ms`);
  const content = loadQuickcheckContent();
  for (let i = 0; i < 2000; i++) evaluateCase(content, content.register, cases[i % cases.length]!);

  const evalRuns: number[][] = [];
  for (let r = 0; r < 5; r++)
    evalRuns.push(timeEach(20_000, (i) => evaluateCase(content, content.register, cases[i % cases.length]!)));
  const all = evalRuns.flat();
  console.log(
    `oordeel met teksten en bronnen: p50 ${percentile(all, 50).toFixed(1)} µs, p95 ${percentile(all, 95).toFixed(1)} µs (5 x 20.000)`,
  );

  const rates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < 200_000; i++) decideCase(content.rules, content.register, cases[i % cases.length]!);
    rates.push(200_000 / ((performance.now() - t) / 1000));
  }
  console.log(
    `alleen de beslissing (labels + oordeel): mediaan ${Math.round(median(rates)).toLocaleString('nl-NL')} dossiers/s`,
  );

  const store = await openStore({ dataDir: 'memory://' });
  try {
    const records = quickcheckRecordStore(store, { key: 'bench-auditsleutel-0123456789' });
    const appends: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await runCheck({
        ruleSet: content,
        register: content.register,
        records,
        who: 'bench',
        case: cases[i % cases.length]!,
      });
      appends.push((performance.now() - t) * 1000);
    }
    console.log(
      `vastgelegde check op PGlite (oordeel + hashketen): p50 ${(percentile(appends, 50) / 1000).toFixed(2)} ms, p95 ${(percentile(appends, 95) / 1000).toFixed(2)} ms (300)`,
    );
  } finally {
    await store.close();
  }
}
