import { loadVision } from '../../../src/vision/index.js';
import {
  baseline,
  figures,
  gainOverBaseline,
  loadQuestions,
  lunrSearch,
  questionsPath,
  tuneBaselineThreshold,
  type Prediction,
  type ScoredQuestion,
} from './evaluate.js';

const vision = loadVision();
const q = (id: string, scope: 'in' | 'out', sections: string[] = []): ScoredQuestion => ({
  id,
  lang: 'nl',
  scope,
  sections,
  question: `vraag ${id}`,
});
const answer = (...sections: string[]): Prediction => ({ outcome: 'answer', language: 'nl', sections, quotes: [] });
const suggest = (...sections: string[]): Prediction => ({ outcome: 'suggest', language: 'nl', sections, quotes: [] });
const abstain: Prediction = { outcome: 'abstain', language: 'nl', sections: [], quotes: [] };

describe('the evaluation figures', () => {
  const questions = [
    q('right', 'in', ['privacy']),
    q('wrong', 'in', ['privacy']),
    q('suggested-right', 'in', ['privacy']),
    q('suggested-wrong', 'in', ['privacy']),
    q('abstained', 'in', ['privacy']),
    q('out-abstained', 'out'),
    q('out-suggested', 'out'),
    q('out-answered', 'out'),
  ];
  const predictions: Record<string, Prediction> = {
    right: answer('privacy'),
    wrong: answer('duurzaamheid'),
    'suggested-right': suggest('duurzaamheid', 'privacy'),
    'suggested-wrong': suggest('duurzaamheid'),
    abstained: abstain,
    'out-abstained': abstain,
    'out-suggested': suggest('privacy'),
    'out-answered': answer('privacy'),
  };
  const f = figures(questions, (x) => predictions[x.id]!, vision);

  it('count only a direct answer from a right section as answered right (Hit@1), never a suggestion', () => {
    expect(f.inScope.questions).toBe(5);
    expect(f.inScope.answeredRight).toMatchObject({ count: 1, of: 5, rate: 0.2 });
    expect(f.misses.map((m) => m.id)).toEqual(['wrong', 'suggested-right', 'suggested-wrong', 'abstained']);
  });

  it('count a right section anywhere the person sees it as shown right, and a direct answer elsewhere as wrong', () => {
    expect(f.inScope.shownRight.count).toBe(2);
    expect(f.misses.find((m) => m.id === 'suggested-right')!.shown).toBe(true);
    expect(f.inScope.wrongAnswers.count).toBe(1);
    expect(f.inScope.suggested.count).toBe(2);
    expect(f.inScope.abstained.count).toBe(1);
  });

  it('report out of scope as abstained, suggested and answered, each with its Wilson interval', () => {
    expect(f.outOfScope).toMatchObject({
      questions: 3,
      abstained: { count: 1, of: 3 },
      suggested: { count: 1, of: 3 },
      answered: { count: 1, of: 3 },
    });
    const [lo, hi] = f.outOfScope.abstained.interval;
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    expect(lo).toBeLessThan(1 / 3);
    expect(hi).toBeGreaterThan(1 / 3);
  });

  it('compare answered right with the baseline on the same questions (paired)', () => {
    const other = figures(questions, (x) => (x.id === 'suggested-right' ? answer('privacy') : abstain), vision);
    expect(gainOverBaseline(f, other).difference).toBeCloseTo(0, 10);
    expect(
      gainOverBaseline(
        f,
        figures(questions, () => abstain, vision),
      ).difference,
    ).toBeCloseTo(0.2, 10);
  });
});

describe('the lunr baseline', () => {
  it('abstains below its threshold, chosen on the development half for the most right minus other direct answers', async () => {
    const { threshold, net, tunedOn } = await tuneBaselineThreshold(vision);
    expect(tunedOn).toMatch(/dev/);
    const dev = (await loadQuestions(questionsPath)).filter((x) => x.split === 'dev');
    const search = lunrSearch(vision);
    const netAt = (t: number) =>
      dev.reduce((sum, x) => {
        const top = search(x)[0];
        if (!top || top.score < t) return sum;
        return sum + (x.scope === 'in' && x.sections.includes(top.sectionId) ? 1 : -1);
      }, 0);
    expect(netAt(threshold)).toBe(net);
    // No other threshold does better on the development half.
    for (const t of [0, threshold / 2, threshold * 0.9, threshold * 1.1, threshold * 2])
      expect(netAt(t)).toBeLessThanOrEqual(net);
    const predict = baseline(vision, threshold);
    const outcomes = dev.map((x) => predict(x).outcome);
    expect(outcomes).toContain('abstain');
    expect(outcomes).toContain('answer');
    expect(outcomes).not.toContain('suggest');
    // With no threshold it answers everything it finds a word of.
    expect(dev.filter((x) => baseline(vision, 0)(x).outcome === 'abstain').length).toBeLessThan(
      outcomes.filter((o) => o === 'abstain').length,
    );
  });
});
