import type { DriveItem } from './schemas.js';

/** What the scan keeps of one item between scans: enough to rebuild the tree and the entries. */
export interface ItemState {
  name: string;
  parentId?: string;
  folder: boolean;
  size: number;
  /** Milliseconds since the epoch. */
  modified: number;
  hash?: string;
  root?: boolean;
  shared?: boolean;
  anonymous?: boolean;
}

/** One item as a compact tuple: [id, parentId, name, flags, size, modified seconds, hash]. */
export type ItemTuple = [string, string | null, string, number, number, number, string | null];

/** A drive (or folder) as last enumerated: the delta link to continue from and its items. */
export interface StoredDrive {
  deltaLink: string;
  items: ItemTuple[];
}

/** Where the delta links and item states live between scans (the database, in the app). */
export interface DriveStateStore {
  load(key: string): Promise<StoredDrive | undefined>;
  save(key: string, drive: StoredDrive): Promise<void>;
}

const FOLDER = 1;
const ROOT = 2;
const SHARED = 4;
const ANONYMOUS = 8;

export function toTuples(items: Map<string, ItemState>): ItemTuple[] {
  const out: ItemTuple[] = [];
  for (const [id, s] of items) {
    const flags =
      (s.folder ? FOLDER : 0) | (s.root ? ROOT : 0) | (s.shared ? SHARED : 0) | (s.anonymous ? ANONYMOUS : 0);
    out.push([id, s.parentId ?? null, s.name, flags, s.size, Math.round(s.modified / 1000), s.hash ?? null]);
  }
  return out;
}

export function fromTuples(tuples: ItemTuple[]): Map<string, ItemState> {
  const items = new Map<string, ItemState>();
  for (const [id, parentId, name, flags, size, seconds, hash] of tuples) {
    items.set(id, {
      name,
      ...(parentId !== null ? { parentId } : {}),
      folder: (flags & FOLDER) !== 0,
      size,
      modified: seconds * 1000,
      ...(hash !== null ? { hash } : {}),
      ...(flags & ROOT ? { root: true } : {}),
      ...(flags & SHARED ? { shared: true } : {}),
      ...(flags & ANONYMOUS ? { anonymous: true } : {}),
    });
  }
  return items;
}

/** Applies one delta item: the last one seen wins; a deleted facet removes it. Returns true when it is kept. */
export function applyDeltaItem(items: Map<string, ItemState>, item: DriveItem): boolean {
  if (item.deleted) {
    items.delete(item.id);
    return false;
  }
  const modified = Date.parse(item.lastModifiedDateTime ?? '');
  items.set(item.id, {
    name: item.name ?? '',
    ...(item.parentReference?.id ? { parentId: item.parentReference.id } : {}),
    folder: item.folder !== undefined || item.root !== undefined || item.package !== undefined,
    size: item.folder || item.root ? 0 : (item.size ?? 0),
    modified: Number.isFinite(modified) ? modified : 0,
    ...(item.file?.hashes?.quickXorHash ? { hash: item.file.hashes.quickXorHash } : {}),
    ...(item.root ? { root: true } : {}),
    ...(item.shared ? { shared: true } : {}),
  });
  return true;
}

/**
 * Paths from parent ids, resolved upward to the root (delta gives no paths, and parents may arrive after
 * their children). Items whose chain does not reach the root are orphans: below a deleted folder, or
 * outside a folder-scoped delta.
 */
export function resolvePaths(
  items: Map<string, ItemState>,
  rootId: string,
): { paths: Map<string, string>; orphans: string[] } {
  const paths = new Map<string, string>([[rootId, '']]);
  const orphans: string[] = [];
  const visiting = new Set<string>();
  const resolve = (id: string): string | undefined => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const item = items.get(id);
    if (!item || item.parentId === undefined || visiting.has(id)) return undefined;
    visiting.add(id);
    const parent = resolve(item.parentId);
    visiting.delete(id);
    if (parent === undefined) return undefined;
    const path = parent === '' ? item.name : `${parent}/${item.name}`;
    paths.set(id, path);
    return path;
  };
  for (const id of items.keys()) {
    if (resolve(id) === undefined) orphans.push(id);
  }
  return { paths, orphans };
}
