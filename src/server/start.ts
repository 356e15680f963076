import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApplication, type Application } from '../app/index.js';
import { createBotEndpoint, type BotEndpointOptions } from '../bot/index.js';
import type { Config } from '../config.js';
import { createLogger, errorForLog, type Logger } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import { appVersion } from '../version.js';
import { startRetentionSchedule } from '../app/retention-schedule.js';
import { createApp, type AppOptions } from './app.js';
import { answerClientErrors } from './client-errors.js';

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  store: Store;
  config: Config;
  /** The application the server, the bot and the worker share. */
  application: Application;
  /** Stops taking requests, lets running ones finish (up to graceMs), then closes the database. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions extends AppOptions {
  logger?: Logger;
  host?: string;
  /** Own schema on PostgreSQL (tests); ignored for PGlite. */
  schema?: string;
  /** Where the bot looks up the Bot Framework's signing keys: a local key server in the security tests. */
  botAuthOverrides?: BotEndpointOptions['authOverrides'];
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    schema: options.schema,
    // The pool opens a new connection when next needed; only the error's kind and code are logged.
    onConnectionError: (error) => logger.warn({ err: errorForLog(error) }, 'database connection lost'),
  });
  // memory:// (tests) stays in memory; any other DATA_DIR holds the database in DATA_DIR/db.
  const closers: (() => Promise<void>)[] = [];
  let server: Server;
  let application: Application;
  try {
    // Broken content (vision, rules, register) stops start-up here: close what was opened, then report it.
    application = createApplication({ config, store, logger });
    for (const w of application.warnings) logger.warn({ file: w.file, line: w.line }, `visie-inhoud: ${w.problem}`);
    // The sections are embedded in the background; until then (and whenever the endpoint fails) the words alone rank.
    void application.ask.prepareSemantic();
    const bot = createBotEndpoint({
      config,
      app: application,
      logger,
      ...(options.botAuthOverrides ? { authOverrides: options.botAuthOverrides } : {}),
    });
    const app = createApp(
      { app: application, config, logger, bot, version: appVersion, onClose: (fn) => closers.unshift(fn) },
      options,
    );
    // Retention: the clean-up at start-up and then every RETENTION_CLEANUP_MINUTES, stopped before the database closes.
    if (config.RETENTION_CLEANUP_MINUTES > 0) {
      const schedule = startRetentionSchedule(application.privacy, config.RETENTION_CLEANUP_MINUTES * 60_000, logger);
      closers.push(() => schedule.stop());
    }
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.PORT, options.host ?? config.HOST, (error?: Error) =>
        error ? reject(error) : resolve(s),
      );
      answerClientErrors(s);
    });
  } catch (error) {
    for (const close of closers) await close().catch(() => undefined);
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000) =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      for (const close of closers)
        await close().catch((error: Error) => logger.error({ err: errorForLog(error) }, 'shutdown step failed'));
      await store.close();
    })());
  return { url: `http://localhost:${port}`, port, server, store, config, application, stop };
}
