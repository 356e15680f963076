import type { BotEndpoint } from '../bot/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';

/** What every route module gets: configuration, the database, the logger. */
export interface AppContext {
  config: Config;
  store: Store;
  logger: Logger;
  bot: BotEndpoint;
  version: string;
  /** Registers work to finish on shutdown (background workers); run in reverse order before the database closes. */
  onClose(fn: () => Promise<void>): void;
}
