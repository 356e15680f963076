import type { VisionDocument } from '../document.js';
import { fold } from './fold.js';
import { tokenize } from './tokenize.js';

/** Words long enough to be compounds: the vocabulary whose splits are precomputed at build time. */
export function compoundCandidates(doc: VisionDocument): string[] {
  const words = new Set<string>();
  for (const section of doc.sections) {
    for (const text of [section.heading, section.body, ...section.questions, ...section.examples]) {
      for (const { parts } of tokenize(fold(text))) for (const part of parts) if (part.length >= 8 && /^\p{L}+$/u.test(part)) words.add(part);
    }
  }
  return [...words].sort();
}
