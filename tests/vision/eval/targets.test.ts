import { evaluate, validation2QuestionsPath, validation3QuestionsPath } from './evaluate.js';

/**
 * The figures reached on the held-out sets (never tuned on); behaviour, not timing. Issue 15's targets are answered
 * right (a direct answer from a right section) >= 0.90, wrong answers <= 3%, shown right >= 0.97 and out of scope
 * abstained >= 0.95, on a fresh held-out set; none is met on these sets yet (README, "Evaluatie"). This guards what
 * was reached, measured in December 2026 after the content lost what came (nearly) word for word from a held-out
 * question (content.test.ts): answered right and shown right rounded down to 0.05, wrong answers and out-of-scope
 * answers rounded up to 0.05. Quotes are exact text by construction (a slice of their section); the check stays as a
 * check of the code. Move the floors up as the engine improves.
 * Issue 15 (answer thresholds chosen on the tuning sets' curve, "zie ook", the topic rule) raised answered right on
 * all three (0.309 -> 0.527, 0.457 -> 0.634, 0.423 -> 0.561) and let two ceilings down: wrong answers on the test
 * half 3.6% -> 7.3% (2 -> 4 of 55) and out-of-scope answers on the second set 2.4% -> 7.3% (1 -> 3 of 41). Those
 * floors follow that (0.10), on purpose and in the README, not to hide it.
 * The learned re-ranker (src/vision/rerank/, a veto on the rule's answers) moved them by a question or so: answered
 * right 0.545, 0.640, 0.569; wrong answers 7.3%, 1.8% (was 0.6%: 1 -> 3 of 164), 2.4%. The floors hold as they are.
 */
const heldOut = [
  {
    name: 'evaluation set, test half',
    path: undefined,
    answeredRight: 0.5,
    shownRight: 0.85,
    wrongAnswers: 0.1,
    outOfScopeAnswered: 0.05,
  },
  {
    name: 'second validation set',
    path: validation2QuestionsPath,
    answeredRight: 0.6,
    shownRight: 0.9,
    wrongAnswers: 0.05,
    outOfScopeAnswered: 0.1,
  },
  {
    name: 'third validation set',
    path: validation3QuestionsPath,
    answeredRight: 0.55,
    shownRight: 0.9,
    wrongAnswers: 0.05,
    outOfScopeAnswered: 0.05,
  },
];

describe.each(heldOut)(
  'held-out questions: $name',
  ({ path, answeredRight, shownRight, wrongAnswers, outOfScopeAnswered }) => {
    it('holds the answered right, shown right, wrong answers and out-of-scope answers reached', async () => {
      const { splits } = await evaluate(['test'], undefined, path);
      const { engine } = splits.test!;
      expect(engine.quotes.checked).toBeGreaterThan(0);
      expect(engine.quotes.exact).toBe(engine.quotes.checked);
      expect(engine.inScope.answeredRight.rate).toBeGreaterThanOrEqual(answeredRight);
      expect(engine.inScope.shownRight.rate).toBeGreaterThanOrEqual(shownRight);
      expect(engine.inScope.wrongAnswers.rate).toBeLessThanOrEqual(wrongAnswers);
      expect(engine.outOfScope.answered.rate).toBeLessThanOrEqual(outOfScopeAnswered);
    });
  },
);
