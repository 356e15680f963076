import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../src/store/index.js';

/**
 * The databases a store suite runs against: PGlite in memory always, and PostgreSQL when DATABASE_URL
 * is set (each suite in a schema of its own, dropped afterwards, so suites never meet).
 */
export const storeKinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export async function openTestStore(kind: 'pglite' | 'postgres'): Promise<Store & { dispose(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const store =
    kind === 'postgres'
      ? await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: 'unused', schema })
      : await openStore({ dataDir: 'memory://' });
  return Object.assign(store, {
    async dispose() {
      if (kind === 'postgres') await store.query(`drop schema if exists ${schema} cascade`);
      await store.close();
    },
  });
}
