import ExcelJS from 'exceljs';
import type { Lang } from '../../lang.js';
import { adviceTexts, formatBytes, groupOf } from '../advice.js';
import { shownPath, unreadParts } from '../gaps.js';
import { isUnread, scoreCategories, type ScanResult } from '../report.js';
import { categoryNames, columns, groupNames, severityNames, unreadNames } from './labels.js';
import { reportTimeZone, wallClock } from './local-time.js';

// One sheet holds at most 1,048,576 rows.
const maxRows = 1_048_000;

const t = {
  nl: {
    summary: 'Samenvatting',
    findings: 'Bevindingen',
    folders: 'Mappen',
    source: 'Bron',
    root: 'Gescand',
    complete: 'Volledig gelezen',
    reason: 'Waarom niet volledig',
    started: 'Gestart',
    finished: 'Klaar',
    files: 'Bestanden',
    folderCount: 'Mappen',
    bytes: 'Omvang',
    requests: 'Graph-verzoeken',
    score: 'Score (0-100)',
    label: 'Label',
    capped: 'Label begrensd op D (persoonsgegevens of anonieme links)',
    trend: 'Verschil met vorige scan',
    yes: 'ja',
    no: 'nee',
    advice: 'Advies',
    count: 'Aantal',
    items: 'Items',
    truncated: 'Niet alle bevindingen passen op één werkblad; zie de JSON- of CSV-export.',
    rulesVersion: 'Versie regels en teksten',
    read: 'Gelezen',
    timeZone: 'Tijden in',
    reason2: 'Reden',
    folderComplete: 'Volledig gelezen',
  },
  en: {
    summary: 'Summary',
    findings: 'Findings',
    folders: 'Folders',
    source: 'Source',
    root: 'Scanned',
    complete: 'Read completely',
    reason: 'Why not complete',
    started: 'Started',
    finished: 'Finished',
    files: 'Files',
    folderCount: 'Folders',
    bytes: 'Size',
    requests: 'Graph requests',
    score: 'Score (0-100)',
    label: 'Label',
    capped: 'Label capped at D (personal data or anonymous links)',
    trend: 'Change since the previous scan',
    yes: 'yes',
    no: 'no',
    advice: 'Advice',
    count: 'Count',
    items: 'Items',
    truncated: 'Not all findings fit on one sheet; see the JSON or CSV export.',
    rulesVersion: 'Version of rules and texts',
    read: 'Read',
    timeZone: 'Times in',
    reason2: 'Reason',
    folderComplete: 'Read completely',
  },
};

// Excel's own date format codes (shown by Excel in the user's locale).
const dateFormat = 'dd-mm-yyyy hh:mm:ss';

export interface XlsxOptions {
  /** Whose wall-clock time the dates show; default Europe/Amsterdam. */
  timeZone?: string;
}

/**
 * Writes an Excel workbook (streamed, so large reports stay small in memory): summary, what could not be read,
 * findings, folders. Dates are date cells in the municipality's local time. A scan that read nothing has a summary
 * without score or label, and the sheet of what could not be read.
 */
