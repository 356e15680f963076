import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer, type StartOptions } from '../../src/server/start.js';

/**
 * Starts the real server on an ephemeral port with an in-memory PGlite (or, when DATABASE_URL is set,
 * PostgreSQL in a schema of its own). `env` overrides configuration variables for one suite; `logger` reads back
 * what the server logged (silent by default).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Pick<StartOptions, 'tabDir' | 'botAuthOverrides' | 'host' | 'logger'> = {},
): Promise<RunningServer & { dispose(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: 'memory://',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    LOG_LEVEL: 'silent',
    // A suite is one developer clicking through many pages a minute: the limits have their own suite
    // (tests/server/rate-limit.int.test.ts), which sets them.
    RATE_LIMIT_PER_USER: '100000',
    RATE_LIMIT_PER_IP: '100000',
    ...env,
  });
  const running = await startServer(config, {
    host: options.host ?? '127.0.0.1',
    schema,
    logger: options.logger ?? createLogger('silent'),
    tabDir: options.tabDir,
    ...(options.botAuthOverrides ? { botAuthOverrides: options.botAuthOverrides } : {}),
  });
  return Object.assign(running, {
    async dispose() {
      if (running.store.kind === 'postgres') await running.store.query(`drop schema if exists ${schema} cascade`);
      await running.stop(1000);
    },
  });
}
