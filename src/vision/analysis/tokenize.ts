/** A word as written, and the parts it has when it is joined with hyphens ("ai-visie" -> ai, visie). */
export interface Token {
  word: string;
  parts: string[];
}

// Letters and digits, joined by hyphens; apostrophes split ("ai's" -> ai, s) and the one-letter rest is dropped later.
const wordPattern = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Splits folded text into words; a hyphenated compound keeps its whole form and its parts. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(wordPattern)) {
    const word = match[0];
    tokens.push({ word, parts: word.includes('-') ? word.split('-') : [word] });
  }
  return tokens;
}