export async function writeXlsx(
  report: ScanResult,
  file: string,
  lang: Lang,
  options: XlsxOptions = {},
): Promise<void> {
  const l = t[lang];
  const u = unreadNames[lang];
  const texts = adviceTexts();
  const timeZone = options.timeZone ?? reportTimeZone;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'AI-wijzer';

  const summary = workbook.addWorksheet(l.summary);
  summary.columns = [{ width: 42 }, { width: 90 }];
  const row = (key: string, value: string | number) => summary.addRow([key, value]).commit();
  const dateRow = (key: string, iso: string) => {
    const added = summary.addRow([key, wallClock(iso, timeZone)]);
    added.getCell(2).numFmt = dateFormat;
    added.getCell(2).alignment = { horizontal: 'left' };
    added.commit();
  };
  const unread = isUnread(report);
  row(l.source, report.source);
  row(l.root, report.root);
  if (unread) row(l.read, `${l.no}: ${u.noScore}`);
  row(l.complete, report.complete ? l.yes : l.no);
  if (report.incompleteReason) row(l.reason, report.incompleteReason);
  dateRow(l.started, report.startedAt);
  dateRow(l.finished, report.finishedAt);
  row(l.timeZone, timeZone);
  if (!unread) {
    row(l.files, report.stats.files);
    row(l.folderCount, report.stats.folders);
    row(l.bytes, formatBytes(report.stats.bytes, lang));
    if (report.source === 'graph') row(l.requests, report.stats.graphRequests);
    row(l.score, report.score);
    row(l.label, report.complete ? report.label : `${report.label} (${u.incomplete})`);
    if (report.capped) row(l.capped, l.yes);
    for (const c of scoreCategories) if (report.subScores) row(categoryNames[lang][c], report.subScores[c]);
    if (report.trend)
      row(
        l.trend,
        `${report.trend.scoreDelta >= 0 ? '+' : ''}${report.trend.scoreDelta} (${report.trend.previousLabel} → ${report.label})`,
      );
  }
  if (report.rulesVersion) row(l.rulesVersion, report.rulesVersion);
  summary.addRow([]).commit();
  if (!unread)
    for (const [group, lines] of Object.entries(report.advice ?? {})) {
      if (lines.length === 0) continue;
      const heading = summary.addRow([groupNames[lang][group as keyof (typeof groupNames)['nl']]]);
      heading.font = { bold: true };
      heading.commit();
      for (const line of lines) summary.addRow([`${line.title} (${line.count})`, line.advice]).commit();
    }
  summary.commit();

  const gaps = unreadParts(report.gaps);
  if (gaps.length > 0) {
    const c = columns[lang];
    const sheet = workbook.addWorksheet(u.heading, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: c.path, width: 70 },
      { header: l.reason2, width: 50 },
      { header: c.advice, width: 70 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const g of gaps) sheet.addRow([shownPath(g.path, lang), g.reason, u.advice]).commit();
    sheet.commit();
  }
  if (unread) {
    await workbook.commit();
    return;
  }

  const c = columns[lang];
  const findings = workbook.addWorksheet(l.findings, { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.columns = [
    { header: c.title, width: 28 },
    { header: c.severity, width: 10 },
    { header: c.group, width: 16 },
    { header: c.path, width: 70 },
    { header: c.detail, width: 70 },
    { header: c.advice, width: 70 },
    { header: c.rule, width: 22 },
  ];
  findings.getRow(1).font = { bold: true };
  findings.autoFilter = 'A1:G1';
  let rows = 0;
  for (const f of report.findings) {
    if (++rows > maxRows) {
      findings.addRow([l.truncated]).commit();
      break;
    }
    const group = f.group ?? groupOf(f.severity);
    findings
      .addRow([
        texts.rules[f.rule].title[lang],
        severityNames[lang][f.severity],
        groupNames[lang][group],
        f.path,
        f.detail,
        f.advice,
        f.rule,
      ])
      .commit();
  }
  findings.commit();

  if (report.folders && report.folders.length > 0) {
    const folders = workbook.addWorksheet(l.folders, { views: [{ state: 'frozen', ySplit: 1 }] });
    folders.columns = [
      { header: c.path, width: 60 },
      { header: l.score, width: 14 },
      { header: l.label, width: 8 },
      ...scoreCategories.map((cat) => ({ header: categoryNames[lang][cat], width: 22 })),
      { header: l.items, width: 10 },
      { header: l.findings, width: 12 },
      { header: l.folderComplete, width: 16 },
    ];
    folders.getRow(1).font = { bold: true };
    for (const f of report.folders)
      folders
        .addRow([
          f.path,
          f.score,
          f.complete === false ? `${f.label} (${u.incomplete})` : f.label,
          ...scoreCategories.map((cat) => f.subScores[cat]),
          f.items,
          f.findings,
          f.complete === false ? l.no : l.yes,
        ])
        .commit();
    folders.commit();
  }
  await workbook.commit();
}
