import type { RegisteredTool, ToolRegister } from '../../quickcheck/tool.js';
import type { Queryable, Store } from '../store.js';

/** The register as kept in the database: where it started, its revision (0: as seeded) and its entries in order. */
export interface KeptRegister {
  /** The version of the YAML register it was seeded from (with that file's fingerprint). */
  startVersion: string;
  example: boolean;
  revision: number;
  seededAt: string;
  /** When it was last changed; null while it is as seeded. */
  changedAt: string | null;
  /** The entries as stored; src/app validates them again with the register's schema when it reads them. */
  tools: unknown[];
}

export type ToolChangeAction = 'added' | 'changed' | 'removed';

/** A change to make: an entry put (added or changed) or removed. */
export type ToolChange = { action: 'added' | 'changed'; entry: RegisteredTool } | { action: 'removed'; id: string };

/** A change as logged: who (a pseudonym), when, which tool, and the entry before and after. */
export interface LoggedToolChange {
  seq: number;
  revision: number;
  at: string;
  who: string;
  toolId: string;
  action: ToolChangeAction;
  /** The entry before (null when added) and after (null when removed). */
  before: unknown;
  after: unknown;
}

export interface ToolRegisterRepository {
  /** The register as kept; seeded from `seed()` (the YAML's) when the database has none yet. */
  read(seed: () => ToolRegister): Promise<KeptRegister>;
  /**
   * Makes one change under a lock on the head: `decide` sees the register as kept now and returns the change, or
   * null for none; when it throws, nothing is changed. The change and its log line are one transaction.
   */
  change(
    seed: () => ToolRegister,
    who: string,
    decide: (kept: KeptRegister) => ToolChange | null,
  ): Promise<{ kept: KeptRegister; logged: LoggedToolChange | null }>;
  /** The logged changes, newest first (before: only changes with a lower seq, for paging back). */
  history(options: { limit: number; before?: number }): Promise<LoggedToolChange[]>;
}

interface HeadRow extends Record<string, unknown> {
  start_version: string;
  example: boolean;
  revision: number;
  seeded_at: Date | string;
  changed_at: Date | string | null;
}

