import type { VisionDocument } from '../document.js';
import { fold } from './fold.js';
import { tokenize } from './tokenize.js';

/** Every word of a document, folded (the parts of hyphenated words apart): headings, bodies, alternate and example questions. */
export function documentWords(doc: VisionDocument): Set<string> {
  const words = new Set<string>();
  for (const section of doc.sections) {
    for (const text of [section.heading, section.body, ...section.questions, ...section.examples]) {
      for (const { parts } of tokenize(fold(text))) for (const part of parts) words.add(part);
    }
  }
  return words;
}

/** Words long enough to be compounds: the vocabulary whose splits are precomputed at build time. */
export function compoundCandidates(doc: VisionDocument): string[] {
  return [...documentWords(doc)].filter((w) => w.length >= 8 && /^\p{L}+$/u.test(w)).sort();
}
