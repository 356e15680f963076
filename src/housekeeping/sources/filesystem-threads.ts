import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { srcDir } from '../../paths.js';
import type { Entry, Gap } from '../source.js';

/**
 * The worker is plain JavaScript read from src/ (like the content files): it then loads the same way under tsx,
 * jest and dist/, and the build need not copy it.
 */
export const walkerWorkerFile = join(srcDir, 'housekeeping', 'sources', 'filesystem-worker.js');

/** What filesystem-worker.js posts back for one directory: one given by this thread (id), or a subfolder it found. */
type Result = ({ id: number; parent?: undefined } | { id?: undefined; parent: number; name: string }) &
  (
    | { error: string; deferred?: undefined }
    | { error?: undefined; deferred: true }
    | {
        error?: undefined;
        deferred?: undefined;
        names: string;
        nums: Float64Array;
        links: number;
        /** The worker reads this directory's subfolders itself (in the same message, or deferred). */
        owned?: true;
        extraDirs?: string[];
        failures?: [string, string][];
      }
  );

interface Pending {
  abs: string;
  rel: string;
}

export interface ThreadedWalk {
  absRoot: string;
  /** Directories handed out at once, over all workers (on a network share: read at the same time). */
  concurrency: number;
  threads: number;
  /** Network shares: each worker reads its directories at the same time, as latency, not CPU, is the cost there. */
  parallelReads: boolean;
  gaps: Gap[];
  onLinks(count: number): void;
  signal?: AbortSignal;
  /** Entries a worker reads per request when it goes on into subfolders (default 4096; tests make it small). */
  entriesPerRequest?: number;
  /** Told the number of directories in flight after each hand-out (tests check the bound). */
  onDispatch?(inFlight: number): void;
}

/** Walker threads by default: two when the machine has two cores or more, else none (the walk runs on this thread). */
export function defaultWalkerThreads(): number {
  return availableParallelism() >= 2 ? 2 : 0;
}

/** Entries a worker reads for one request when it goes on into subfolders (about 10 ms of work on a local disk). */
const entriesPerRequest = 4096;

/**
 * The walk of filesystem.ts spread over worker threads: Node's lstat per file is the cost, and one thread
 * cannot keep up with `find`. This thread keeps the queue of folders and bounds how many are handed out;
 * each worker reads whole directories (readdir, then an lstat per entry) and answers a request with one
 * message: per directory the names as one string and the numbers as one transferred array, not an object per
 * entry. On a local disk a worker goes on into the subfolders it finds, up to a few thousand entries, and gives
 * back the folders it left; on a network share it reads only what it was given, at the same time, so the bound
 * on reads in flight holds.
 */
export async function* walkInWorkers(walk: ThreadedWalk): AsyncIterable<Entry[]> {
  const { absRoot, concurrency, gaps, signal } = walk;
  const threads = Math.max(1, walk.threads);
  // Two requests per worker, so that each has the next one queued while this thread handles the last.
  const perRequest = Math.max(1, Math.floor(concurrency / (2 * threads)));
  const stack: Pending[] = [{ abs: absRoot, rel: '' }];
  let head = 0;
  const inFlight = new Map<number, { dir: Pending; worker: number }>();
  const results: { result: Result; dir: Pending }[] = [];
  const load: number[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const workers = Array.from({ length: threads }, (_, i) => {
    load.push(0);
    const worker = new Worker(walkerWorkerFile);
    worker.on('message', (batch: Result[]) => {
      // A subfolder the worker found refers to its parent's result in the same message, which comes first.
      const dirs: Pending[] = [];
      for (const result of batch) {
        let dir: Pending;
        if (result.id !== undefined) dir = inFlight.get(result.id)!.dir;
        else {
          const parent = dirs[result.parent]!;
          dir = {
            abs: `${parent.abs}/${result.name}`,
            rel: parent.rel === '' ? result.name : `${parent.rel}/${result.name}`,
          };
        }
        dirs.push(dir);
        results.push({ result, dir });
      }
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      failure ??= new Error(`file-system walker thread ${i} stopped (exit code ${code})`);
      notify();
    });
    return worker;
  });
  let nextId = 0;
  // Whole requests only, unless nothing else is left to wait for: a request per directory would cost a message each.
  const fill = () => {
    if (results.length > head && concurrency - inFlight.size < perRequest) return;
    while (inFlight.size < concurrency && stack.length > 0) {
      let w = 0;
      for (let i = 1; i < load.length; i++) if (load[i]! < load[w]!) w = i;
      const msg: { id: number; abs: string }[] = [];
      while (msg.length < perRequest && inFlight.size < concurrency && stack.length > 0) {
        const dir = stack.pop()!;
        load[w]!++;
        const id = nextId++;
        inFlight.set(id, { dir, worker: w });
        msg.push({ id, abs: dir.abs });
      }
      // Read in turn, a worker goes on into the subfolders it finds, once there is enough for the other workers.
      const budget = walk.parallelReads || stack.length < threads ? 0 : (walk.entriesPerRequest ?? entriesPerRequest);
      workers[w]!.postMessage({ parallel: walk.parallelReads, dirs: msg, budget });
      walk.onDispatch?.(inFlight.size);
    }
  };
  signal?.addEventListener('abort', notify);
  try {
    fill();
    while (inFlight.size > 0 || results.length > head) {
      if (results.length === head && !failure && !signal?.aborted)
        await new Promise<void>((resolve) => (wake = resolve));
      if (signal?.aborted) return;
      if (failure) throw failure;
      const next = results[head++];
      if (!next) continue;
      if (head === results.length) results.length = head = 0;
      const { result, dir } = next;
      if (result.id !== undefined) {
        load[inFlight.get(result.id)!.worker]!--;
        inFlight.delete(result.id);
      }
      if (result.deferred) {
        stack.push(dir);
        fill();
        continue;
      }
      if (result.error !== undefined) {
        gaps.push({ path: dir.rel, reason: result.error });
        fill();
        continue;
      }
      const prefix = dir.rel === '' ? '' : `${dir.rel}/`;
      const { nums } = result;
      const names = nums.length === 0 ? [] : result.names.split('\0');
      const batch: Entry[] = new Array(names.length);
      for (let i = 0, j = 0; i < names.length; i++, j += 3) {
        const name = names[i]!;
        const rel = prefix + name;
        if (nums[j] === 1) {
          batch[i] = { path: rel, kind: 'folder', size: 0, modified: nums[j + 2]! };
          if (!result.owned) stack.push({ abs: `${dir.abs}/${name}`, rel });
        } else {
          batch[i] = { path: rel, kind: 'file', size: nums[j + 1]!, modified: nums[j + 2]! };
        }
      }
      if (result.extraDirs && !result.owned)
        for (const name of result.extraDirs) stack.push({ abs: `${dir.abs}/${name}`, rel: prefix + name });
      if (result.failures) for (const [name, reason] of result.failures) gaps.push({ path: prefix + name, reason });
      if (result.links > 0) walk.onLinks(result.links);
      fill();
      if (batch.length > 0) yield batch;
    }
  } finally {
    signal?.removeEventListener('abort', notify);
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
}
