import type { ScanProgress, ScanReport } from '../report.js';
import type { Lang } from '../../lang.js';

export type ScanJobStatus = 'queued' | 'running' | 'done' | 'failed';
export type TargetKind = 'drive' | 'site' | 'team';

/** Something a person can start a scan of, as Graph names it to them (sources/graph/reachable.ts lists them). */
export interface ReachableTarget {
  kind: TargetKind;
  id: string;
  name: string;
}

/**
 * The lists of targets asked of Graph: the user's OneDrive (`/me/drive`), their teams (`/me/joinedTeams`), the sites
 * they follow (`/me/followedSites`) and the sites a search finds (`/sites?search=`).
 */
export const reachableParts = ['drive', 'teams', 'followed-sites', 'site-search'] as const;
export type ReachablePart = (typeof reachableParts)[number];

export interface NewScanJob {
  /** The pseudonym of the user who started it: only they may read it. */
  owner: string;
  target: { kind: TargetKind; id: string };
  /** Whose throttling budget the scan spends (the caller's tenant). */
  tenant?: string;
  lang: Lang;
  /** The Graph token for a delegated scan, sealed (see credential.ts); absent when the app's own token is used. */
  credential?: string;
}

export interface ScanJob extends NewScanJob {
  id: string;
  status: ScanJobStatus;
  attempts: number;
  progress: ScanProgress;
  /** The stored report (housekeeping_scans) when done. */
  scanId?: string;
  errorCode?: string;
  /** Things the user should know about a finished scan (a resync happened). */
  notes: string[];
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

/** The queue the workers take jobs from; the database implements it (src/store/repositories/scan-jobs.ts). */
export interface ScanJobQueue {
  /** Creates a job, or returns the owner's open (queued or running) job for the same target. */
  create(job: NewScanJob): Promise<ScanJob>;
  get(id: string): Promise<ScanJob | undefined>;
  /** One owner's jobs: the open ones first, then the most recent, at most `limit`. */
  listOf(owner: string, limit: number): Promise<ScanJob[]>;
  claim(worker: string, staleMs: number, maxAttempts: number): Promise<ScanJob | undefined>;
  /** False when the job is no longer this worker's (another claimed it after a stale heartbeat). */
  heartbeat(id: string, worker: string, progress: ScanProgress): Promise<boolean>;
  /** Stores the report and closes the job, only if this worker still holds it. */
  complete(id: string, worker: string, sourceKey: string, report: ScanReport, notes: string[]): Promise<boolean>;
  fail(id: string, worker: string, code: string): Promise<void>;
  release(id: string, worker: string): Promise<void>;
}

export const sourceKeyOf = (target: { kind: TargetKind; id: string }) => `graph:${target.kind}:${target.id}`;
