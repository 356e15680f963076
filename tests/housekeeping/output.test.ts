import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeCsv } from '../../src/housekeeping/output/csv.js';
import { writeXlsx } from '../../src/housekeeping/output/xlsx.js';
import { runScan } from '../../src/housekeeping/scan.js';
import { parseCsv } from '../helpers/csv.js';
import { memorySource } from './memory-source.js';

const now = new Date(Date.UTC(2026, 10, 23));

describe('report outputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hk-out-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes CSV for Dutch Excel (semicolons, BOM, CRLF), one row per finding, in Dutch or English', async () => {
    const report = await runScan(
      memorySource(['Beleid; "oud"/Nota v2.docx', 'Nieuwe map/', 'Één/Ærø.txt', '=SOM(A1)/-kopie v2.docx']),
      { now },
    );
    const file = join(dir, 'r.csv');
    await writeCsv(report, file, 'nl');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['regel', 'bevinding', 'ernst', 'termijn', 'pad', 'toelichting', 'advies']);
    expect(rows).toHaveLength(report.findings.length + 1);
    const version = rows.find((r) => r[0] === 'version-in-name' && r[4]!.endsWith('Nota v2.docx'))!;
    expect(version[4]).toBe('Beleid; "oud"/Nota v2.docx');
    expect(version[3]).toBe('Wenselijk');
    // A path that Excel would run as a formula gets an apostrophe (src/csv.ts).
    expect(rows.some((r) => r[4] === "'=SOM(A1)/-kopie v2.docx")).toBe(true);
    expect(rows.some((r) => r[4]?.startsWith('='))).toBe(false);
    await writeCsv(report, join(dir, 'en.csv'), 'en');
    expect(readFileSync(join(dir, 'en.csv'), 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFrule;finding;severity;when;path;detail;advice',
    );
  });

  it('writes an Excel workbook with a summary sheet, a findings sheet and per-folder scores', async () => {
    const report = await runScan(memorySource(['Beleid/Nota v2.docx', 'Nieuwe map/', 'Schoon/a.docx']), { now });
    const file = join(dir, 'r.xlsx');
    await writeXlsx(report, file, 'nl');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Bevindingen', 'Mappen']);
    const summary = wb.getWorksheet('Samenvatting')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Score (0-100)')).toBe(report.score);
    expect(values.get('Label')).toBe(report.label);
    expect(values.get('Volledig gelezen')).toBe('ja');
    const findings = wb.getWorksheet('Bevindingen')!;
    expect(findings.rowCount).toBe(report.findings.length + 1);
    expect(findings.getRow(1).getCell(4).value).toBe('pad');
    const paths = findings.getColumn(4).values.slice(2);
    expect(paths).toEqual(report.findings.map((f) => f.path));
    const folders = wb.getWorksheet('Mappen')!;
    expect(folders.getColumn(1).values.slice(2)).toEqual(['Beleid', 'Nieuwe map', 'Schoon']);
  });
});

describe('streamed JSON', () => {
  it('writes exactly the text of JSON.stringify, findings in chunks', async () => {
    const { writeJsonReport } = await import('../../src/housekeeping/output/json.js');
    const { PassThrough } = await import('node:stream');
    const items = Array.from({ length: 2000 }, (_, i) => `Nieuwe map ${i}/Nota v${i} "citaat".docx`);
    const report = await runScan(memorySource(items, { gaps: [{ path: 'x', reason: 'EACCES' }] }), { now });
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    await writeJsonReport(report, out);
    expect(chunks.join('')).toBe(`${JSON.stringify(report)}\n`);
    expect(chunks.length).toBeGreaterThan(3);
  });
});
