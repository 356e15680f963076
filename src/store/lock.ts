import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process at a time on an embedded database: PGlite has no server to share it, so two processes on the same
 * DATA_DIR each write their own copy and records get lost. The lock is a file created exclusively (`wx`) in the data
 * folder, holding the owner's pid and host; it is removed on close and on exit. A lock whose pid no longer runs on
 * this host (a crash, a kill -9) is taken over.
 */
export const lockFileName = 'db.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** A second process (or a second open in this one) on an embedded database that is already open. */
export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: { pid: number; host: string },
    readonly lockFile: string,
  ) {
    const elsewhere = owner.host !== hostname();
    super(
      elsewhere
        ? `De ingebouwde database in ${dataDir} is al open op een andere machine of container (${owner.host}, pid ${owner.pid || '?'}). ` +
            `Stop dat proces of gebruik DATABASE_URL (PostgreSQL); draait het zeker niet meer, verwijder dan ${lockFile}.\n` +
            `The embedded database in ${dataDir} is already open on another machine or container (${owner.host}, pid ${owner.pid || '?'}). ` +
            `Stop that process or use DATABASE_URL (PostgreSQL); if it surely no longer runs, remove ${lockFile}.`
        : `De ingebouwde database in ${dataDir} is al open in een ander proces (pid ${owner.pid || '?'}). ` +
            `Stop dat proces of gebruik DATABASE_URL (PostgreSQL).\n` +
            `The embedded database in ${dataDir} is already open in another process (pid ${owner.pid || '?'}). ` +
            `Stop that process or use DATABASE_URL (PostgreSQL).`,
    );
    this.name = 'StoreLockedError';
  }
}

export interface StoreLock {
  readonly file: string;
  release(): void;
}

/** Lock files this process holds: a second open of the same folder here is refused, a file with our pid but not in here is stale. */
const held = new Set<string>();

/** A lock file being written by its owner this very moment is empty for a few milliseconds; older and unreadable is debris. */
const unreadableGraceMs = 5_000;

function readOwner(file: string): LockOwner | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(owner.pid) && (owner.pid ?? 0) > 0 && typeof owner.host === 'string')
      return { pid: owner.pid!, host: owner.host, since: String(owner.since ?? '') };
  } catch {
    // not JSON: see below
  }
  return 'unreadable';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Whether the owner named in the file still holds it; only a dead pid on this host (or our own, from an earlier life) is stale. */
function stillHeld(file: string, owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  // A container's server is often pid 1 after every restart: our pid in a file we did not create is a previous life.
  if (owner.pid === process.pid) return held.has(file);
  return alive(owner.pid);
}

/** Takes the lock on dataDir, or throws StoreLockedError naming the process that holds it. */
export function acquireStoreLock(dataDir: string): StoreLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, lockFileName);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner === 'gone') continue;
      if (owner === 'unreadable') {
        if (Date.now() - statSync(file).mtimeMs < unreadableGraceMs)
          throw new StoreLockedError(dataDir, { pid: 0, host: hostname() }, file);
      } else if (stillHeld(file, owner)) throw new StoreLockedError(dataDir, owner, file);
      // Stale: remove it, then race for the exclusive create again like anyone else.
      try {
        unlinkSync(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      continue;
    }
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    held.add(file);
    const release = () => {
      process.off('exit', release);
      if (!held.delete(file)) return;
      try {
        // Only our own file: never one another process took over after we were thought dead.
        if (readFileSync(file, 'utf8') === text) unlinkSync(file);
      } catch {
        // already gone
      }
    };
    process.on('exit', release);
    return { file, release };
  }
  const owner = readOwner(file);
  throw new StoreLockedError(dataDir, typeof owner === 'object' ? owner : { pid: 0, host: hostname() }, file);
}
