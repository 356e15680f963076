import pg from 'pg';
import { createLogger, errorForLog } from '../log.js';
import type { Queryable, Store } from './store.js';

export interface PostgresOptions {
  /** A schema of its own (created when missing): lets test suites share one database without meeting. */
  schema?: string;
  max?: number;
  /**
   * A connection the pool holds was lost (the server ended it, a failover, the network): told here instead of
   * crashing the process; the pool opens a new one when it is next needed. Logs a warning when not given.
   */
  onConnectionError?: (error: Error) => void;
}

/** What is logged when a connection is lost: the error's kind and code, never a statement or its values. */
function logConnectionError(error: Error): void {
  createLogger().warn({ err: errorForLog(error) }, 'database connection lost');
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Store> {
  if (options.schema !== undefined && !identifier.test(options.schema)) {
    throw new Error(`invalid schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  const onConnectionError = options.onConnectionError ?? logConnectionError;
  // An idle client whose connection drops is removed by the pool, which then emits 'error': unheard, that ends the process.
  pool.on('error', (error) => onConnectionError(error));
  if (options.schema) await pool.query(`create schema if not exists ${options.schema}`);
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      // A checked-out client reports a lost connection on itself, not on the pool: heard here, or it ends the process.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        if (!lost) onConnectionError(error);
        lost ??= error;
      };
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        // A rollback that fails means the connection is gone (the server has rolled back already, or committed
        // when only COMMIT's answer was lost); the error that stopped the transaction is the one to pass on.
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.off('error', onError);
        // A client whose connection failed is destroyed, not given back to the pool as if it were healthy.
        client.release(lost ?? broken);
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async ping() {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}
