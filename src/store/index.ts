export type { Queryable, Store } from './store.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { migrate, loadMigrations, type Migration } from './migrate.js';
export { StoreLockedError } from './lock.js';
