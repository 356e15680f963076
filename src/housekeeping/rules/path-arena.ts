/**
 * Candidate files kept compactly: each folder path once, each file as (folder number, name and optional
 * hash) in UTF-8 inside fixed 4 MB chunks. A million candidates then cost about their names' bytes, not a
 * string object per full path. A record is addressed by a number (chunk * chunkSize + position).
 */
const chunkSize = 4 * 1024 * 1024;

export class PathArena {
  private readonly chunks: Buffer[] = [];
  private position = chunkSize;
  private readonly folderIds = new Map<string, number>();
  private readonly folders: string[] = [];
  private lastFolder: string | undefined;
  private lastFolderId = 0;

  add(folder: string, name: string, hash?: string): number {
    if (folder !== this.lastFolder) {
      let id = this.folderIds.get(folder);
      if (id === undefined) {
        id = this.folders.length;
        // A copy, so the key never keeps a whole entry's path alive through a sliced string.
        const own = Buffer.from(folder).toString();
        this.folders.push(own);
        this.folderIds.set(own, id);
      }
      this.lastFolder = folder;
      this.lastFolderId = id;
    }
    const text = hash === undefined ? name : `${name}\0${hash}`;
    const length = Buffer.byteLength(text);
    if (length + 8 > chunkSize) throw new Error('name too long to keep');
    if (this.position + 8 + length > chunkSize) {
      this.chunks.push(Buffer.allocUnsafe(chunkSize));
      this.position = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const at = this.position;
    chunk.writeUInt32LE(this.lastFolderId, at);
    chunk.writeUInt32LE(length, at + 4);
    chunk.write(text, at + 8, length, 'utf8');
    this.position += 8 + length;
    return (this.chunks.length - 1) * chunkSize + at;
  }

  get(ref: number): { path: string; hash?: string } {
    const chunk = this.chunks[Math.floor(ref / chunkSize)]!;
    const at = ref % chunkSize;
    const folder = this.folders[chunk.readUInt32LE(at)]!;
    const text = chunk.toString('utf8', at + 8, at + 8 + chunk.readUInt32LE(at + 4));
    const zero = text.indexOf('\0');
    const name = zero < 0 ? text : text.slice(0, zero);
    const path = folder === '' ? name : `${folder}/${name}`;
    return zero < 0 ? { path } : { path, hash: text.slice(zero + 1) };
  }

  clear(): void {
    this.chunks.length = 0;
    this.position = chunkSize;
    this.folderIds.clear();
    this.folders.length = 0;
    this.lastFolder = undefined;
  }
}
