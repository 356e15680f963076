import { visionQuerySchema, type VisionDocumentView } from '../api/vision.js';
import type { Config } from '../config.js';
import type { Lang } from '../lang.js';
import { errorForLog, type Logger } from '../log.js';
import {
  ask,
  explainRanking,
  generativeFromConfig,
  semanticFromConfig,
  semanticIndex,
  unansweredRecord,
  type AskResult,
  type Intent,
  type RankingExplanation,
  type SemanticReadiness,
  type VisionFeedbackStore,
  type VisionIndex,
} from '../vision/index.js';
import { parseInput } from '../validation.js';
import { invalidInput } from './errors.js';

export type AskConfig = Pick<
  Config,
  | 'PRIVACY_CONTACT'
  | 'ASK_STORE_QUESTION_TEXT'
  | 'GENERATIVE_BASE_URL'
  | 'GENERATIVE_MODEL'
  | 'GENERATIVE_API_KEY'
  | 'EMBEDDINGS_BASE_URL'
  | 'EMBEDDINGS_MODEL'
  | 'EMBEDDINGS_API_KEY'
  | 'EMBEDDINGS_QUERY_PREFIX'
  | 'EMBEDDINGS_PASSAGE_PREFIX'
>;

/** "Vraag het de visie" for every surface: one set of options, one way of keeping what the vision could not answer. */
export interface AskService {
  readonly vision: VisionIndex;
  /** Answers a question that is already validated (1-500 characters). */
  ask(question: string, options?: { lang?: Lang; intent?: Intent }): Promise<AskResult>;
  /** For editors: which words of a question matched which sections (`ai-wijzer ask --explain`). */
  explain(question: string, lang: Lang): RankingExplanation;
  /** The vision to read (GET /api/vision): every section with its heading path and body, in `?lang` or the caller's. */
  document(query: unknown, lang: Lang): VisionDocumentView;
  /** Embeds the sections for the optional semantic mode; the server starts it in the background, the CLI waits. */
  prepareSemantic(): Promise<SemanticReadiness | undefined>;
}

export function askService(deps: {
  config: AskConfig;
  vision: VisionIndex;
  feedback?: VisionFeedbackStore;
  logger: Logger;
}): AskService {
  const { config, vision, feedback, logger } = deps;
  const generative = generativeFromConfig(config);
  const semantic = semanticFromConfig(config);
  const onSemanticFallback = (reason: string) => logger.debug({ reason }, 'semantic mode left out for a question');
  return {
    vision,
    async ask(question, options = {}) {
      const result = await ask(vision, question, {
        contact: config.PRIVACY_CONTACT,
        ...(options.lang ? { lang: options.lang } : {}),
        ...(options.intent ? { intent: options.intent } : {}),
        ...(generative ? { generative } : {}),
        ...(semantic ? { semantic, onSemanticFallback } : {}),
      });
      // What the vision could not answer is kept for the AI team (its text only where allowed). The answer matters
      // more than the record: a failed write is logged and the person still gets the answer.
      const unanswered = feedback && unansweredRecord(result, config.ASK_STORE_QUESTION_TEXT);
      if (unanswered) {
        await feedback
          .record(unanswered)
          .catch((error: unknown) => logger.warn({ err: errorForLog(error) }, 'unanswered question not stored'));
      }
      return result;
    },
    explain: (question, lang) => explainRanking(vision, question, { lang }),
    document(query, lang) {
      const parsed = parseInput(visionQuerySchema, query, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const { document } = vision.languages[parsed.data.lang ?? lang];
      return {
        title: document.meta.title,
        language: document.meta.language,
        version: document.meta.version,
        date: document.meta.date,
        sections: document.sections.map(({ id, heading, level, path, body }) => ({ id, heading, level, path, body })),
      };
    },
    async prepareSemantic() {
      if (!semantic) return undefined;
      const ready = await semanticIndex(vision, semantic).prepare();
      if (ready.ok) logger.info({ texts: ready.texts }, 'semantic mode ready');
      else logger.warn({ reason: ready.reason }, 'semantic mode not ready; tried again at a later question');
      return ready;
    },
  };
}
