/**
 * The answer curve (`npm run eval -- --curve`, tuning sets only): for a sweep of the answer thresholds, how many
 * in-scope questions are answered right, how many get a wrong direct answer, how many are suggested, and how many
 * out-of-scope questions are answered. Beside it "top section right": the share whose best-ranked section is right,
 * whatever the outcome, the ceiling of answered right that no threshold can pass. It is a tool to choose thresholds
 * with, so it never runs on a held-out set.
 */
import { askExtractive, explainRanking, type VisionIndex } from '../../../src/vision/index.js';
import type { VisionSettings } from '../../../src/vision/settings.js';
import { prediction, type ScoredQuestion } from './evaluate.js';

export interface CurvePoint {
  confidence: number;
  coverage: number;
  answeredRight: number;
  wrongAnswers: number;
  suggested: number;
  abstained: number;
  /** In-scope questions with a right section anywhere the person sees it (answer, "zie ook", suggestions). */
  shownRight: number;
  /** Out-of-scope questions answered (false answers). */
  falseAnswers: number;
}

export interface Curve {
  inScope: number;
  outOfScope: number;
  /** In-scope questions whose best-ranked section is right, whatever the outcome. */
  topRight: number;
  points: CurvePoint[];
}

const contact = 'het AI- en privacyteam';

/** The vision with other answer thresholds (the index is shared: only the outcome settings differ). */
export function withAnswerThresholds(
  vision: VisionIndex,
  answer: Partial<VisionSettings['outcome']['answer']>,
): VisionIndex {
  const outcome = vision.settings.outcome;
  return {
    ...vision,
    settings: { ...vision.settings, outcome: { ...outcome, answer: { ...outcome.answer, ...answer } } },
  };
}

export function answerCurve(
  vision: VisionIndex,
  questions: ScoredQuestion[],
  confidences: number[],
  coverages: number[],
): Curve {
  const inScope = questions.filter((q) => q.scope === 'in');
  const topRight = inScope.filter((q) => {
    const top = explainRanking(vision, q.question, { top: 1 }).sections[0];
    return top !== undefined && q.sections.includes(top.sectionId);
  }).length;
  const points: CurvePoint[] = [];
  for (const coverage of coverages)
    for (const confidence of confidences) {
      const v = withAnswerThresholds(vision, { confidence, coverage });
      const point: CurvePoint = {
        confidence,
        coverage,
        answeredRight: 0,
        wrongAnswers: 0,
        suggested: 0,
        abstained: 0,
        shownRight: 0,
        falseAnswers: 0,
      };
      for (const q of questions) {
        const p = prediction(askExtractive(v, q.question, { contact }));
        if (q.scope === 'out') {
          if (p.outcome === 'answer') point.falseAnswers++;
          continue;
        }
        if (p.sections.some((s) => q.sections.includes(s))) point.shownRight++;
        if (p.outcome === 'answer') {
          if (p.sections[0] !== undefined && q.sections.includes(p.sections[0])) point.answeredRight++;
          else point.wrongAnswers++;
        } else if (p.outcome === 'suggest') point.suggested++;
        else point.abstained++;
      }
      points.push(point);
    }
  return { inScope: inScope.length, outOfScope: questions.length - inScope.length, topRight, points };
}

/** The curve as text: one line per point, with the current setting marked. */
export function printCurve(name: string, curve: Curve, current: { confidence: number; coverage: number }): void {
  const pct = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`.padStart(7);
  console.log(
    `\n== answer curve, ${name}: ${curve.inScope} in scope, ${curve.outOfScope} out of scope; ` +
      `top section right (the ceiling): ${pct(curve.topRight, curve.inScope).trim()} ==`,
  );
  console.log(
    'confidence coverage  answered right  wrong answers  suggested  abstained  shown right  out of scope answered',
  );
  for (const p of curve.points) {
    const mark = p.confidence === current.confidence && p.coverage === current.coverage ? '  <- settings.yaml' : '';
    console.log(
      `${p.confidence.toFixed(2).padStart(10)} ${p.coverage.toFixed(2).padStart(8)}  ${pct(p.answeredRight, curve.inScope).padStart(14)}` +
        `  ${pct(p.wrongAnswers, curve.inScope).padStart(13)}  ${pct(p.suggested, curve.inScope).padStart(9)}` +
        `  ${pct(p.abstained, curve.inScope).padStart(9)}  ${pct(p.shownRight, curve.inScope).padStart(11)}  ${pct(p.falseAnswers, curve.outOfScope).padStart(21)}${mark}`,
    );
  }
}
