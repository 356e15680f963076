import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { srcDir } from '../../paths.js';

/** Plain JavaScript read from src/, like the walker's worker (filesystem-threads.ts). */
export const digestWorkerFile = join(srcDir, 'housekeeping', 'sources', 'filesystem-digest-worker.js');

/** Files per message: enough that a message costs little per file, few enough that the threads share the work. */
const jobsPerMessage = 64;
/** Threads stop after this long without work; a later digest starts them again. */
const idleMs = 1000;

type Job = { id: number; file: string; sample: boolean };
type Answer = { id: number; digest: string; code?: undefined } | { id: number; digest?: undefined; code: string };

/**
 * Digests of files (a sample of the first and last 4 kB, or all of it) on worker threads: the duplicate rule asks
 * for tens of thousands of them after the walk, and open, read and hash per file kept this thread busy for most
 * of a full scan. Requests made in the same turn go out together, a few dozen per message, spread over the
 * threads. The threads start at the first request, never keep the process alive and stop when idle. A file that
 * cannot be read rejects with an error carrying its code (EACCES, ELOOP for a link, ...).
 */
export class DigestThreads {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve(digest: string): void; reject(error: Error): void }>();
  private queue: Job[] = [];
  private nextId = 0;
  private nextWorker = 0;
  private flushing = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly threads: number,
    private readonly algorithm: string,
  ) {}

  digest(file: string, sample: boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, file, sample });
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushing = false;
    if (this.workers.length === 0) for (let i = 0; i < this.threads; i++) this.workers.push(this.start());
    const jobs = this.queue;
    this.queue = [];
    for (const worker of this.workers) worker.ref();
    for (let at = 0; at < jobs.length; at += jobsPerMessage) {
      const worker = this.workers[this.nextWorker++ % this.workers.length]!;
      worker.postMessage({ algorithm: this.algorithm, jobs: jobs.slice(at, at + jobsPerMessage) });
    }
  }

  private start(): Worker {
    const worker = new Worker(digestWorkerFile);
    worker.on('message', (answers: Answer[]) => {
      for (const answer of answers) {
        const waiter = this.waiting.get(answer.id);
        if (!waiter) continue;
        this.waiting.delete(answer.id);
        if (answer.code === undefined) waiter.resolve(answer.digest);
        else waiter.reject(Object.assign(new Error(`could not read the file (${answer.code})`), { code: answer.code }));
      }
      if (this.waiting.size === 0) this.rest();
    });
    const fail = (error: Error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
      this.stop();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`file digest thread stopped (exit code ${code})`)));
    return worker;
  }

  /** Nothing waiting: the threads no longer keep the process alive, and stop if no work comes soon. */
  private rest(): void {
    for (const worker of this.workers) worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.waiting.size === 0) this.stop();
    }, idleMs);
    this.idleTimer.unref();
  }

  private stop(): void {
    const workers = this.workers.splice(0);
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      worker.on('error', () => {});
      void worker.terminate();
    }
  }
}
