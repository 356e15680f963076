import { createHash, hash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statfsSync,
  type Dirent,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Entry, Gap, Source, SourceStats } from '../source.js';
import { DigestThreads } from './filesystem-digests.js';
import { defaultWalkerThreads, walkInWorkers } from './filesystem-threads.js';

/** The file-system calls the walker makes; tests replace them to simulate unreadable folders. */
export interface WalkerFs {
  readdir(path: string): Promise<Dirent[]>;
  /** Synchronous: after a readdir the attributes are cached (also on SMB mounts), and one promise per file costs 5-7x. */
  lstat(
    path: string,
  ):
    { size: number; mtimeMs: number; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean } | undefined;
}

const readdirOptions = { withFileTypes: true } as const;
const lstatOptions = { throwIfNoEntry: false } as const;
export const nodeWalkerFs: WalkerFs = {
  readdir: (path) => readdir(path, readdirOptions),
  lstat: (path) => lstatSync(path, lstatOptions),
};

export interface FilesystemSourceOptions {
  /** Directories in flight at once (8-32 suits network shares); default 32. */
  concurrency?: number;
  /** The limits that apply: a network share (260) by default, or SharePoint when the tree is to be migrated. */
  target?: 'share' | 'sharepoint';
  /** Replaces the file-system calls (tests); the walk then runs on this thread. */
  fs?: WalkerFs;
  /**
   * Worker threads that read directories and lstat their entries, and after the walk read the samples and
   * hashes the duplicate rule asks for; 0 does both on this thread. Default 2 when the machine has 2 cores or
   * more (this thread turns their results into entries), else 0.
   */
  threads?: number;
  /**
   * Whether each worker reads its directories at the same time (asynchronously) or one after the other. Default:
   * at the same time on a network share (SMB, NFS, FUSE), where latency is the cost; else in turn, which saves a
   * thread-pool round trip per directory.
   */
  parallelReads?: boolean;
  /** Hash algorithm for files whose size collides; default sha1. */
  hashAlgorithm?: 'sha1' | 'sha256';
}

/** statfs magic numbers of network file systems (linux/magic.h): SMB2, CIFS, SMB, NFS, FUSE (sshfs and the like). */
const networkFsTypes = new Set([0xfe534d42, 0xff534d42, 0x517b, 0x6969, 0x65735546]);

/** Whether a directory lives on a network share, where reads wait on latency rather than on the CPU. */
function onNetworkShare(dir: string): boolean {
  try {
    return networkFsTypes.has(statfsSync(dir).type);
  } catch {
    return false;
  }
}

export interface FilesystemSource extends Source {
  readonly kind: 'filesystem';
  /** Symbolic links met and not followed (never reported as files or folders). */
  readonly skippedLinks: number;
}

const chunk = 1 << 20;
const sampleBytes = 1 << 12;
let buffer: Buffer | undefined;

/**
 * Reads a file for its digest, synchronously: after the walk this is the only work left, and one
 * thread-pool round trip per read made hashing many small files 10x slower. O_NOFOLLOW: a file swapped
 * for a link after the walk is refused, never followed out of the root. `sampleOnly` reads the first
 * and last 4 kB.
 */
function readDigest(file: string, algorithm: string, sampleOnly: boolean): string {
  buffer ??= Buffer.allocUnsafe(chunk);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    if (sampleOnly) {
      // Head and tail side by side in the buffer, one digest call: most samples are of files under 8 kB.
      const size = fstatSync(fd).size;
      let length = readSync(fd, buffer, 0, Math.min(sampleBytes, size), 0);
      if (size > sampleBytes) {
        const start = Math.max(sampleBytes, size - sampleBytes);
        length += readSync(fd, buffer, length, size - start, start);
      }
      return hash(algorithm, buffer.subarray(0, length), 'hex');
    } else {
      const digest = createHash(algorithm);
      for (;;) {
        const bytesRead = readSync(fd, buffer, 0, chunk, null);
        if (bytesRead === 0) break;
        digest.update(buffer.subarray(0, bytesRead));
      }
      return digest.digest('hex');
    }
  } finally {
    closeSync(fd);
  }
}

interface Pending {
  abs: string;
  rel: string;
}

/**
 * Walks a directory tree: readdir with file types per directory, a bounded number of directories in
 * flight, lstat batched per directory, one batch of entries per directory. Symbolic links are never
 * followed (so nothing outside the root is read, and no loop is possible); a folder that cannot be read
 * becomes a gap and the walk goes on. Contents are read only by hash(), for files whose size collides.
 */
