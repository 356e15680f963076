import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { srcDir } from '../paths.js';
import type { Store } from './store.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsDir = join(srcDir, 'store', 'migrations');
const fileName = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The numbered migrations in src/store/migrations (NNN_name.sql), in order; numbers must be unique. */
export function loadMigrations(dir: string = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const match = fileName.exec(f);
      if (!match) throw new Error(`migration file name must be NNN_name.sql: ${f}`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(join(dir, f), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]!.version === m.version) throw new Error(`two migrations numbered ${m.version}`);
  });
  return migrations;
}

/** Applies the migrations not applied yet, each in its own transaction; returns the versions applied. */
export async function migrate(store: Store, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  await store.exec(
    'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
  );
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await store.transaction(async (tx) => {
      // Instances starting together on one PostgreSQL: the lock makes the second wait, then skip.
      if (store.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(4242001)');
      const rows = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Splits a migration into statements; migrations keep to plain DDL (no semicolons inside bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
