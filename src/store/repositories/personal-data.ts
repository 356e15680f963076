import type { Queryable } from '../store.js';

/**
 * What the database keeps under one person's pseudonym besides their checks (those are quickcheck.ts): their scan
 * jobs (without the sealed token), the scan reports they own, the bot's state for their personal chat, the delta
 * state of drives scanned on their behalf, and the tool register changes they made as an admin. For an AVG request
 * (`ai-wijzer privacy export|delete`, src/app/privacy.ts).
 */
export interface PersonalRows {
  scanJobs: Record<string, unknown>[];
  scanReports: Record<string, unknown>[];
  botState: { key: string; value: unknown; updatedAt: string }[];
  driveStates: { key: string; itemCount: number; updatedAt: string }[];
  registerChanges: Record<string, unknown>[];
}

/** How many rows a delete removed, and the team reports kept for the team without the person's pseudonym. */
export interface PersonalRemoval {
  scanJobs: number;
  scanReports: number;
  teamReportsKept: number;
  botState: number;
  driveStates: number;
}

export interface PersonalDataRepository {
  find(who: string): Promise<PersonalRows>;
  remove(who: string): Promise<PersonalRemoval>;
}

/** The jsonb columns read here (a driver may give them as text). */
const jsonColumns = new Set(['progress', 'notes', 'report']);
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

/** The bot_state keys of a person: where to reach them, and (botbuilder's key) the state of that personal chat. */
async function botKeys(store: Queryable, who: string): Promise<string[]> {
  const reference = `reference/${who}`;
  const [row] = await store.query<{ value: unknown }>('select value from bot_state where key = $1', [reference]);
  const value = json(row?.value) as { channelId?: unknown; conversation?: { id?: unknown } } | undefined;
  const keys = [reference];
  if (typeof value?.channelId === 'string' && typeof value.conversation?.id === 'string')
    keys.push(`${value.channelId}/conversations/${value.conversation.id}`);
  return keys;
}

/** A person's rows in every table that names them by pseudonym. */
export function personalDataRepository(store: Queryable): PersonalDataRepository {
  const drivePrefix = (who: string) => `${who}|`;
  return {
    async find(who) {
      const jobs = await store.query<Record<string, unknown>>(
        `select id, target_kind, target_id, tenant, lang, status, attempts, progress, scan_id, error_code, notes,
                created_at, started_at, finished_at
           from scan_jobs where owner = $1 order by created_at`,
        [who],
      );
      const reports = await store.query<Record<string, unknown>>(
        `select id, source_key, source, root, complete, started_at, finished_at, files, folders, bytes, score, label, report
           from housekeeping_scans where owner = $1 order by seq`,
        [who],
      );
      const bot = await store.query<{ key: string; value: unknown; updated_at: Date | string }>(
        'select key, value, updated_at from bot_state where key = any($1) order by key',
        [await botKeys(store, who)],
      );
      const drives = await store.query<{ key: string; item_count: number; updated_at: Date | string }>(
        'select key, item_count, updated_at from graph_drive_state where left(key, length($1)) = $1 order by key',
        [drivePrefix(who)],
      );
      const changes = await store.query<Record<string, unknown>>(
        'select revision, at, tool_id, action from tool_register_changes where who = $1 order by seq',
        [who],
      );
      const dated = (row: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            v instanceof Date ? v.toISOString() : jsonColumns.has(k) ? json(v) : v,
          ]),
        );
      return {
        scanJobs: jobs.map(dated),
        scanReports: reports.map(dated),
        botState: bot.map((r) => ({ key: r.key, value: json(r.value), updatedAt: iso(r.updated_at)! })),
        driveStates: drives.map((r) => ({
          key: r.key,
          itemCount: Number(r.item_count),
          updatedAt: iso(r.updated_at)!,
        })),
        registerChanges: changes.map(dated),
      };
    },
    async remove(who) {
      const keys = await botKeys(store, who);
      const jobs = await store.query('delete from scan_jobs where owner = $1 returning id', [who]);
      // A scan of a team's files is the team's too (its leads read it, its trend goes on): kept without the owner.
      const kept = await store.query(
        "update housekeeping_scans set owner = null where owner = $1 and source_key like 'graph:team:%' returning id",
        [who],
      );
      const reports = await store.query('delete from housekeeping_scans where owner = $1 returning id', [who]);
      const bot = await store.query('delete from bot_state where key = any($1) returning key', [keys]);
      const drives = await store.query('delete from graph_drive_state where left(key, length($1)) = $1 returning key', [
        drivePrefix(who),
      ]);
      return {
        scanJobs: jobs.length,
        scanReports: reports.length,
        teamReportsKept: kept.length,
        botState: bot.length,
        driveStates: drives.length,
      };
    },
  };
}
