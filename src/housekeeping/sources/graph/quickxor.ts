/**
 * QuickXorHash, the only content hash OneDrive for Business and SharePoint give (file.hashes.quickXorHash):
 * every input byte is XORed into a 160-bit circular buffer at a position that moves 11 bits per byte, then
 * the length (64-bit little-endian) is XORed into the last 8 bytes. Base64, as Graph reports it.
 * Used by the tests to give the fake Graph server the hashes a real one would report.
 */
const widthInBits = 160;
const shift = 11;

export class QuickXorHash {
  private readonly cells = new Uint8Array(widthInBits / 8);
  private bitPosition = 0;
  private length = 0n;

  update(data: Uint8Array): this {
    const cells = this.cells;
    let position = this.bitPosition;
    for (let i = 0; i < data.length; i++) {
      const byte = data[i]!;
      const index = position >> 3;
      const offset = position & 7;
      // The byte straddles at most two buffer bytes; the buffer wraps around at 160 bits.
      cells[index] = cells[index]! ^ ((byte << offset) & 0xff);
      if (offset !== 0) {
        const next = (index + 1) % cells.length;
        cells[next] = cells[next]! ^ (byte >> (8 - offset));
      }
      position = (position + shift) % widthInBits;
    }
    this.bitPosition = position;
    this.length += BigInt(data.length);
    return this;
  }

  digest(): Buffer {
    const out = Buffer.from(this.cells);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(this.length);
    for (let i = 0; i < 8; i++) out[out.length - 8 + i] = out[out.length - 8 + i]! ^ length[i]!;
    return out;
  }

  base64(): string {
    return this.digest().toString('base64');
  }
}

export function quickXorHash(data: Uint8Array): string {
  return new QuickXorHash().update(data).base64();
}
