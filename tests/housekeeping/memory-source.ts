import type { Entry, Gap, Source, SourceStats } from '../../src/housekeeping/source.js';

export interface MemoryFile {
  path: string;
  size?: number;
  modified?: number;
  /** Content: files with the same content are duplicates (hashed on demand, like the file system). */
  content?: string;
  anonymousLink?: boolean;
}

/**
 * A source over a list of paths, for rule tests: folders are derived from the paths (a path ending in '/'
 * is an empty folder). Hashes come through hash(), like the file-system source, or with freeHashes on
 * every entry, like Graph's quickXorHash.
 */
export function memorySource(
  items: (MemoryFile | string)[],
  options: {
    target?: 'sharepoint' | 'share';
    root?: string;
    kind?: 'filesystem' | 'graph';
    gaps?: Gap[];
    batch?: number;
    freeHashes?: boolean;
  } = {},
): Source & { hashed: string[] } {
  const modified = Date.UTC(2026, 0, 1);
  const files = new Map<string, MemoryFile>();
  const folders = new Set<string>();
  for (const raw of items) {
    const item = typeof raw === 'string' ? { path: raw } : raw;
    const isFolder = item.path.endsWith('/');
    const path = isFolder ? item.path.slice(0, -1) : item.path;
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    if (isFolder) folders.add(path);
    else files.set(path, item);
  }
  const entries: Entry[] = [
    ...[...folders].map((path): Entry => ({ path, kind: 'folder', size: 0, modified })),
    ...[...files.values()].map((f): Entry => ({
      path: f.path,
      kind: 'file',
      size: f.size ?? (f.content !== undefined ? Buffer.byteLength(f.content) : 100 + f.path.length),
      modified: f.modified ?? modified,
      ...(f.anonymousLink ? { anonymousLink: true } : {}),
      ...(options.freeHashes ? { hash: `h:${f.content ?? f.path}` } : {}),
    })),
  ];
  const stats: SourceStats = { requests: 0, throttledSeconds: 0, items: 0 };
  const hashed: string[] = [];
  return {
    kind: options.kind ?? 'filesystem',
    root: options.root ?? '',
    target: options.target ?? 'share',
    stats,
    gaps: options.gaps ?? [],
    hashed,
    async *entries() {
      const size = options.batch ?? 50;
      for (let i = 0; i < entries.length; i += size) {
        const batch = entries.slice(i, i + size);
        stats.items += batch.length;
        yield batch;
      }
    },
    ...(options.freeHashes
      ? {}
      : {
          async hash(path: string) {
            hashed.push(path);
            const f = files.get(path);
            return f?.content ?? `unique:${path}`;
          },
        }),
  };
}
