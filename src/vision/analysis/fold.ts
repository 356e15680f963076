/**
 * Folds text for matching: compatibility decomposition (NFKD also turns the "ĳ" ligature into "ij"),
 * combining marks removed ("technologieën" -> "technologieen"), lowercase, typographic quotes made plain.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}
