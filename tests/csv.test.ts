import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvBom, csvRecord, csvRecords, writeCsvFile } from '../src/csv.js';
import { parseCsv } from './helpers/csv.js';

describe('the CSV writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'csv-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('separates cells with a semicolon and ends a record with CRLF', () => {
    expect(csvRecord(['a', 'b', '', 'c d'])).toBe('a;b;;c d\r\n');
    // A comma is no separator for Dutch Excel: not quoted.
    expect(csvRecord(['1,5', 'x'])).toBe('1,5;x\r\n');
  });

  it('quotes a cell with a semicolon, a quote or a line break, and doubles its quotes', () => {
    expect(csvRecord(['a;b'])).toBe('"a;b"\r\n');
    expect(csvRecord(['zei "hoi"'])).toBe('"zei ""hoi"""\r\n');
    expect(csvRecord(['regel\nnog een'])).toBe('"regel\nnog een"\r\n');
    expect(csvRecord(['regel\rnog een'])).toBe('"regel\rnog een"\r\n');
    expect(csvRecord(['regel\r\nnog een'])).toBe('"regel\r\nnog een"\r\n');
  });

  it('puts an apostrophe before a cell that Excel would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(parseCsv(csvRecord([`${start}SOM(A1)`]))[0]).toEqual([`'${start}SOM(A1)`]);
    expect(csvRecord(['=HYPERLINK("http://x")'])).toBe(`"'=HYPERLINK(""http://x"")"\r\n`);
    expect(csvRecord(['-kopie; oud'])).toBe(`"'-kopie; oud"\r\n`);
    // Only at the start: a formula sign inside a cell is text.
    expect(csvRecord(['a=b', 'Nota - v2'])).toBe('a=b;Nota - v2\r\n');
  });

  it('streams records without a byte order mark, for a pipe', async () => {
    async function* rows() {
      yield ['kop', 'waarde'];
      yield ['a', 'b;c'];
    }
    const lines: string[] = [];
    for await (const line of csvRecords(rows())) lines.push(line);
    expect(lines).toEqual(['kop;waarde\r\n', 'a;"b;c"\r\n']);
  });

  it('writes a file as UTF-8 with a byte order mark, and reads back what it was given, accents included', async () => {
    const rows = [
      ['pad', 'toelichting'],
      ['Één/Ærø.txt', 'café; "crème brûlée"'],
      ['Beleid\nnotities', 'ĳsbaan, Zoë, façade'],
      ['', ''],
    ];
    const file = join(dir, 'r.csv');
    await writeCsvFile(file, rows);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(csvBom)).toBe(true);
    expect(text.slice(1).startsWith('pad;toelichting\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual(rows);
  });

  it('writes a file from an async source', async () => {
    async function* rows() {
      for (let i = 0; i < 5000; i++) yield [String(i), `map ${i}`];
    }
    const file = join(dir, 'many.csv');
    await writeCsvFile(file, rows());
    const read = parseCsv(readFileSync(file, 'utf8').slice(1));
    expect(read).toHaveLength(5000);
    expect(read[4999]).toEqual(['4999', 'map 4999']);
  });
});
