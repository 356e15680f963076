import { ask, type AskResult, type VisionIndex } from '../../../src/vision/index.js';
import { share, type ScoredQuestion, type Share } from './evaluate.js';
import { fakeChatModels, sentencesOf, startFakeChat, type FakeChatModel } from './fake-chat.js';

/**
 * Quote fidelity of the generative mode. An extractive quote is a slice of its section by construction; a generated
 * answer is the model's own text, and the only place where the vision can be misquoted: a quote with a word changed,
 * a quote the vision does not hold, or a real quote put under the wrong section's citation. This finds each quoted
 * stretch of a generated answer (between double quotation marks), the citation it stands under (the first [n] after
 * it, else the last before it) and checks that the quote is exact text of that cited section.
 */
export interface AnswerQuote {
  quote: string;
  /** The section the quote is attributed to, through its [n] citation; undefined when there is none. */
  sectionId: string | undefined;
  exact: boolean;
}

const quoted = /["\u201c\u201e\u00ab]([^"\u201c\u201d\u201e\u00ab\u00bb]+)["\u201d\u00bb]/gu;
const space = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The quotes of a generated answer, each with the section its citation names. The answer's citations are in the
 * order in which their numbers first appear in the text (src/vision/ask.ts), so that order maps [n] to a section.
 */
export function answerQuotes(result: AskResult, vision: VisionIndex): AnswerQuote[] {
  const text = result.answer;
  const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => ({ at: m.index, n: Number(m[1]) }));
  const order = [...new Set(markers.map((m) => m.n))];
  const sectionOf = (n: number | undefined) =>
    n === undefined ? undefined : result.citations[order.indexOf(n)]?.sectionId;
  const sections = vision.languages[result.language].document.sections;
  return [...text.matchAll(quoted)].map((m) => {
    const end = m.index + m[0].length;
    const marker = markers.find((k) => k.at >= end) ?? markers.filter((k) => k.at < m.index).at(-1);
    const sectionId = sectionOf(marker?.n);
    const quote = space(m[1]!).replace(/[\s.,;:!?\u2026]+$/u, '');
    const body = space(sections.find((s) => s.id === sectionId)?.body ?? '');
    // Only the case of the first letter may differ: a quote may start inside a sentence ("... dat "de gemeente ...").
    const exact =
      quote.length > 0 &&
      sectionId !== undefined &&
      (body.includes(quote) || body.includes(quote[0]!.toUpperCase() + quote.slice(1)));
    return { quote, sectionId, exact };
  });
}

export interface GenerativeFigures {
  model: FakeChatModel;
  /** Questions the extractive engine answered, so that the endpoint was asked to write the answer. */
  asked: number;
  /** Generated answers that passed the engine's own checks and were given (generated: true). */
  kept: number;
  /** Quotes in the kept answers that are exact text of the section they are cited from. */
  fidelity: Share;
  /** Kept answers with at least one quote that is not. */
  misquotedAnswers: Share;
}

/**
 * Asks every question in the generative mode against the local fake endpoint, once per fake model, and measures the
 * quotes of the answers the engine kept. Starts and stops the endpoint itself; nothing leaves the machine.
 */
export async function evaluateGenerative(
  vision: VisionIndex,
  questions: ScoredQuestion[],
  models: readonly FakeChatModel[] = fakeChatModels,
): Promise<GenerativeFigures[]> {
  const sentences = (lang: 'nl' | 'en') => vision.languages[lang].document.sections.flatMap((s) => sentencesOf(s.body));
  const fake = await startFakeChat({ nl: sentences('nl'), en: sentences('en') });
  try {
    const result: GenerativeFigures[] = [];
    for (const model of models) {
      const before = fake.requests;
      let kept = 0;
      let quotes = 0;
      let exact = 0;
      let misquoted = 0;
      for (const q of questions) {
        const answer = await ask(vision, q.question, {
          contact: 'het AI- en privacyteam',
          generative: { baseUrl: fake.baseUrl, model, timeoutMs: 2000 },
        });
        if (!answer.generated) continue;
        kept++;
        const found = answerQuotes(answer, vision);
        quotes += found.length;
        exact += found.filter((f) => f.exact).length;
        if (found.some((f) => !f.exact)) misquoted++;
      }
      result.push({
        model,
        asked: fake.requests - before,
        kept,
        fidelity: share(exact, quotes),
        misquotedAnswers: share(misquoted, kept),
      });
    }
    return result;
  } finally {
    await fake.close();
  }
}
