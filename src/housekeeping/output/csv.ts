import { writeCsvFile, type CsvRow } from '../../csv.js';
import type { Lang } from '../../lang.js';
import { adviceTexts, groupOf } from '../advice.js';
import { shownPath, unreadParts } from '../gaps.js';
import { isUnread, type ScanResult } from '../report.js';
import { columns, groupNames, severityNames, unreadNames } from './labels.js';

/**
 * The findings as rows: the column names in the report's language, first a row per part that could not be read
 * (so a list that looks clean never hides what was not looked at), then one row per finding.
 */
export function* csvRows(report: ScanResult, lang: Lang): Generator<CsvRow> {
  const texts = adviceTexts();
  const c = columns[lang];
  const u = unreadNames[lang];
  yield [c.rule, c.title, c.severity, c.group, c.path, c.detail, c.advice];
  const gaps = unreadParts(report.gaps);
  // A scan that read nothing says why on its own row, also when the reason is not a gap (cancelled first).
  if (isUnread(report) && !gaps.some((g) => g.path === ''))
    yield [u.rule, u.title, '', '', shownPath('', lang), report.incompleteReason, u.advice];
  for (const g of gaps) yield [u.rule, u.title, '', '', shownPath(g.path, lang), g.reason, u.advice];
  if (isUnread(report)) return;
  for (const f of report.findings) {
    const group = f.group ?? groupOf(f.severity);
    yield [
      f.rule,
      texts.rules[f.rule].title[lang],
      severityNames[lang][f.severity],
      groupNames[lang][group],
      f.path,
      f.detail,
      f.advice,
    ];
  }
}

/**
 * Writes the findings as CSV for Dutch Excel (src/csv.ts): semicolons, UTF-8 with a byte order mark, and a file
 * name that starts with = + - @ never runs as a formula.
 */
export async function writeCsv(report: ScanResult, file: string, lang: Lang): Promise<void> {
  await writeCsvFile(file, csvRows(report, lang));
}
