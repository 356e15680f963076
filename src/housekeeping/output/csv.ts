import { writeCsvFile, type CsvRow } from '../../csv.js';
import type { Lang } from '../../lang.js';
import { adviceTexts, groupOf } from '../advice.js';
import type { ScanReport } from '../report.js';
import { columns, groupNames, severityNames } from './labels.js';

/** The findings as rows: the column names in the report's language, then one row per finding. */
export function* csvRows(report: ScanReport, lang: Lang): Generator<CsvRow> {
  const texts = adviceTexts();
  const c = columns[lang];
  yield [c.rule, c.title, c.severity, c.group, c.path, c.detail, c.advice];
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
export async function writeCsv(report: ScanReport, file: string, lang: Lang): Promise<void> {
  await writeCsvFile(file, csvRows(report, lang));
}
