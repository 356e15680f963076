import { randomUUID } from 'node:crypto';
import type { ScanProgress, ScanReport } from '../report.js';
import { NothingReadError, runScan } from '../scan.js';
import type { Source } from '../source.js';
import { sourceKeyOf, type ScanJob, type ScanJobQueue } from './types.js';

/** A job that cannot run, with the code the API turns into a message (token expired, target not found). */
export class JobError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'JobError';
  }
}

export interface ScanWorkerOptions {
  queue: ScanJobQueue;
  /** Builds the source of a job; throws JobError when it cannot. */
  sourceFor(job: ScanJob, signal: AbortSignal): Promise<Source & { resyncs?: readonly string[] }>;
  /** Maps an error from a running scan to a job error code. */
  errorCode?(error: unknown): string;
  workerId?: string;
  /** Jobs run side by side in this process. */
  concurrency?: number;
  pollMs?: number;
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this is taken to be orphaned and claimed again. */
  staleMs?: number;
  maxAttempts?: number;
  onError?(error: unknown, job?: ScanJob): void;
  /** A job this worker closed (done or failed), for telling the person who started it. Its errors are not the job's. */
  onFinished?(job: ScanJob): void | Promise<void>;
}

export interface ScanWorker {
  readonly id: string;
  /** Stops claiming, cancels running scans and gives their jobs back to the queue. */
  stop(): Promise<void>;
}

/**
 * The loop that runs Graph scans in the server process: claims a job from the database, runs the scan with
 * a heartbeat, stores the report. A job whose heartbeat this worker can no longer renew (another instance
 * took it over) is abandoned at once, so two workers never finish the same job.
 */
export function startScanWorker(options: ScanWorkerOptions): ScanWorker {
  const id = options.workerId ?? `worker-${randomUUID()}`;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const staleMs = options.staleMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const stopping = new AbortController();

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      }
      stopping.signal.addEventListener('abort', done, { once: true });
    });

  async function finished(job: ScanJob): Promise<void> {
    try {
      await options.onFinished?.(job);
    } catch (error) {
      options.onError?.(error, job);
    }
  }

  async function runJob(job: ScanJob): Promise<void> {
    const controller = new AbortController();
    const onStop = () => controller.abort(new Error('shutdown'));
    stopping.signal.addEventListener('abort', onStop, { once: true });
    // A claim that was on its way while the worker stopped: give the job straight back.
    if (stopping.signal.aborted) {
      stopping.signal.removeEventListener('abort', onStop);
      return options.queue.release(job.id, id);
    }
    let lost = false;
    let progress: ScanProgress = job.progress;
    let beating = Promise.resolve();
    const timer = setInterval(() => {
      beating = beating.then(async () => {
        try {
          if (!(await options.queue.heartbeat(job.id, id, progress))) {
            lost = true;
            controller.abort(new Error('lost'));
          }
        } catch (error) {
          options.onError?.(error, job);
        }
      });
    }, heartbeatMs);
    let ended: { report: ScanReport; notes: string[] } | { error: unknown };
    try {
      const source = await options.sourceFor(job, controller.signal);
      const report = await runScan(source, {
        signal: controller.signal,
        lang: job.lang,
        onProgress: (p) => (progress = p),
      });
      const notes = (source.resyncs ?? []).map((label) =>
        job.lang === 'en'
          ? `"${label}" was read again from the start because Microsoft Graph asked for a resync.`
          : `"${label}" is opnieuw volledig gelezen omdat Microsoft Graph om een resync vroeg.`,
      );
      ended = { report, notes };
    } catch (error) {
      ended = { error };
    } finally {
      clearInterval(timer);
      await beating;
      stopping.signal.removeEventListener('abort', onStop);
    }
    if (lost) return;
    try {
      if (stopping.signal.aborted) return await options.queue.release(job.id, id);
      if ('report' in ended) {
        if (await options.queue.complete(job.id, id, sourceKeyOf(job.target), ended.report, ended.notes))
          await finished(job);
        return;
      }
      const { error } = ended;
      // A target that could not be read at all is the person's to hear about, not an error of ours to log.
      if (!(error instanceof NothingReadError)) options.onError?.(error, job);
      const code =
        error instanceof JobError
          ? error.code
          : error instanceof NothingReadError
            ? 'nothing_read'
            : (options.errorCode?.(error) ?? 'scan_failed');
      await options.queue.fail(job.id, id, code);
      await finished(job);
    } catch (error) {
      // The database was away just when the job was to be closed: it stays 'running' without a heartbeat, so once
      // its heartbeat is stale (staleMs) this instance or another claims it again and scans it anew.
      options.onError?.(error, job);
      // Unless only the answer was lost (the connection dropped after COMMIT): then it is closed, and told as usual.
      const now = await options.queue.get(job.id).catch(() => undefined);
      if (!stopping.signal.aborted && (now?.status === 'done' || now?.status === 'failed')) await finished(job);
    }
  }

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      let job: ScanJob | undefined;
      try {
        job = await options.queue.claim(id, staleMs, options.maxAttempts ?? 3);
      } catch (error) {
        if (stopping.signal.aborted) return;
        options.onError?.(error);
      }
      if (job) {
        // A worker slot outlives any job: whatever one throws is reported, and the loop goes on claiming.
        await runJob(job).catch((error: unknown) => options.onError?.(error, job));
      } else await idle();
    }
  }

  const loops = Array.from({ length: options.concurrency ?? 2 }, () => loop());
  return {
    id,
    async stop() {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}
