import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeCsv } from '../../src/housekeeping/output/csv.js';
import { wallClock } from '../../src/housekeeping/output/local-time.js';
import { formatSummary } from '../../src/housekeeping/output/text.js';
import { writeXlsx } from '../../src/housekeeping/output/xlsx.js';
import { runScan, type NothingReadError } from '../../src/housekeeping/scan.js';
import type { UnreadScan } from '../../src/housekeeping/report.js';
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
    expect(rows.some((r) => r[0] === 'niet-gelezen')).toBe(false);
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

/** The summary sheet as key -> value. */
async function summaryOf(
  file: string,
): Promise<{ sheets: string[]; values: Map<string, unknown>; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const values = new Map<string, unknown>();
  wb.getWorksheet(wb.worksheets[0]!.name)!.eachRow((row) =>
    values.set(String(row.getCell(1).value), row.getCell(2).value),
  );
  return { sheets: wb.worksheets.map((w) => w.name), values, wb };
}

describe('a report with parts not read', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hk-gaps-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scan = () =>
    runScan(
      memorySource(['Beleid/a.docx', 'Cliënten/111222333 Jansen/', 'Archief/'], {
        gaps: [
          { path: 'Cliënten/111222333 Jansen', reason: 'EACCES' },
          { path: 'Archief', reason: 'EACCES' },
        ],
      }),
      { now },
    );

  it('gives no clean label in the terminal and lists the parts not read, masked', async () => {
    const text = formatSummary(await scan(), 'nl');
    expect(text).toContain('LET OP: niet volledig gelezen. 2 onderdelen konden niet worden gelezen.');
    expect(text).toMatch(/Label: [A-G] {2}\(onvolledig: score en label gelden alleen voor wat gelezen is\)/);
    expect(text).toContain('Niet gelezen (2):\n  - Cliënten/******333 Jansen: geen toegang\n  - Archief: geen toegang');
    expect(text).not.toContain('111222333');
  });

  it('puts a row per part not read first in the CSV', async () => {
    const report = await scan();
    await writeCsv(report, join(dir, 'g.csv'), 'nl');
    const rows = parseCsv(readFileSync(join(dir, 'g.csv'), 'utf8').slice(1));
    expect(rows.slice(1, 3).map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['niet-gelezen', 'Niet gelezen', 'Cliënten/******333 Jansen', 'geen toegang'],
      ['niet-gelezen', 'Niet gelezen', 'Archief', 'geen toegang'],
    ]);
    expect(rows).toHaveLength(report.findings.length + 3);
  });

  it('marks the label and the folder scores incomplete in Excel, with a sheet of what was not read', async () => {
    const report = await scan();
    await writeXlsx(report, join(dir, 'g.xlsx'), 'nl');
    const { sheets, values, wb } = await summaryOf(join(dir, 'g.xlsx'));
    expect(sheets).toEqual(['Samenvatting', 'Niet gelezen', 'Bevindingen', 'Mappen']);
    expect(values.get('Volledig gelezen')).toBe('nee');
    expect(values.get('Label')).toBe(`${report.label} (onvolledig)`);
    const unread = wb.getWorksheet('Niet gelezen')!;
    expect(unread.getColumn(1).values.slice(2)).toEqual(['Cliënten/******333 Jansen', 'Archief']);
    const folders = wb.getWorksheet('Mappen')!;
    const byPath = new Map(
      folders
        .getSheetValues()
        .slice(2)
        .map((r) => {
          const row = r as unknown[];
          return [String(row[1]), { label: row[3], complete: row[row.length - 1] }];
        }),
    );
    expect(byPath.get('Archief')).toEqual({ label: 'A (onvolledig)', complete: 'nee' });
    expect(byPath.get('Beleid')).toEqual({ label: 'A', complete: 'ja' });
  });
});

