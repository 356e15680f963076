import { join } from 'node:path';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  databaseUrl?: string;
  dataDir: string;
  schema?: string;
}

/** PostgreSQL when a URL is given, else PGlite in dataDir/db; migrations applied before it is returned. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { schema: options.schema })
    : await openPglite(options.dataDir.startsWith('memory://') ? options.dataDir : join(options.dataDir, 'db'));
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
