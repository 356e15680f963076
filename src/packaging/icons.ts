import { PNG } from 'pngjs';

export interface IconCheck {
  file: string;
  problems: string[];
}

function decode(file: string, data: Buffer): PNG | string {
  try {
    return PNG.sync.read(data);
  } catch {
    return `${file} is geen geldig PNG-bestand`;
  }
}

/** The colour icon: a 192x192 PNG. */
export function checkColorIcon(file: string, data: Buffer): string[] {
  const png = decode(file, data);
  if (typeof png === 'string') return [png];
  return png.width === 192 && png.height === 192
    ? []
    : [`${file} moet 192x192 pixels zijn, maar is ${png.width}x${png.height}`];
}

/**
 * The outline icon: a 32x32 PNG with only white and fully transparent pixels. Anti-aliased edges are
 * white with partial alpha; any other colour is rejected by the Teams admin center.
 */
export function checkOutlineIcon(file: string, data: Buffer): string[] {
  const png = decode(file, data);
  if (typeof png === 'string') return [png];
  const problems: string[] = [];
  if (png.width !== 32 || png.height !== 32)
    problems.push(`${file} moet 32x32 pixels zijn, maar is ${png.width}x${png.height}`);
  let wrong = 0;
  let first: string | undefined;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    if (a === 0 || (r === 255 && g === 255 && b === 255)) continue;
    wrong++;
    if (!first) {
      const pixel = i / 4;
      first = `(${pixel % png.width}, ${Math.floor(pixel / png.width)}) is rgba(${r}, ${g}, ${b}, ${a})`;
    }
  }
  if (wrong > 0)
    problems.push(`${file} mag alleen witte en transparante pixels hebben; ${wrong} pixel(s) niet, de eerste ${first}`);
  return problems;
}
