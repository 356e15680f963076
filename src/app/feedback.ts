import { askChoiceSchema, askFeedbackSchema, type AskFeedbackResponse } from '../api/ask.js';
import { storable } from '../api/storable.js';
import type { Lang } from '../lang.js';
import { parseInput } from '../validation.js';
import {
  chosenExampleQuestions,
  chosenRecord,
  examplesSchema,
  feedbackRecord,
  summariseFeedback,
  type FeedbackSummary,
  type VisionFeedbackStore,
  type VisionIndex,
} from '../vision/index.js';
import { invalidInput } from './errors.js';

/** Thumbs on answers and chosen suggestions, kept for the AI team; and what they read back. */
export interface FeedbackService {
  /** A thumbs up or down on an answer (POST /api/ask/feedback, the bot's feedback). */
  rate(input: unknown, lang: Lang): Promise<AskFeedbackResponse>;
  /** A suggested section the asker opened (POST /api/ask/choice). */
  choose(input: unknown, lang: Lang): Promise<AskFeedbackResponse>;
  /** Per section, what the vision misses (ai-wijzer feedback). */
  summary(limit: number): Promise<FeedbackSummary>;
  /**
   * The questions of those who chose a section from suggestions, in one language, as an example-question file's
   * content (validated as the content loader would) for editors to review (ai-wijzer feedback --voorbeeldvragen).
   */
  exampleQuestions(lang: Lang, limit: number, source: string): Promise<{ data: unknown; count: number }>;
}

export function feedbackService(deps: {
  vision: VisionIndex;
  store: VisionFeedbackStore;
  storeQuestionText: boolean;
}): FeedbackService {
  const { vision, store, storeQuestionText } = deps;
  const sectionIds = new Set(vision.languages.nl.document.sections.map((s) => s.id));
  const headings = new Map(vision.languages.nl.document.sections.map((s) => [s.id, s.heading]));
  // The question may be kept: no text the database cannot keep (a NUL, half a surrogate pair), in either language.
  const feedbackSchemas = { nl: storable(askFeedbackSchema, 'nl'), en: storable(askFeedbackSchema, 'en') };
  const choiceSchemas = { nl: storable(askChoiceSchema, 'nl'), en: storable(askChoiceSchema, 'en') };
  const stored = (question: string | undefined): AskFeedbackResponse => ({
    stored: true,
    questionStored: question !== undefined,
  });
  return {
    async rate(input, lang) {
      const parsed = parseInput(feedbackSchemas[lang], input, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const record = feedbackRecord(parsed.data, storeQuestionText, vision.version);
      await store.record(record);
      return stored(record.question);
    },
    async choose(input, lang) {
      const parsed = parseInput(choiceSchemas[lang], input, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      if (!sectionIds.has(parsed.data.sectionId)) {
        const message =
          lang === 'en' ? 'This section is not in the AI vision.' : 'Dit onderdeel staat niet in de AI-visie.';
        throw invalidInput([{ field: 'sectionId', message }]);
      }
      const record = chosenRecord(parsed.data, storeQuestionText, vision.version);
      await store.record(record);
      return stored(record.question);
    },
    async summary(limit) {
      return summariseFeedback(await store.list({ limit }), headings);
    },
    async exampleQuestions(lang, limit, source) {
      const sections = chosenExampleQuestions(
        await store.list({ kind: 'chosen', limit }),
        vision.languages[lang].document,
      );
      const data = examplesSchema.parse({ version: 1, language: lang, source, sections });
      return { data, count: Object.values(sections).flat().length };
    },
  };
}
