/**
 * The purpose is free text and may hold personal data although the question asks not to: e-mail addresses,
 * BSN-like numbers, IBANs and phone numbers are masked before a check is recorded.
 */
const patterns: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mailadres]'],
  [/\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b/gi, '[IBAN]'],
  [/(?:\+31|\b0)(?:[\s-]?\d){9}\b/g, '[telefoonnummer]'],
  [/\b\d{4}[\s.]?\d{2}[\s.]?\d{3}\b|\b\d{8,9}\b/g, '[nummer]'],
];

export function maskPersonalData(text: string): string {
  return patterns.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}
