import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeCsv } from '../../src/housekeeping/output/csv.js';
import { formatSummary } from '../../src/housekeeping/output/text.js';
import { writeXlsx } from '../../src/housekeeping/output/xlsx.js';
import type { ScanReport } from '../../src/housekeeping/report.js';
import { runScan } from '../../src/housekeeping/scan.js';
import { saveWithTrend } from '../../src/store/repositories/housekeeping.js';
import { openTestStore, storeKinds } from '../helpers/store.js';
import { memorySource } from './memory-source.js';

const now = new Date(Date.UTC(2026, 10, 23));
/** Personal data planted in folder and file names, in every place a rule can repeat a name. */
const secrets = [
  '111222333',
  '1112.22.333',
  'NL91ABNA0417164300',
  'NL91 ABNA 0417 1643 00',
  'jan.jansen@groningen.nl',
  'p.devries@example.org',
  '06-12345678',
  '12345678',
];
const tree = [
  { path: 'Cliënten/111222333 Jansen/Besluit v2.docx', content: 'zelfde' }, // personal data in a folder, repeated in the file's path
  { path: 'Cliënten/kopie 1112.22.333.docx', content: 'zelfde' }, // duplicate of the first: each detail names the other
  { path: 'Betalingen/NL91ABNA0417164300 - kopie.pdf' },
  { path: 'Betalingen/NL91 ABNA 0417 1643 00.txt' },
  { path: 'Mail/jan.jansen@groningen.nl.msg' },
  { path: 'Mail/Terugbellen 06-12345678.docx' },
  { path: 'Mail/Nieuwe map/' },
  { path: 'p.devries@example.org/' },
  { path: `Diep/${'lang '.repeat(60)}/jan.jansen@groningen.nl ?.txt` }, // too long and invalid as well
];

function assertNoSecrets(text: string) {
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('personal data is masked in every output', () => {
  let report: ScanReport;
  let dir: string;
  beforeAll(async () => {
    report = await runScan(memorySource(tree, { root: '/mnt/p.devries@example.org' }), { now });
    dir = mkdtempSync(join(tmpdir(), 'hk-mask-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the personal data and several other findings on the same names', () => {
    expect(report.findings.filter((f) => f.rule === 'personal-data-in-name')).toHaveLength(8);
    for (const rule of [
      'duplicate-file',
      'version-in-name',
      'path-too-long',
      'invalid-name',
      'generic-name',
      'empty-folder',
    ]) {
      expect(report.findings.some((f) => f.rule === rule)).toBe(true);
    }
  });

  it('in the JSON report (paths, details, advice, folders, root) and the text summary', () => {
    assertNoSecrets(JSON.stringify(report));
    assertNoSecrets(formatSummary(report, 'nl'));
    expect(JSON.stringify(report)).toContain('******333');
  });

  it('in the CSV file', async () => {
    await writeCsv(report, join(dir, 'r.csv'), 'nl');
    assertNoSecrets(readFileSync(join(dir, 'r.csv'), 'utf8'));
  });

  it('in every cell of the Excel workbook', async () => {
    await writeXlsx(report, join(dir, 'r.xlsx'), 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const cells: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells.length).toBeGreaterThan(report.findings.length * 5);
    assertNoSecrets(cells.join('\n'));
  });

  describe.each(storeKinds)('in the database rows (%s)', (kind) => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    beforeAll(async () => {
      store = await openTestStore(kind);
    });
    afterAll(async () => store.dispose());

    it('stores nothing unmasked, the source key included', async () => {
      await saveWithTrend(store, 'fs:host:/mnt/p.devries@example.org', report);
      const rows = await store.query('select * from housekeeping_scans');
      expect(rows).toHaveLength(1);
      assertNoSecrets(JSON.stringify(rows));
    });
  });
});
