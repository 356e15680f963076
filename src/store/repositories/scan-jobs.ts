import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ScanJob, ScanJobQueue, ScanJobStatus, NewScanJob } from '../../housekeeping/jobs/types.js';
import type { ScanProgress, ScanReport } from '../../housekeeping/report.js';
import type { DriveStateStore, ItemTuple, StoredDrive } from '../../housekeeping/sources/graph/drive-state.js';
import type { Queryable, Store } from '../store.js';
import { saveScanReport } from './housekeeping.js';

interface JobRow extends Record<string, unknown> {
  id: string;
  owner: string;
  target_kind: 'drive' | 'site' | 'team';
  target_id: string;
  tenant: string | null;
  lang: string;
  status: ScanJobStatus;
  credential: string | null;
  attempts: number;
  worker: string | null;
  progress: ScanProgress | string;
  scan_id: string | null;
  error_code: string | null;
  notes: string[] | string;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? undefined : new Date(v).toISOString());
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toJob(row: JobRow): ScanJob {
  return {
    id: row.id,
    owner: row.owner,
    target: { kind: row.target_kind, id: row.target_id },
    ...(row.tenant ? { tenant: row.tenant } : {}),
    lang: row.lang === 'en' ? 'en' : 'nl',
    status: row.status,
    ...(row.credential ? { credential: row.credential } : {}),
    attempts: Number(row.attempts),
    progress: { items: 0, requests: 0, throttledSeconds: 0, ...json<Partial<ScanProgress>>(row.progress) },
    ...(row.scan_id ? { scanId: row.scan_id } : {}),
    ...(row.error_code ? { errorCode: row.error_code } : {}),
    notes: json<string[]>(row.notes),
    createdAt: iso(row.created_at)!,
    ...(row.started_at ? { startedAt: iso(row.started_at) } : {}),
    ...(row.finished_at ? { finishedAt: iso(row.finished_at) } : {}),
  };
}

