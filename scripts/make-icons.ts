/**
 * Draws the two app icons (a compass needle, "wijzer", in a ring) from shapes, so they can be remade:
 * `npx tsx scripts/make-icons.ts`. Colour: 192x192 on the accent colour; outline: 32x32, white on transparent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { manifestDir } from '../src/paths.js';

type Shape = (x: number, y: number) => number; // signed distance in units of the icon size; < 0 inside

const ring: Shape = (x, y) => Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.36) - 0.045;
// A diamond needle pointing north-east: |u|/a + |v|/b <= 1 in rotated coordinates.
const needle: Shape = (x, y) => {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const c = Math.SQRT1_2;
  const u = (dx - dy) * c; // along the needle
  const v = (dx + dy) * c;
  return (Math.abs(u) / 0.27 + Math.abs(v) / 0.085 - 1) * 0.07;
};
const hub: Shape = (x, y) => Math.hypot(x - 0.5, y - 0.5) - 0.035;
const symbol: Shape = (x, y) => Math.min(ring(x, y), needle(x, y));
const withHole: Shape = (x, y) => Math.max(symbol(x, y), -hub(x, y));

function draw(
  size: number,
  paint: (coverage: number, x: number, y: number) => [number, number, number, number],
): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (withHole(x, y) < 0) covered++;
        }
      const [r, g, b, a] = paint(covered / (samples * samples), px / size, py / size);
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

const accent = [0x1f, 0x6f, 0x50];
const color = draw(192, (coverage) => {
  const mix = (c: number) => Math.round(c + (255 - c) * coverage);
  return [mix(accent[0]!), mix(accent[1]!), mix(accent[2]!), 255];
});
// Outline: white only, coverage as alpha (the admin center accepts white with any alpha).
const outline = draw(32, (coverage) => [255, 255, 255, Math.round(255 * coverage)]);

writeFileSync(join(manifestDir, 'color.png'), color);
writeFileSync(join(manifestDir, 'outline.png'), outline);
console.log('manifest/color.png and manifest/outline.png written');
