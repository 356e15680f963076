import { randomUUID } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  ShowTypingMiddleware,
  StatusCodes,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
} from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Application } from '../app/index.js';
import type { Config } from '../config.js';
import { languageOf } from '../lang.js';
import { errorForLog, type Logger } from '../log.js';
import { AiWijzerBot } from './bot.js';
import { scanNotice } from './notices.js';
import { DatabaseStorage } from './storage.js';
import { texts } from './texts.js';

/**
 * botbuilder's authentication, with one gap closed: a token whose signature does not verify (a forged one) escapes
 * it as a plain jsonwebtoken error, which the adapter answers with 500. It is a refused token: 401.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ) {
    try {
      return await super.authenticateRequest(...args);
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'JsonWebTokenError' || name === 'TokenExpiredError' || name === 'NotBeforeError')
        throw new AuthenticationError((error as Error).message, StatusCodes.UNAUTHORIZED);
      throw error;
    }
  }
}

/** What the HTTP host needs from the bot, without knowing botbuilder. */
export interface BotEndpoint {
  handle(req: unknown, res: unknown): Promise<void>;
  readonly anonymous: boolean;
}

export interface BotEndpointOptions {
  config: Pick<Config, 'BOT_ID' | 'BOT_PASSWORD' | 'BOT_TYPE' | 'BOT_TENANT_ID' | 'PUBLIC_URL' | 'TEAMS_APP_ID'>;
  /** The application: the front door the bot answers with, and the conversation state in the database. */
  app: Pick<Application, 'frontDoor' | 'checks' | 'feedback' | 'callerFor' | 'botState' | 'scans' | 'notices'>;
  logger: Logger;
  /** Overrides of the token-validation endpoints (OpenID metadata), for tests with a local key. */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
}

export function createBotEndpoint({ config, app, logger, authOverrides }: BotEndpointOptions): BotEndpoint {
  // An empty app id is anonymous (local development, Agents Playground); the app type only applies with an id.
  const credentials = config.BOT_ID
    ? {
        MicrosoftAppId: config.BOT_ID,
        MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
        MicrosoftAppType: config.BOT_TYPE,
        MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
      }
    : { MicrosoftAppId: '', MicrosoftAppPassword: '' };
  const auth = new StrictAuthentication({
    ...credentials,
    ...authOverrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  // "...is typing" when an answer takes longer than half a second (a semantic or generative endpoint, a busy database).
  adapter.use(new ShowTypingMiddleware(500, 2000));
  adapter.onTurnError = async (context, error) => {
    // No message text in the log: only what kind of activity failed, and why, under a code the person can quote.
    const correlationId = randomUUID();
    logger.error({ correlationId, err: errorForLog(error), activityType: context.activity.type }, 'bot turn failed');
    await context.sendActivity(texts[languageOf(context.activity.locale)].failed(correlationId)).catch(() => undefined);
  };
  const bot = new AiWijzerBot(new ConversationState(new DatabaseStorage(app.botState)), {
    frontDoor: app.frontDoor,
    checks: app.checks,
    feedback: app.feedback,
    callerFor: app.callerFor,
    scans: app.scans,
    notices: app.notices,
    publicUrl: config.PUBLIC_URL,
    teamsAppId: config.TEAMS_APP_ID,
  });
  // When a scan ends, the person who started it hears it in their personal chat, from whichever instance ran it.
  app.notices.onScanFinished(async (reference, finished) => {
    await adapter.continueConversationAsync(
      config.BOT_ID ?? '',
      reference as ConversationReference,
      async (context) => {
        await context.sendActivity(
          scanNotice(finished, { publicUrl: config.PUBLIC_URL, teamsAppId: config.TEAMS_APP_ID }),
        );
      },
    );
  });
  return {
    anonymous: !config.BOT_ID,
    handle: (req, res) => adapter.process(req as never, res as never, (context) => bot.run(context)),
  };
}
