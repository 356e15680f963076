import { reportColumns } from '../../api/scans.js';
import type { Lang } from '../../lang.js';
import { groupNames, ruleTitles, scanTexts, severityNames, type Finding } from '../texts/scan.js';

/** Which advice group a finding belongs to when the report does not say (as src/housekeeping/advice.ts groups them). */
export function groupOf(f: Finding) {
  return f.group ?? (f.severity === 'high' ? 'urgent' : f.severity === 'medium' ? 'within-a-year' : 'desirable');
}

/** The findings as rows, as the CLI's CSV and Excel write them: the column names, then one row per finding. */
export function findingRows(findings: readonly Finding[], lang: Lang): string[][] {
  const c = reportColumns[lang];
  return [
    [c.rule, c.title, c.severity, c.group, c.path, c.detail, c.advice],
    ...findings.map((f) => [
      f.rule,
      ruleTitles[lang][f.rule],
      severityNames[lang][f.severity],
      groupNames[lang][groupOf(f)],
      f.path,
      f.detail,
      f.advice,
    ]),
  ];
}

/** A cell that starts with = + - @, a tab or a CR gets an apostrophe: a file name never runs as a formula. */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: string): string {
  const safe = guardFormula(cell);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for Dutch Excel, as src/csv.ts writes it: a byte order mark, semicolons, CRLF, quoted where needed. */
export function findingsCsv(findings: readonly Finding[], lang: Lang): string {
  return (
    '\uFEFF' +
    findingRows(findings, lang)
      .map((row) => row.map(csvCell).join(';') + '\r\n')
      .join('')
  );
}

/** The findings as an Excel workbook; exceljs is loaded only now, as its own chunk. */
export async function findingsXlsx(findings: readonly Finding[], lang: Lang): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(scanTexts[lang].findingsTitle);
  const [head, ...rows] = findingRows(findings, lang);
  sheet.addRow(head);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(guardFormula));
  sheet.columns.forEach((col, i) => (col.width = i === 4 || i >= 5 ? 50 : 18));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Lets the browser save a file made here (nothing is sent anywhere). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
