/**
 * A section's body as blocks to show (paragraphs, and runs of "- " lines as a list), and where a quote from it lies:
 * the reader shows every block, an answer only the blocks that hold its quote, with the quote marked. Text only.
 */
export interface TextPiece {
  text: string;
  /** Part of the quote. */
  marked: boolean;
}

export type SectionBlock = { kind: 'paragraph'; pieces: TextPiece[] } | { kind: 'list'; items: TextPiece[][] };

interface Line {
  text: string;
  /** Where the line's shown text starts in the body. */
  start: number;
}

/**
 * Splits a body into its blocks, each line with its place in the body (so that a quote can be marked in it): blank
 * lines part blocks, and within one a run of "- " lines is a list of its own ("De kernwaarden zijn:" and its list).
 */
function rawBlocks(body: string): { list: boolean; lines: Line[] }[] {
  const blocks: { list: boolean; lines: Line[] }[] = [];
  let current: { list: boolean; lines: Line[] } | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const list = line.startsWith('- ');
    if (line.trim() === '') current = undefined;
    else if (current && current.list === list)
      current.lines.push(list ? item(line, offset) : { text: line, start: offset });
    else {
      current = { list, lines: [list ? item(line, offset) : { text: line, start: offset }] };
      blocks.push(current);
    }
    offset += line.length + 1;
  }
  return blocks;
}

function item(line: string, start: number): Line {
  return { text: line.slice(2), start: start + 2 };
}

/** The pieces of one line, the part within [from, to) of the body marked. */
function piecesOf(line: Line, from: number, to: number): TextPiece[] {
  const end = line.start + line.text.length;
  const a = Math.max(from, line.start);
  const b = Math.min(to, end);
  if (a >= b) return [{ text: line.text, marked: false }];
  return [
    { text: line.text.slice(0, a - line.start), marked: false },
    { text: line.text.slice(a - line.start, b - line.start), marked: true },
    { text: line.text.slice(b - line.start), marked: false },
  ].filter((p) => p.text !== '');
}

function toBlock(block: { list: boolean; lines: Line[] }, from: number, to: number): SectionBlock {
  if (block.list) return { kind: 'list', items: block.lines.map((l) => piecesOf(l, from, to)) };
  // A paragraph's lines read as one: joined by a space, as the PDF's broken lines were.
  const pieces: TextPiece[] = [];
  block.lines.forEach((line, i) => {
    if (i > 0) pieces.push({ text: ' ', marked: from < line.start && to > line.start });
    pieces.push(...piecesOf(line, from, to));
  });
  return { kind: 'paragraph', pieces: merge(pieces) };
}

/** Neighbouring pieces of the same kind as one. */
function merge(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.marked === p.marked) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Every block of a body, nothing marked. */
export function sectionBlocks(body: string): SectionBlock[] {
  return rawBlocks(body).map((b) => toBlock(b, 0, 0));
}

/**
 * The blocks of a body that hold the quote, the quote marked; undefined when the body does not hold it (the answer
 * then shows the quote on its own). A quote is an exact substring of its section's body.
 */
export function quoteBlocks(body: string, quote: string): SectionBlock[] | undefined {
  const from = quote.trim() === '' ? -1 : body.indexOf(quote);
  if (from < 0) return undefined;
  const to = from + quote.length;
  return rawBlocks(body)
    .filter((b) => {
      const first = b.lines[0]!;
      const last = b.lines[b.lines.length - 1]!;
      return first.start < to && last.start + last.text.length > from;
    })
    .map((b) => toBlock(b, from, to));
}
