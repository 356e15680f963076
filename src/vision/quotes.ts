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
