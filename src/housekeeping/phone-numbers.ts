/**
 * Dutch phone numbers in a text (a file or folder name), read by the national numbering plan rather than by a
 * loose digit pattern, so that dates, amounts, version and order numbers are not taken for one:
 *
 * - mobile: 06 and eight digits: 0612345678, 06-12345678, 06 1234 5678, (06) 12 34 56 78;
 * - fixed lines: an area code of the numbering plan, a hyphen or space, then the subscriber number (seven digits
 *   after a two-digit area code, six after a three-digit one, never starting with 0): 050-1234567,
 *   050 123 45 67, (050) 1234567, 0591-123456. Written together (0501234567) it is not taken: an order or case
 *   number looks the same;
 * - international: +31 or 0031, an optional (0), then the number without its 0: +31 6 12345678, +31(0)6-12345678,
 *   0031 6 12345678, +31 50 123 4567, +31501234567.
 *
 * Never inside a longer number: not after a digit, a '+' or a digit and '.', ',' or '-' (2024-06-12, 1.0612345678),
 * not before a digit or a '.' or ',' and a digit (0612345678,00). The subscriber digits may be grouped by single
 * spaces (groups of two to four); a hyphen only between prefix and number, so 06-12-2024 is a date.
 */

export interface PhoneNumberMatch {
  start: number;
  end: number;
  /** The number as written. */
  value: string;
}

/** Two-digit area codes (after the 0) and the non-geographic numbers that reach a person (084, 085, 087, 088). */
const twoDigitAreas = new Set(
  '10 13 15 20 23 24 26 30 33 35 36 38 40 43 45 46 50 53 55 58 70 71 72 73 74 75 76 77 78 79 84 85 87 88'.split(' '),
);
/** Three-digit area codes (after the 0), from the Dutch numbering plan. */
const threeDigitAreas = new Set(
  (
    '111 113 114 115 117 118 161 162 164 165 166 167 168 172 174 180 181 182 183 184 186 187 ' +
    '222 223 224 226 227 228 229 251 252 255 294 297 299 313 314 315 316 317 318 320 321 341 342 343 344 345 346 ' +
    '347 348 411 412 413 416 418 475 478 481 485 486 487 488 492 493 495 497 499 511 512 513 514 515 516 517 518 ' +
    '519 521 522 523 524 525 527 528 529 541 543 544 545 546 547 548 561 562 566 570 571 572 573 575 577 578 591 ' +
    '592 593 594 595 596 597 598 599'
  ).split(' '),
);

// Where a number may begin: +31, 0031, (0 or 0, not inside a longer number.
const startPattern = /(?<![\d+]|\d[.,-])(?:\+31|0031|\(0|0)/g;

const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * Reads `count` digits at `i`, written together or in groups of two to four separated by single spaces.
 * Returns the end, or -1 when the digits do not make exactly `count` there.
 */
function readSubscriber(text: string, i: number, count: number): number {
  let total = 0;
  let at = i;
  for (;;) {
    let run = 0;
    while (isDigit(text, at + run)) run++;
    if (run === 0) return -1;
    total += run;
    at += run;
    if (total > count) return -1;
    if (run !== count && (run < 2 || run > 4)) return -1;
    if (total === count) break;
    if (text[at] !== ' ' || !isDigit(text, at + 1)) return -1;
    at++;
  }
  // Not the start of an amount or a longer number.
  if ((text[at] === '.' || text[at] === ',') && isDigit(text, at + 1)) return -1;
  return at;
}

const skipSeparator = (text: string, i: number) => (text[i] === ' ' || text[i] === '-' ? i + 1 : i);

/** The digits after the 0 at `i`: 6 (mobile) or an area code of the plan; undefined when neither. */
function areaAt(text: string, i: number): string | undefined {
  if (text[i] === '6') return '6';
  const two = text.slice(i, i + 2);
  if (twoDigitAreas.has(two)) return two;
  const three = text.slice(i, i + 3);
  return threeDigitAreas.has(three) ? three : undefined;
}

/** The subscriber number after an area code (or the 6 of a mobile number), starting at `at`; its end or -1. */
function subscriberAfter(text: string, area: string, at: number): number {
  const first = text[at] ?? '';
  if (area === '6') return '123458'.includes(first) && first !== '' ? readSubscriber(text, at, 8) : -1;
  if (!isDigit(text, at) || first === '0') return -1;
  return readSubscriber(text, at, area.length === 2 ? 7 : 6);
}

/** The number starting at a match of startPattern: its end, or -1. */
function readAt(text: string, start: number, prefix: string): number {
  if (prefix === '(0') {
    // (06) 12345678, (050) 123 45 67: the area code in parentheses, then an optional space.
    const close = text.indexOf(')', start);
    const area = close > start + 2 ? areaAt(text, start + 2) : undefined;
    if (!area || start + 2 + area.length !== close) return -1;
    return subscriberAfter(text, area, text[close + 1] === ' ' ? close + 2 : close + 1);
  }
  const international = prefix !== '0';
  let i = start + prefix.length;
  if (international) {
    i = skipSeparator(text, i);
    if (text.startsWith('(0)', i)) i = skipSeparator(text, i + 3);
  }
  const area = areaAt(text, i);
  if (!area) return -1;
  const afterArea = i + area.length;
  const at = skipSeparator(text, afterArea);
  // A fixed-line number written together with its area code is too like an order or case number.
  if (!international && area !== '6' && at === afterArea) return -1;
  return subscriberAfter(text, area, at);
}

/** Every Dutch phone number in a text, in order of position. */
export function findPhoneNumbers(text: string): PhoneNumberMatch[] {
  const found: PhoneNumberMatch[] = [];
  startPattern.lastIndex = 0;
  for (let m = startPattern.exec(text); m; m = startPattern.exec(text)) {
    const end = readAt(text, m.index, m[0]);
    if (end < 0) {
      startPattern.lastIndex = m.index + 1;
      continue;
    }
    found.push({ start: m.index, end, value: text.slice(m.index, end) });
    startPattern.lastIndex = end;
  }
  return found;
}

/** The national form kept to its prefix (06 or the area code) and last two digits: 06-******78, 050-*****67. */
export function maskPhoneNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  // The number without its 0 or country code: +31 (0)6 ..., 0031 6 ... and 06 ... all become 6...
  const national = value.startsWith('+')
    ? digits.slice(2)
    : digits.startsWith('0031')
      ? digits.slice(4)
      : digits.slice(1);
  const rest = value.includes('(0)') ? national.slice(1) : national;
  const area = areaAt(rest, 0) ?? '';
  const subscriber = rest.slice(area.length);
  return `0${area}-${'*'.repeat(Math.max(0, subscriber.length - 2))}${subscriber.slice(-2)}`;
}
