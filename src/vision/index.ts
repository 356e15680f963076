/**
 * Vraag het de visie: the one API the bot, the tab's server route and the CLI share.
 * Load once at start-up with loadVision() (or sharedVision()), then ask(index, question, options) per question.
 */
import type { Config } from '../config.js';
import type { GenerativeOptions } from './generative.js';
import type { SemanticOptions } from './semantic.js';
import { loadVision, type VisionIndex } from './vision-index.js';

export {
  loadVision,
  readVisionDocuments,
  defaultContentDir,
  type VisionIndex,
  type LoadVisionOptions,
} from './vision-index.js';
export {
  ask,
  askExtractive,
  explainRanking,
  sectionLink,
  type AskOptions,
  type AskAsyncOptions,
  type RankingExplanation,
} from './ask.js';
export {
  askOutcomeValues,
  intentValues,
  type AskOutcome,
  type AskResult,
  type Citation,
  type Intent,
  type Suggestion,
} from './types.js';
export type { GenerativeOptions } from './generative.js';
export { semanticIndex, type SemanticOptions, type SemanticReadiness } from './semantic.js';
export type { EmbeddingFailure } from './embeddings.js';
export {
  unansweredRecord,
  feedbackRecord,
  chosenRecord,
  summariseFeedback,
  chosenExampleQuestions,
  type VisionFeedbackStore,
  type VisionFeedbackRecord,
  type StoredVisionFeedback,
  type FeedbackSummary,
  type SectionFeedback,
} from './feedback.js';
export { VisionContentError } from './document.js';
export { examplesSchema, type ContentWarning } from './examples.js';
export { detectLanguage, chooseLanguage } from './language.js';
export { detectIntent } from './intents.js';

/** The generative options from configuration, or undefined (the default: extractive only). */
export function generativeFromConfig(
  config: Pick<Config, 'GENERATIVE_BASE_URL' | 'GENERATIVE_MODEL' | 'GENERATIVE_API_KEY'>,
): GenerativeOptions | undefined {
  if (!config.GENERATIVE_BASE_URL || !config.GENERATIVE_MODEL) return undefined;
  return {
    baseUrl: config.GENERATIVE_BASE_URL,
    model: config.GENERATIVE_MODEL,
    ...(config.GENERATIVE_API_KEY ? { apiKey: config.GENERATIVE_API_KEY } : {}),
  };
}

type EmbeddingsConfig = Pick<
  Config,
  | 'EMBEDDINGS_BASE_URL'
  | 'EMBEDDINGS_MODEL'
  | 'EMBEDDINGS_API_KEY'
  | 'EMBEDDINGS_QUERY_PREFIX'
  | 'EMBEDDINGS_PASSAGE_PREFIX'
>;
const semanticOptions = new Map<string, SemanticOptions>();

/**
 * The semantic options from configuration, or undefined (the default: the words alone rank). The same settings give
 * the same object, so the bot and the tab share one set of section vectors (see semanticIndex).
 */
export function semanticFromConfig(config: EmbeddingsConfig): SemanticOptions | undefined {
  if (!config.EMBEDDINGS_BASE_URL || !config.EMBEDDINGS_MODEL) return undefined;
  const options: SemanticOptions = {
    baseUrl: config.EMBEDDINGS_BASE_URL,
    model: config.EMBEDDINGS_MODEL,
    ...(config.EMBEDDINGS_API_KEY ? { apiKey: config.EMBEDDINGS_API_KEY } : {}),
    ...(config.EMBEDDINGS_QUERY_PREFIX ? { queryPrefix: config.EMBEDDINGS_QUERY_PREFIX } : {}),
    ...(config.EMBEDDINGS_PASSAGE_PREFIX ? { passagePrefix: config.EMBEDDINGS_PASSAGE_PREFIX } : {}),
  };
  const key = JSON.stringify(options);
  if (!semanticOptions.has(key)) semanticOptions.set(key, options);
  return semanticOptions.get(key);
}

let shared: VisionIndex | undefined;

/** The vision of src/vision/content, loaded and indexed once per process (server, bot and CLI share it). */
export function sharedVision(): VisionIndex {
  shared ??= loadVision();
  return shared;
}
