import type { Store } from '../../src/store/index.js';

/** Per table of the store's schema: how many rows, and a hash of all of them (any change to any row shows). */
export type TableSnapshot = Record<string, { rows: number; hash: string }>;

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * Takes a snapshot of every table in the store's schema (PGlite's public, or a suite's own schema on PostgreSQL) in
 * one query, to show that a refused request changed nothing. `except` leaves tables out (what every turn may touch).
 */
export function tableSnapshots(store: Store, except: readonly string[] = []) {
  let query: Promise<string> | undefined;
  const build = async () => {
    const tables = await store.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    const names = tables.map((t) => t.name).filter((n) => identifier.test(n) && !except.includes(n));
    if (names.length === 0) throw new Error('no tables in the current schema');
    return names
      .map(
        (n) =>
          `select '${n}' as name, count(*)::int as rows, coalesce(md5(string_agg(t::text, chr(10) order by t::text)), '') as hash from ${n} t`,
      )
      .join(' union all ');
  };
  return async (): Promise<TableSnapshot> => {
    const rows = await store.query<{ name: string; rows: number; hash: string }>(await (query ??= build()));
    return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }]));
  };
}
