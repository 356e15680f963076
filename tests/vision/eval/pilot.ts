/**
 * `npx tsx tests/vision/eval/pilot.ts`: how far questions from real use would lift the engine. The in-scope questions
 * of the tuning sets (development halves, own set, first validation set) are added, as if a pilot had brought them
 * in, to the example questions of a copy of the content (never to the content itself), a quarter, half and all of
 * them; the figures are those of the held-out second and third validation sets, engine and lunr (answered right: a direct
 * answer from a right section; shown right: a right section anywhere in what the person sees).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultContentDir, loadVision } from '../../../src/vision/index.js';
import {
  evaluate,
  loadOwnQuestions,
  loadQuestions,
  questionsPath,
  validation2QuestionsPath,
  validation3QuestionsPath,
  validationQuestionsPath,
} from './evaluate.js';

const pool = [
  ...(await loadQuestions(questionsPath)).filter((q) => q.split === 'dev'),
  ...(await loadOwnQuestions()),
  ...(await loadQuestions(validationQuestionsPath)),
].filter((q) => q.scope === 'in');
// A fixed shuffle, so that every run adds the same questions.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const shuffled = pool
  .map((q) => [random(), q] as const)
  .sort((a, b) => a[0] - b[0])
  .map(([, q]) => q);

console.log(
  `Vraag het de visie: ${pool.length} in-scope questions of the tuning sets added as if from a pilot (Hit@1 on the held-out sets)`,
);
for (const share of [0, 0.25, 0.5, 1]) {
  const added = shuffled.slice(0, Math.round(share * shuffled.length));
  const dir = mkdtempSync(join(tmpdir(), 'ai-wijzer-pilot-'));
  try {
    cpSync(defaultContentDir, dir, { recursive: true });
    for (const lang of ['nl', 'en'] as const) {
      const file = join(dir, `voorbeeldvragen.${lang}.yaml`);
      const data = parse(readFileSync(file, 'utf8')) as { sections: Record<string, string[]> };
      for (const q of added.filter((x) => x.lang === lang)) (data.sections[q.sections[0]!] ??= []).push(q.question);
      writeFileSync(file, stringify(data));
    }
    const vision = loadVision({ contentDir: dir });
    const cells: string[] = [];
    for (const [name, path] of [
      ['validation2', validation2QuestionsPath],
      ['validation3', validation3QuestionsPath],
    ] as const) {
      const { engine, baseline } = (await evaluate(['test'], vision, path)).splits.test!;
      cells.push(
        `${name} answered right ${engine.inScope.answeredRight.rate.toFixed(3)} (lunr ${baseline.inScope.answeredRight.rate.toFixed(3)}), shown right ${engine.inScope.shownRight.rate.toFixed(3)}, false answers ${(engine.outOfScope.answered.rate * 100).toFixed(1)}%`,
      );
    }
    console.log(`${String(added.length).padStart(4)} pilot questions: ${cells.join(' | ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
