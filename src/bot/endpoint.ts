import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../config.js';
import { ask, generativeFromConfig, semanticFromConfig, sharedVision, unansweredRecord } from '../vision/index.js';
import { errorForLog, type Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { botStateRepository } from '../store/repositories/bot-state.js';
import { visionFeedbackStore } from '../store/repositories/vision.js';
import { AiWijzerBot } from './bot.js';
import { DatabaseStorage } from './storage.js';

/** What the HTTP host needs from the bot, without knowing botbuilder. */
export interface BotEndpoint {
  handle(req: unknown, res: unknown): Promise<void>;
  readonly anonymous: boolean;
}

export interface BotEndpointOptions {
  config: Pick<
    Config,
    | 'BOT_ID'
    | 'BOT_PASSWORD'
    | 'BOT_TYPE'
    | 'BOT_TENANT_ID'
    | 'PUBLIC_URL'
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
  store: Store;
  logger: Logger;
  /** Overrides of the token-validation endpoints (OpenID metadata), for tests with a local key. */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

export function createBotEndpoint({ config, store, logger, authOverrides }: BotEndpointOptions): BotEndpoint {
  // An empty app id is anonymous (local development, Agents Playground); the app type only applies with an id.
  const credentials = config.BOT_ID
    ? {
        MicrosoftAppId: config.BOT_ID,
        MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
        MicrosoftAppType: config.BOT_TYPE,
        MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
      }
    : { MicrosoftAppId: '', MicrosoftAppPassword: '' };
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...credentials,
    ...authOverrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // No message text in the log: only what kind of activity failed, and why.
    logger.error({ err: errorForLog(error), activityType: context.activity.type }, 'bot turn failed');
    await context.sendActivity('Er ging iets mis bij AI-wijzer. Probeer het later opnieuw.').catch(() => undefined);
  };
  const vision = sharedVision();
  const generative = generativeFromConfig(config);
  const semantic = semanticFromConfig(config);
  const feedback = visionFeedbackStore(store);
  const bot = new AiWijzerBot(new ConversationState(new DatabaseStorage(botStateRepository(store))), {
    askVision: async (question) => {
      const result = await ask(vision, question, {
        contact: config.PRIVACY_CONTACT,
        ...(generative ? { generative } : {}),
        ...(semantic
          ? {
              semantic,
              onSemanticFallback: (reason) => logger.debug({ reason }, 'semantic mode left out for a question'),
            }
          : {}),
      });
      // As the tab's POST /api/ask does: what the vision could not answer is kept for the AI team (text only if allowed).
      const unanswered = unansweredRecord(result, config.ASK_STORE_QUESTION_TEXT);
      if (unanswered)
        await feedback
          .record(unanswered)
          .catch((error: unknown) => logger.warn({ err: errorForLog(error) }, 'unanswered question not stored'));
      return result;
    },
    publicUrl: config.PUBLIC_URL,
  });
  return {
    anonymous: !config.BOT_ID,
    handle: (req, res) => adapter.process(req as never, res as never, (context) => bot.run(context)),
  };
}
