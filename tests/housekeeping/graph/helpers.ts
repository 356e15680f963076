import type { Entry, Source } from '../../../src/housekeeping/source.js';
import type { DriveStateStore, StoredDrive } from '../../../src/housekeeping/sources/graph/drive-state.js';
import type { RetryPolicy } from '../../../src/housekeeping/sources/graph/transport.js';
import type { Tree } from './tree.js';

/** Time in the tests: one Retry-After second lasts 20 ms, backoff starts at 2 ms. */
export const fastTime = {
  timeScale: 20,
  retry: { maxAttempts: 8, baseMs: 2, capMs: 40, maxThrottles: 60 } satisfies RetryPolicy,
};

export async function collect(source: Source, signal?: AbortSignal): Promise<Entry[]> {
  const all: Entry[] = [];
  for await (const batch of source.entries(signal)) all.push(...batch);
  return all;
}

/** The entries a source should yield for a tree on a single drive: the root and every item. */
export function expectedEntries(tree: Tree): Map<string, { kind: string; size: number; modified: number }> {
  const out = new Map<string, { kind: string; size: number; modified: number }>();
  for (const item of tree.items) {
    out.set(item.path, {
      kind: item.kind,
      size: item.kind === 'file' ? item.content.length : 0,
      modified: item.modified,
    });
  }
  return out;
}

export function byPath(entries: Entry[]): Map<string, Entry> {
  return new Map(entries.map((e) => [e.path, e]));
}

/** A delta-state store in memory, for source tests (the database one is tested in tests/housekeeping/jobs). */
export class MemoryStateStore implements DriveStateStore {
  readonly drives = new Map<string, StoredDrive>();
  async load(key: string) {
    const d = this.drives.get(key);
    return d ? (JSON.parse(JSON.stringify(d)) as StoredDrive) : undefined;
  }
  async save(key: string, drive: StoredDrive) {
    this.drives.set(key, JSON.parse(JSON.stringify(drive)) as StoredDrive);
  }
}
