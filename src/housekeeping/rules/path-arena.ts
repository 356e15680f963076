/**
 * Paths (and an optional hash) kept as UTF-8 in fixed 4 MB chunks instead of one string each: a million
 * candidate files then cost about their bytes, not a string object per path. A record is addressed by a
 * number (chunk * chunkSize + position).
 */
const chunkSize = 4 * 1024 * 1024;

export class PathArena {
  private readonly chunks: Buffer[] = [];
  private position = chunkSize;

  add(path: string, hash?: string): number {
    const text = hash === undefined ? path : `${path}\0${hash}`;
    const length = Buffer.byteLength(text);
    if (length + 4 > chunkSize) throw new Error('path too long to keep');
    if (this.position + 4 + length > chunkSize) {
      this.chunks.push(Buffer.allocUnsafe(chunkSize));
      this.position = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const at = this.position;
    chunk.writeUInt32LE(length, at);
    chunk.write(text, at + 4, length, 'utf8');
    this.position += 4 + length;
    return (this.chunks.length - 1) * chunkSize + at;
  }

  get(ref: number): { path: string; hash?: string } {
    const chunk = this.chunks[Math.floor(ref / chunkSize)]!;
    const at = ref % chunkSize;
    const text = chunk.toString('utf8', at + 4, at + 4 + chunk.readUInt32LE(at));
    const zero = text.indexOf('\0');
    return zero < 0 ? { path: text } : { path: text.slice(0, zero), hash: text.slice(zero + 1) };
  }

  clear(): void {
    this.chunks.length = 0;
    this.position = chunkSize;
  }
}
