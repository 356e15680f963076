import type { Queryable } from '../store.js';

/** The moments before which each kind of data goes (ISO timestamps); a kind left out is kept. */
export interface RetentionCutoffs {
  scans?: string;
  feedback?: string;
  botState?: string;
}

/** How many rows the clean-up removed per table. */
export interface RetentionRemoval {
  scanReports: number;
  scanJobs: number;
  driveStates: number;
  feedback: number;
  botState: number;
}

/**
 * Removes what is past its retention (src/app/privacy.ts decides the moments): scan reports by when they finished,
 * scan jobs that ended (an open job is never removed), the drives' delta state by its last scan, the vision's
 * feedback by when it was given, and the bot's state by its last write. The checks are erased, never removed
 * (quickcheck.ts). Idempotent, so that several instances may run it at once.
 */
export async function removeExpired(store: Queryable, cutoffs: RetentionCutoffs): Promise<RetentionRemoval> {
  const removed: RetentionRemoval = { scanReports: 0, scanJobs: 0, driveStates: 0, feedback: 0, botState: 0 };
  const count = async (sql: string, cutoff: string) => (await store.query(sql, [cutoff])).length;
  if (cutoffs.scans) {
    removed.scanReports = await count(
      'delete from housekeeping_scans where finished_at < $1::timestamptz returning id',
      cutoffs.scans,
    );
    removed.scanJobs = await count(
      `delete from scan_jobs where status not in ('queued', 'running')
         and coalesce(finished_at, created_at) < $1::timestamptz returning id`,
      cutoffs.scans,
    );
    removed.driveStates = await count(
      'delete from graph_drive_state where updated_at < $1::timestamptz returning key',
      cutoffs.scans,
    );
  }
  if (cutoffs.feedback)
    removed.feedback = await count(
      'delete from vision_feedback where created_at < $1::timestamptz returning id',
      cutoffs.feedback,
    );
  if (cutoffs.botState)
    removed.botState = await count(
      'delete from bot_state where updated_at < $1::timestamptz returning key',
      cutoffs.botState,
    );
  return removed;
}