export function filesystemSource(root: string, options: FilesystemSourceOptions = {}): FilesystemSource {
  const fs = options.fs ?? nodeWalkerFs;
  const concurrency = Math.max(1, options.concurrency ?? 32);
  const threads = options.fs ? 0 : Math.max(0, options.threads ?? defaultWalkerThreads());
  let absRoot = resolve(root);
  try {
    // The root itself may be a link the user chose; nothing below it is followed.
    absRoot = realpathSync(absRoot);
  } catch {
    // Reported as a gap by the walk.
  }
  const algorithm = options.hashAlgorithm ?? 'sha1';
  // Contents are read on the same number of threads as the walk (after it), or here when it runs here.
  const digests = threads > 0 ? new DigestThreads(threads, algorithm) : undefined;
  const stats: SourceStats = { requests: 0, throttledSeconds: 0, items: 0 };
  const gaps: Gap[] = [];
  let skippedLinks = 0;

  async function* entries(signal?: AbortSignal): AsyncIterable<Entry[]> {
    if (threads > 0) {
      const parallelReads = options.parallelReads ?? onNetworkShare(absRoot);
      const walk = walkInWorkers({
        absRoot,
        concurrency,
        threads,
        parallelReads,
        gaps,
        signal,
        onLinks: (n) => (skippedLinks += n),
      });
      for await (const batch of walk) {
        stats.items += batch.length;
        yield batch;
      }
      return;
    }
    const stack: Pending[] = [{ abs: absRoot, rel: '' }];
    const inFlight = new Map<Promise<Settled>, Pending>();
    type Settled = { key: Promise<Settled>; dir: Pending; dirents?: Dirent[]; error?: NodeJS.ErrnoException };
    const start = (dir: Pending) => {
      const key: Promise<Settled> = fs.readdir(dir.abs).then(
        (dirents) => ({ key, dir, dirents }),
        (error: NodeJS.ErrnoException) => ({ key, dir, error }),
      );
      inFlight.set(key, dir);
    };
    const fill = () => {
      while (inFlight.size < concurrency && stack.length > 0) start(stack.pop()!);
    };
    fill();
    while (inFlight.size > 0) {
      const settled = await Promise.race(inFlight.keys());
      inFlight.delete(settled.key);
      if (signal?.aborted) return;
      const { dir } = settled;
      if (settled.error || !settled.dirents) {
        gaps.push({ path: dir.rel, reason: settled.error?.code ?? 'unreadable' });
        fill();
        continue;
      }
      const batch: Entry[] = [];
      const prefix = dir.rel === '' ? '' : `${dir.rel}/`;
      // Subfolders are queued before this folder's lstats, so their readdirs run meanwhile on the thread pool.
      for (const dirent of settled.dirents)
        if (dirent.isDirectory()) stack.push({ abs: `${dir.abs}/${dirent.name}`, rel: prefix + dirent.name });
      fill();
      for (const dirent of settled.dirents) {
        const typed = dirent.isFile() || dirent.isDirectory();
        if (dirent.isSymbolicLink()) {
          skippedLinks++;
          continue;
        }
        // Sockets, pipes and devices are neither files nor folders to a user: left out (unknown types are looked at).
        if (!typed && (dirent.isFIFO() || dirent.isSocket() || dirent.isBlockDevice() || dirent.isCharacterDevice()))
          continue;
        const abs = `${dir.abs}/${dirent.name}`;
        const rel = prefix + dirent.name;
        let st;
        try {
          st = fs.lstat(abs);
        } catch (error) {
          gaps.push({ path: rel, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
          continue;
        }
        if (!st) continue; // removed while walking
        if (st.isSymbolicLink()) {
          skippedLinks++;
        } else if (st.isDirectory()) {
          batch.push({ path: rel, kind: 'folder', size: 0, modified: st.mtimeMs });
          if (!dirent.isDirectory()) stack.push({ abs, rel }); // a type the listing did not give
        } else if (st.isFile()) {
          batch.push({ path: rel, kind: 'file', size: st.size, modified: st.mtimeMs });
        }
      }
      fill();
      stats.items += batch.length;
      if (batch.length > 0) yield batch;
    }
  }

  return {
    kind: 'filesystem',
    root: absRoot,
    target: options.target ?? 'share',
    stats,
    gaps,
    get skippedLinks() {
      return skippedLinks;
    },
    entries,
    async hash(path: string): Promise<string> {
      if (digests) return digests.digest(`${absRoot}/${path}`, false);
      return readDigest(`${absRoot}/${path}`, algorithm, false);
    },
    async sample(path: string): Promise<string> {
      if (digests) return digests.digest(`${absRoot}/${path}`, true);
      return readDigest(`${absRoot}/${path}`, algorithm, true);
    },
  };
}
