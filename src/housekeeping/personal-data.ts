import { findPhoneNumbers, maskPhoneNumber } from './phone-numbers.js';

/**
 * Personal data in file and folder names: a BSN that passes the 11-proef, a Dutch IBAN that passes mod 97,
 * an e-mail address, a Dutch phone number (phone-numbers.ts). Found values are masked in every output
 * (reports, database, logs), so a scan never spreads the data it warns about.
 */
export type PersonalDataKind = 'bsn' | 'iban' | 'email' | 'phone';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  value: string;
}

// Digits not part of a longer number; BSNs are also written 1234.56.782.
const bsnPattern = /(?<!\d)(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?!\d)/g;
// NL, 2 check digits, 4-letter bank code, 10 digits; optionally in groups of four with spaces.
const ibanPattern = /(?<![A-Za-z0-9])NL\s?\d{2}\s?[A-Za-z]{4}\s?\d{4}\s?\d{4}\s?\d{2}(?![A-Za-z0-9])/gi;
// No '*' in the local part: a masked address (j***@example.nl) is then never found again.
const emailPattern = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** The 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and not all zeros). */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, remainder mod 97 is 1. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/\s/g, '').toUpperCase();
  if (!/^NL\d{2}[A-Z]{4}\d{10}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

// In a file name the extension looks like a top-level domain: "team@overleg.txt" is no address,
// "jan@groningen.nl.msg" is jan@groningen.nl.
const fileExtensions = new Set(
  'txt pdf doc docx docm dot dotx xls xlsx xlsm ppt pptx msg eml jpg jpeg png gif bmp tif tiff csv odt ods odp rtf htm html xml json mp3 mp4 mov avi wav zip 7z rar tmp bak log vsd vsdx one'.split(
    ' ',
  ),
);

function trimFileExtension(address: string): string | undefined {
  const at = address.indexOf('@');
  const labels = address.slice(at + 1).split('.');
  if (!fileExtensions.has(labels[labels.length - 1]!.toLowerCase())) return address;
  if (labels.length < 3) return undefined;
  const trimmed = address.slice(0, address.lastIndexOf('.'));
  return /\.[A-Za-z]{2,}$/.test(trimmed) ? trimmed : undefined;
}

/**
 * Cheap pre-check: most names hold neither '@' nor nine digits in a row, and skip the regexes. Dots, spaces,
 * hyphens and the "+31 (0)" of a phone number do not break a run.
 */
function mayHoldPersonalData(text: string): boolean {
  if (text.includes('@')) return true;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= 9) return true;
    } else if (c !== 46 && c !== 32 && c !== 45 && c !== 40 && c !== 41 && c !== 43) run = 0;
  }
  return false;
}

/** Every BSN, Dutch IBAN, e-mail address and Dutch phone number in a text, checks passed, in order of position. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  if (!mayHoldPersonalData(text)) return [];
  const found: PersonalDataMatch[] = [];
  for (const m of text.matchAll(ibanPattern)) {
    if (passesIbanCheck(m[0])) found.push({ kind: 'iban', start: m.index, end: m.index + m[0].length, value: m[0] });
  }
  for (const m of text.matchAll(bsnPattern)) {
    const start = m.index;
    if (found.some((f) => start < f.end && start + m[0].length > f.start)) continue;
    if (passesElevenTest(m[0].replace(/\./g, '')))
      found.push({ kind: 'bsn', start, end: start + m[0].length, value: m[0] });
  }
  for (const m of text.matchAll(emailPattern)) {
    const value = trimFileExtension(m[0]);
    if (value) found.push({ kind: 'email', start: m.index, end: m.index + value.length, value });
  }
  for (const phone of findPhoneNumbers(text)) {
    // A nine- or ten-digit number already read as a BSN or inside an IBAN or address is not read twice.
    if (found.some((f) => phone.start < f.end && phone.end > f.start)) continue;
    found.push({ kind: 'phone', ...phone });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The masked form: a BSN keeps its last three digits, an IBAN its bank code and last four, an address its first
 * letter and domain, a phone number its national prefix (06 or the area code) and last two digits.
 */
export function maskValue(match: Pick<PersonalDataMatch, 'kind' | 'value'>): string {
  switch (match.kind) {
    case 'bsn': {
      const digits = match.value.replace(/\./g, '');
      return `******${digits.slice(6)}`;
    }
    case 'iban': {
      const compact = match.value.replace(/\s/g, '').toUpperCase();
      return `NL**${compact.slice(4, 8)}******${compact.slice(14)}`;
    }
    case 'email': {
      const at = match.value.indexOf('@');
      return `${match.value[0]}***${match.value.slice(at)}`;
    }
    case 'phone':
      return maskPhoneNumber(match.value);
  }
}

/** The text with every piece of personal data in it masked; texts without any are returned as they are. */
export function maskPersonalData(text: string): string {
  const found = findPersonalData(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + maskValue(f);
    at = f.end;
  }
  return out + text.slice(at);
}
