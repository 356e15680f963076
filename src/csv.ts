import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * The one CSV writer (the audit export, the scan findings), on csv-stringify, for Dutch Excel: semicolons between
 * cells, CRLF between records, a UTF-8 byte order mark at the start of a file (so Excel shows accents), a cell
 * quoted when it holds a semicolon, a quote or a line break. A cell that starts with = + - @, a tab or a CR gets a
 * leading apostrophe, so that a file name or a purpose typed by staff never runs as a formula.
 */
const options = {
  delimiter: ';',
  record_delimiter: 'windows',
  // csv-stringify stops quoting a lone \n or \r once record_delimiter is set; Excel would split the row on it.
  quote_record_delimiter: true,
  escape_formulas: true,
} as const satisfies Options;

export type CsvRow = readonly string[];
type Rows = Iterable<CsvRow> | AsyncIterable<CsvRow>;

export const csvBom = '\uFEFF';

/** One record as CSV text, with its CRLF. */
export function csvRecord(cells: CsvRow): string {
  return stringifySync([[...cells]], options);
}

/** The records as CSV text, one string per record, without a byte order mark (for a pipe). */
export async function* csvRecords(rows: Rows): AsyncGenerator<string> {
  for await (const row of rows) yield csvRecord(row);
}

/** Writes the records to a file: the byte order mark, then the records, streamed (memory stays flat). */
export async function writeCsvFile(file: string, rows: Rows): Promise<void> {
  await pipeline(Readable.from(rows), stringify({ ...options, bom: true }), createWriteStream(file));
}
