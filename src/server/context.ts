import type { Application } from '../app/index.js';
import type { BotEndpoint } from '../bot/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/** What every route module gets: the application (every capability), the bot, configuration and the logger. */
export interface AppContext {
  app: Application;
  config: Config;
  logger: Logger;
  bot: BotEndpoint;
  version: string;
  /** Registers work to finish on shutdown (background workers); run in reverse order before the database closes. */
  onClose(fn: () => Promise<void>): void;
}