interface ChangeRow extends Record<string, unknown> {
  seq: number | string;
  revision: number;
  at: Date | string;
  who: string;
  tool_id: string;
  action: ToolChangeAction;
  old_entry: unknown;
  new_entry: unknown;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const iso = (value: Date | string) => new Date(value).toISOString();

function toChange(r: ChangeRow): LoggedToolChange {
  return {
    seq: Number(r.seq),
    revision: Number(r.revision),
    at: iso(r.at),
    who: r.who,
    toolId: r.tool_id,
    action: r.action,
    before: r.old_entry === null ? null : json(r.old_entry),
    after: r.new_entry === null ? null : json(r.new_entry),
  };
}

/**
 * Seeds the register from the YAML's when the head row is missing. Instances that read it for the first time together
 * both try: the primary key makes the second wait for the first and then insert nothing.
 */
/**
 * Copies the YAML's register in when the database has none yet, and again when the database still holds an unedited
 * copy (revision 0) of another version of the file: then nobody changed it here, and the file is the register (a
 * shipped example that gained a field, a TOOL_REGISTER_PATH file that was replaced). Once an admin changed it, the
 * database's register is kept, whatever the file says.
 */
async function ensureSeeded(tx: Queryable, seed: () => ToolRegister): Promise<void> {
  const register = seed();
  const [head] = await tx.query<{ revision: number; start_version: string }>(
    'select revision, start_version from tool_register_head where id = 1 for update',
  );
  if (head && (head.revision > 0 || head.start_version === register.version)) return;
  if (head) {
    await tx.query('delete from tool_register');
    await tx.query('update tool_register_head set start_version = $1, example = $2, seeded_at = now() where id = 1', [
      register.version,
      register.example,
    ]);
  } else {
    const inserted = await tx.query(
      'insert into tool_register_head (id, start_version, example, revision, seeded_at) values (1, $1, $2, 0, now()) on conflict (id) do nothing returning id',
      [register.version, register.example],
    );
    if (inserted.length === 0) return;
  }
  for (const [position, tool] of register.tools.entries())
    await tx.query('insert into tool_register (id, position, entry) values ($1, $2, $3)', [
      tool.id,
      position,
      JSON.stringify(tool),
    ]);
}

/** The head and the entries, read in one statement so that they belong to the same revision. */
async function readKept(tx: Queryable, lock: boolean): Promise<KeptRegister> {
  if (lock) await tx.query('select id from tool_register_head where id = 1 for update');
  const rows = await tx.query<HeadRow & { entry: unknown }>(
    `select h.start_version, h.example, h.revision, h.seeded_at, h.changed_at, t.entry
       from tool_register_head h left join tool_register t on true
      where h.id = 1
      order by t.position, t.id`,
  );
  const head = rows[0];
  if (!head) throw new Error('tool_register_head is missing after seeding');
  return {
    startVersion: head.start_version,
    example: head.example,
    revision: Number(head.revision),
    seededAt: iso(head.seeded_at),
    changedAt: head.changed_at === null ? null : iso(head.changed_at),
    tools: rows.filter((r) => r.entry !== null).map((r) => json(r.entry)),
  };
}

/** The tool register in tool_register_head, tool_register and tool_register_changes (007_tool_register.sql). */
export function toolRegisterRepository(store: Store): ToolRegisterRepository {
  return {
    async read(seed) {
      // Seeding is a write; once it is done and the file is the one seeded (or the register was changed here), one
      // plain read is enough.
      const [head] = await store.query<{ revision: number; start_version: string }>(
        'select revision, start_version from tool_register_head where id = 1',
      );
      if (!head || (head.revision === 0 && head.start_version !== seed().version))
        await store.transaction((tx) => ensureSeeded(tx, seed));
      return readKept(store, false);
    },
    async change(seed, who, decide) {
      return store.transaction(async (tx) => {
        await ensureSeeded(tx, seed);
        const kept = await readKept(tx, true);
        const change = decide(kept);
        if (!change) return { kept, logged: null };
        const id = change.action === 'removed' ? change.id : change.entry.id;
        const [old] = await tx.query<{ entry: unknown }>('select entry from tool_register where id = $1', [id]);
        if (change.action === 'removed') await tx.query('delete from tool_register where id = $1', [id]);
        else if (old)
          await tx.query('update tool_register set entry = $2 where id = $1', [id, JSON.stringify(change.entry)]);
        else
          await tx.query(
            'insert into tool_register (id, position, entry) values ($1, (select coalesce(max(position), -1) + 1 from tool_register), $2)',
            [id, JSON.stringify(change.entry)],
          );
        const revision = kept.revision + 1;
        // now() is the transaction's time: the head and the log line carry the same moment.
        await tx.query('update tool_register_head set revision = $1, changed_at = now() where id = 1', [revision]);
        const [row] = await tx.query<ChangeRow>(
          `insert into tool_register_changes (revision, at, who, tool_id, action, old_entry, new_entry)
           values ($1, now(), $2, $3, $4, $5, $6) returning *`,
          [
            revision,
            who,
            id,
            change.action,
            old ? JSON.stringify(json(old.entry)) : null,
            change.action === 'removed' ? null : JSON.stringify(change.entry),
          ],
        );
        return { kept: await readKept(tx, false), logged: toChange(row!) };
      });
    },
    async history({ limit, before }) {
      const rows = before
        ? await store.query<ChangeRow>(
            'select * from tool_register_changes where seq < $1 order by seq desc limit $2',
            [before, limit],
          )
        : await store.query<ChangeRow>('select * from tool_register_changes order by seq desc limit $1', [limit]);
      return rows.map(toChange);
    },
  };
}