describe('a scan that read nothing, in every output', () => {
  let dir: string;
  let scan: UnreadScan;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hk-unread-'));
    const error = await runScan(memorySource([], { root: '/mnt/afdeling', gaps: [{ path: '', reason: 'EACCES' }] }), {
      now,
    }).catch((e: unknown) => e);
    scan = (error as NothingReadError).scan;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in the terminal: not read and why, no score, no label', () => {
    const text = formatSummary(scan, 'nl');
    expect(text).toBe(
      'Datahygiëne-scan van /mnt/afdeling\nNIET GELEZEN: De map kon niet worden gelezen: geen toegang.\nGeen score en geen label: er is niets gelezen.\n',
    );
    expect(formatSummary(scan, 'en')).toContain('No score and no label: nothing was read.');
  });

  it('in the JSON: read false, the reason, no score, label or findings', async () => {
    const { writeJsonReport } = await import('../../src/housekeeping/output/json.js');
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString('utf8')));
    await writeJsonReport(scan, out);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ complete: false, read: false, incompleteReason: scan.incompleteReason });
    for (const key of ['score', 'label', 'findings']) expect(json).not.toHaveProperty(key);
  });

  it('in the CSV: one row that says the folder was not read', async () => {
    await writeCsv(scan, join(dir, 'u.csv'), 'nl');
    const rows = parseCsv(readFileSync(join(dir, 'u.csv'), 'utf8').slice(1));
    expect(rows.slice(1)).toEqual([
      [
        'niet-gelezen',
        'Niet gelezen',
        '',
        '',
        '(hoofdmap)',
        'geen toegang',
        'Geef het account waarmee gescand wordt leesrechten op dit onderdeel en scan opnieuw; tot dan telt het niet mee.',
      ],
    ]);
  });

  it('in Excel: a summary without score or label, and the sheet of what was not read', async () => {
    await writeXlsx(scan, join(dir, 'u.xlsx'), 'nl');
    const { sheets, values } = await summaryOf(join(dir, 'u.xlsx'));
    expect(sheets).toEqual(['Samenvatting', 'Niet gelezen']);
    expect(values.get('Gelezen')).toBe('nee: Geen score en geen label: er is niets gelezen.');
    expect(values.get('Waarom niet volledig')).toBe('De map kon niet worden gelezen: geen toegang.');
    for (const key of ['Score (0-100)', 'Label', 'Bestanden']) expect(values.has(key)).toBe(false);
  });
});

describe('dates in Excel', () => {
  it('are the wall-clock time in Amsterdam, summer and winter, whatever the zone of this process', () => {
    const utcFields = (d: Date) => d.toISOString().slice(0, 19);
    expect(utcFields(wallClock('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00:00'); // CEST, UTC+2
    expect(utcFields(wallClock('2026-01-15T10:00:00Z'))).toBe('2026-01-15T11:00:00'); // CET, UTC+1
    expect(utcFields(wallClock('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59'); // just before the change
    expect(utcFields(wallClock('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00');
    expect(utcFields(wallClock('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30:00');
    expect(utcFields(wallClock('2026-07-01T10:00:00Z', 'UTC'))).toBe('2026-07-01T10:00:00');
  });

  it('are date cells that Excel shows as the local time of the start and the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-dates-'));
    try {
      const report = {
        ...(await runScan(memorySource(['Beleid/a.docx']), { now })),
        startedAt: '2026-07-01T10:00:00.000Z',
        finishedAt: '2026-01-15T10:00:00.000Z',
      };
      await writeXlsx(report, join(dir, 'd.xlsx'), 'nl');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'd.xlsx'));
      const summary = wb.getWorksheet('Samenvatting')!;
      const cell = (key: string) => {
        let found: ExcelJS.Cell | undefined;
        summary.eachRow((row) => {
          if (row.getCell(1).value === key) found = row.getCell(2);
        });
        return found!;
      };
      // Excel has no time zones: the cell holds the wall-clock time, which exceljs reads back as UTC fields.
      expect((cell('Gestart').value as Date).toISOString()).toBe('2026-07-01T12:00:00.000Z');
      expect((cell('Klaar').value as Date).toISOString()).toBe('2026-01-15T11:00:00.000Z');
      expect(cell('Gestart').numFmt).toBe('dd-mm-yyyy hh:mm:ss');
      expect(cell('Tijden in').value).toBe('Europe/Amsterdam');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
