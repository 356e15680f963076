import type { AnalyzedWord } from './analysis/analyzer.js';
import type { VisionSettings } from './settings.js';
import type { LanguageIndex, Passage } from './vision-index.js';

/** A sentence of a section body, by its place in the body: the quote is always body.slice(start, end). */
export interface Sentence {
  start: number;
  end: number;
  block: number;
}

const sentenceEnd = /[.!?…]["”’)]?(?=\s+["“‘(]?[\p{Lu}\d])/gu;
const listItem = /^(\s*(?:[-*+]|\d+[.)])\s+)/;

/** Paragraphs and list items of a body as [start, end) ranges, without list markers. */
function blocks(body: string): [number, number][] {
  const result: [number, number][] = [];
  let offset = 0;
  let open: [number, number] | undefined;
  for (const line of body.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '') {
      open = undefined;
      continue;
    }
    const item = listItem.exec(line);
    const end = lineStart + line.trimEnd().length;
    if (item || !open) {
      const leading = item ? item[1]!.length : line.length - line.trimStart().length;
      open = [lineStart + leading, end];
      result.push(open);
    } else {
      open[1] = end;
    }
  }
  return result;
}

/**
 * Splits a body into sentences that never cross a paragraph or a list item, so that one to three
 * consecutive sentences of one block are one exact substring of the body.
 */
export function sentences(body: string): Sentence[] {
  const result: Sentence[] = [];
  blocks(body).forEach(([start, end], block) => {
    const text = body.slice(start, end);
    let from = 0;
    sentenceEnd.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = sentenceEnd.exec(text)) !== null) {
      const stop = match.index + match[0].length;
      if (stop > from) result.push({ start: start + from, end: start + stop, block });
      from = stop;
      while (from < text.length && /\s/.test(text[from]!)) from++;
    }
    if (text.length > from) result.push({ start: start + from, end, block });
  });
  return result;
}

/** One to three consecutive sentences of one paragraph: the ones that share most of the question's terms. */
export function selectQuote(
  index: LanguageIndex,
  passage: Passage,
  words: AnalyzedWord[],
  limits: VisionSettings['quote'],
): string {
  const { maxSentences, maxChars } = limits;
  const query = new Set(words.flatMap((w) => w.terms));
  const body = passage.section.body;
  const list = passage.sentences;
  if (list.length === 0) return body;
  const gain = list.map((s) => {
    let sum = 0;
    for (const term of query) if (s.terms.has(term)) sum += index.bm25.idf(term);
    return sum;
  });
  let best = 0;
  gain.forEach((g, i) => {
    if (g > gain[best]!) best = i;
  });
  const start = best;
  let end = best;
  const length = () => list[end]!.end - list[start]!.start;
  // Grow forwards within the paragraph while the quote is short or the next sentence also matches.
  while (end - start + 1 < maxSentences) {
    const next = list[end + 1];
    if (!next || next.block !== list[end]!.block) break;
    if (next.end - list[start]!.start > maxChars) break;
    if (length() >= 120 && gain[end + 1]! === 0) break;
    end++;
  }
  end = introduced(body, list, end);
  return body.slice(list[start]!.start, list[end]!.end);
}

/** Whether a sentence starts a list item of its body ("- ..." or "1. ..." at the start of its line). */
function inListItem(body: string, sentence: Sentence): boolean {
  const lineStart = body.lastIndexOf('\n', sentence.start - 1) + 1;
  return listItem.test(body.slice(lineStart, sentence.start + 1));
}

/**
 * A quote that ends in a colon carries what it introduces: the list after it (every item, up to the end of the list)
 * or else the next sentence. "We hanteren de volgende uitgangspunten:" alone says nothing.
 */
export function introduced(body: string, list: Sentence[], end: number): number {
  if (!body.slice(list[end]!.start, list[end]!.end).trimEnd().endsWith(':')) return end;
  const next = list[end + 1];
  if (!next) return end;
  if (!inListItem(body, next)) return end + 1;
  let last = end + 1;
  while (list[last + 1] && (list[last + 1]!.block === list[last]!.block || inListItem(body, list[last + 1]!))) last++;
  return last;
}