/** The scan jobs in the database: the queue every instance's worker takes work from. */
export function scanJobQueue(store: Store): ScanJobQueue {
  return {
    async create(job: NewScanJob) {
      // A second click on "scan" while the first still runs gives the same job, not a second scan. The unique
      // index scan_jobs_one_open (009) keeps it so when two starts race: the loser's insert is refused (23505)
      // and it answers with the job that won.
      const findOpen = async () =>
        (
          await store.query<JobRow>(
            `select * from scan_jobs where owner = $1 and target_kind = $2 and target_id = $3 and status in ('queued', 'running') order by created_at limit 1`,
            [job.owner, job.target.kind, job.target.id],
          )
        )[0];
      for (let attempt = 0; ; attempt++) {
        const open = await findOpen();
        if (open) return toJob(open);
        try {
          const rows = await store.query<JobRow>(
            `insert into scan_jobs (id, owner, target_kind, target_id, tenant, lang, credential) values ($1, $2, $3, $4, $5, $6, $7) returning *`,
            [
              randomUUID(),
              job.owner,
              job.target.kind,
              job.target.id,
              job.tenant ?? null,
              job.lang,
              job.credential ?? null,
            ],
          );
          return toJob(rows[0]!);
        } catch (error) {
          // The open job that won may have ended in between: then the next round inserts after all.
          if (!isUniqueViolation(error) || attempt >= 2) throw error;
        }
      }
    },

    async get(id: string) {
      const rows = await store.query<JobRow>('select * from scan_jobs where id = $1', [id]);
      return rows[0] ? toJob(rows[0]) : undefined;
    },

    async listOf(owner: string, limit: number) {
      // An open job is always shown, however many scans were started after it.
      const rows = await store.query<JobRow>(
        `select * from scan_jobs where owner = $1
         order by case when status in ('queued', 'running') then 0 else 1 end, created_at desc limit $2`,
        [owner, limit],
      );
      return rows.map(toJob);
    },

    /**
     * Takes the oldest queued job, or a running one whose heartbeat is older than staleMs (its worker died).
     * On PostgreSQL SKIP LOCKED lets instances claim side by side without waiting on each other; PGlite runs
     * one statement at a time, so the same single UPDATE is already atomic there.
     */
    async claim(worker: string, staleMs: number, maxAttempts: number) {
      return store.transaction(async (tx) => {
        // A job that keeps killing its workers is given up instead of claimed forever.
        await tx.query(
          `update scan_jobs set status = 'failed', error_code = 'too_many_attempts', credential = null, finished_at = now()
           where status = 'running' and heartbeat_at < now() - $1 * interval '1 millisecond' and attempts >= $2`,
          [staleMs, maxAttempts],
        );
        const rows = await tx.query<JobRow>(
          `update scan_jobs set status = 'running', worker = $1, heartbeat_at = now(), attempts = attempts + 1,
             started_at = coalesce(started_at, now())
           where id = (
             select id from scan_jobs
             where status = 'queued' or (status = 'running' and heartbeat_at < now() - $2 * interval '1 millisecond')
             order by created_at limit 1 for update skip locked)
           returning *`,
          [worker, staleMs],
        );
        return rows[0] ? toJob(rows[0]) : undefined;
      });
    },

    async heartbeat(id: string, worker: string, progress: ScanProgress) {
      const rows = await store.query(
        `update scan_jobs set heartbeat_at = now(), progress = $3 where id = $1 and worker = $2 and status = 'running' returning id`,
        [id, worker, JSON.stringify(progress)],
      );
      return rows.length > 0;
    },

    async complete(id: string, worker: string, sourceKey: string, report: ScanReport, notes: string[]) {
      return store.transaction(async (tx) => {
        if (!(await holds(tx, id, worker))) return false;
        const rows = await tx.query<{ owner: string }>('select owner from scan_jobs where id = $1', [id]);
        const { id: scanId } = await saveScanReport(tx, sourceKey, report, { owner: rows[0]!.owner });
        const progress = { items: report.stats.files + report.stats.folders, requests: report.stats.graphRequests };
        await tx.query(
          `update scan_jobs set status = 'done', scan_id = $2, credential = null, finished_at = now(), notes = $3,
             progress = progress || $4::jsonb where id = $1`,
          [id, scanId, JSON.stringify(notes), JSON.stringify(progress)],
        );
        return true;
      });
    },

    async fail(id: string, worker: string, code: string) {
      await store.query(
        `update scan_jobs set status = 'failed', error_code = $3, credential = null, finished_at = now() where id = $1 and worker = $2 and status = 'running'`,
        [id, worker, code],
      );
    },

    /** Gives a job back on a clean shutdown, so the next instance starts it at once instead of after the stale timeout. */
    async release(id: string, worker: string) {
      // A job given back on shutdown did nothing wrong: the attempt does not count towards the limit.
      await store.query(
        `update scan_jobs set status = 'queued', worker = null, heartbeat_at = null, attempts = greatest(attempts - 1, 0)
         where id = $1 and worker = $2 and status = 'running'`,
        [id, worker],
      );
    },
  };
}

/** A unique index refused the row (SQLSTATE 23505); PGlite reports the same code as PostgreSQL. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

async function holds(tx: Queryable, id: string, worker: string): Promise<boolean> {
  const rows = await tx.query<{ worker: string | null; status: string }>(
    'select worker, status from scan_jobs where id = $1 for update',
    [id],
  );
  return rows[0]?.worker === worker && rows[0]?.status === 'running';
}

/** Delta links and item states per drive and viewer, gzip-compressed JSON tuples (about 30 bytes an item). */
export function graphDriveStateStore(store: Queryable): DriveStateStore {
  return {
    async load(key: string) {
      const rows = await store.query<{ delta_link: string; items: Uint8Array }>(
        'select delta_link, items from graph_drive_state where key = $1',
        [key],
      );
      const row = rows[0];
      if (!row) return undefined;
      const items = JSON.parse(gunzipSync(row.items).toString()) as ItemTuple[];
      return { deltaLink: row.delta_link, items } satisfies StoredDrive;
    },
    async save(key: string, drive: StoredDrive) {
      const items = gzipSync(JSON.stringify(drive.items));
      await store.query(
        `insert into graph_drive_state (key, delta_link, item_count, items, updated_at) values ($1, $2, $3, $4, now())
         on conflict (key) do update set delta_link = excluded.delta_link, item_count = excluded.item_count, items = excluded.items, updated_at = now()`,
        [key, drive.deltaLink, drive.items.length, items],
      );
    },
  };
}
