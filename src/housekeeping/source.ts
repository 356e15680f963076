/**
 * The contract between the sources (file system, Microsoft Graph) and the scan: every source yields the
 * same entries, so the rules never know where an item came from.
 */

/** One file or folder, as a source saw it. */
export interface Entry {
  /** Relative to the scanned root, '/' separators, no leading slash; the root itself is ''. */
  path: string;
  kind: 'file' | 'folder';
  /** Bytes; 0 for folders. */
  size: number;
  /** Last modification, milliseconds since the epoch. */
  modified: number;
  /** Content hash when the source has one for free (quickXorHash on Graph); the file system leaves it out. */
  hash?: string;
  /** Folder: the number of direct children, when the source reports it. */
  childCount?: number;
  /** Sharing as read from the source (Graph only): true when an "anyone" link exists. */
  anonymousLink?: boolean;
}

export interface SourceStats {
  /** HTTP requests made (Graph), 0 for the file system. */
  requests: number;
  /** Seconds spent waiting on Retry-After (Graph). */
  throttledSeconds: number;
  /** Items seen so far, for progress. */
  items: number;
}

/** Why a scan is not whole: a folder that could not be read, a drive that failed, a cancelled run. */
export interface Gap {
  path: string;
  reason: string;
}

export interface Source {
  readonly kind: 'filesystem' | 'graph';
  /** What was scanned, for the report: a directory, or "drive <id>" / "site <id>" / "team <id>". */
  readonly root: string;
  /** The target whose limits apply: SharePoint/OneDrive (400 characters) or a network share (260). */
  readonly target: 'sharepoint' | 'share';
  /** Yields entries in batches (one directory or one delta page at a time). */
  entries(signal?: AbortSignal): AsyncIterable<Entry[]>;
  /**
   * The content hash of a file, read only when needed (the file system hashes only files whose size
   * collides with another's). Sources that give hashes for free never need it.
   */
  hash?(path: string): Promise<string>;
  /**
   * A cheap fingerprint of a file: a digest of its first and last 4 kB (so of all of it up to 8 kB), to
   * tell files of the same size apart without reading them whole. Optional; only the file system has it.
   */
  sample?(path: string): Promise<string>;
  readonly stats: SourceStats;
  /** Everything that could not be read; non-empty means the scan is not complete. */
  readonly gaps: Gap[];
}
