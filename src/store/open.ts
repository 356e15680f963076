import { join } from 'node:path';
import { acquireStoreLock } from './lock.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  databaseUrl?: string;
  dataDir: string;
  schema?: string;
  /** PostgreSQL: a pooled connection was lost (see PostgresOptions); a warning through a new logger when not given. */
  onConnectionError?: (error: Error) => void;
}

/**
 * PostgreSQL when a URL is given, else PGlite in dataDir/db; migrations applied before it is returned. PGlite on
 * disk is for one process: dataDir/db.lock refuses a second one (StoreLockedError) until the first closes.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { schema: options.schema, onConnectionError: options.onConnectionError })
    : options.dataDir.startsWith('memory://')
      ? await openPglite(options.dataDir)
      : await openLockedPglite(options.dataDir);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

async function openLockedPglite(dataDir: string): Promise<Store> {
  const lock = acquireStoreLock(dataDir);
  let store: Store;
  try {
    store = await openPglite(join(dataDir, 'db'));
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    ...store,
    async close() {
      try {
        await store.close();
      } finally {
        lock.release();
      }
    },
  };
}
