import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Lang } from '../../lang.js';
import { adviceTexts } from '../advice.js';
import type { ScanReport } from '../report.js';
import { columns, groupNames, severityNames } from './labels.js';

/**
 * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, CRLF between records.
 * A field that starts with = + - @ gets a leading apostrophe, so a file name never runs as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRows(report: ScanReport, lang: Lang): Iterable<string> {
  const texts = adviceTexts();
  const c = columns[lang];
  return (function* () {
    yield [c.rule, c.title, c.severity, c.group, c.path, c.detail, c.advice].map(csvField).join(',') + '\r\n';
    for (const f of report.findings) {
      const group =
        f.group ?? (f.severity === 'high' ? 'urgent' : f.severity === 'medium' ? 'within-a-year' : 'desirable');
      yield (
        [
          f.rule,
          texts.rules[f.rule].title[lang],
          severityNames[lang][f.severity],
          groupNames[lang][group],
          f.path,
          f.detail,
          f.advice,
        ]
          .map(csvField)
          .join(',') + '\r\n'
      );
    }
  })();
}

/** Writes the findings as CSV: UTF-8 with a byte order mark, so Excel shows accents correctly. */
export async function writeCsv(report: ScanReport, file: string, lang: Lang): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([error]) => {
    throw error;
  });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write('\uFEFF');
  let buffer = '';
  for (const row of csvRows(report, lang)) {
    buffer += row;
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
