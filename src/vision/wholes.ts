import type { AnalyzedWord } from './analysis/analyzer.js';
import type { LanguageIndex, Passage } from './vision-index.js';

/**
 * Sections have parents: "1. Kernwaarden" introduces Nuchterheid, Controle op technologie, ... as its subsections. A
 * question about the whole ("wat zijn de kernwaarden", "welke uitgangspunten zijn er", "what are the core values")
 * is answered with the list: each child with its one-line definition (its first sentence), quoted exactly.
 */

/** The direct children of a section: the sections one level below it, up to the next section at its level or above. */
export function childrenOf(index: LanguageIndex, passage: Passage): Passage[] {
  const sections = index.document.sections;
  const at = sections.findIndex((s) => s.id === passage.section.id);
  if (at < 0) return [];
  const { level } = passage.section;
  const children: Passage[] = [];
  for (const section of sections.slice(at + 1)) {
    if (section.level <= level) break;
    if (section.level !== level + 1) continue;
    const child = index.passages.find((p) => p.section.id === section.id);
    if (child) children.push(child);
  }
  return children;
}

// "wat zijn de kernwaarden", "welke uitgangspunten zijn er", "noem de kernwaarden", "what are the core values",
// "which principles are there", "list the principles": a question after the members of something.
const asksForList =
  /(^|[^\p{L}])(wat zijn|welke [\p{L}-]+ (zijn|gelden|hanteert|hanteren|noemt|heeft|hebben)|noem|opsomming|overzicht|what are|which [\p{L}-]+ (are|does|do)|list( of)?|name the|overview)([^\p{L}]|$)/iu;

/**
 * Whether a question asks for the parts of this section: it asks for a list, the section has children, and a content
 * word of the question is in the section's own heading (not one of its children's: "wat zijn de kernwaarden", not
 * "wat is nuchterheid").
 */
export function asksForWhole(
  index: LanguageIndex,
  text: string,
  words: AnalyzedWord[],
  passage: Passage,
): Passage[] | undefined {
  if (!asksForList.test(text)) return undefined;
  const children = childrenOf(index, passage);
  if (children.length < 2) return undefined;
  const heading = new Set(index.analyzer.words(passage.section.heading).flatMap((w) => w.terms));
  const named = words.some((w) => !w.terms.includes('=ai') && w.terms.some((t) => heading.has(t)));
  return named ? children : undefined;
}

/** The one-line definition of a section: its first sentence, exactly as it stands in its body. */
export function firstSentence(passage: Passage): string {
  const [first] = passage.sentences;
  const body = passage.section.body;
  return first ? body.slice(first.start, first.end) : body;
}
