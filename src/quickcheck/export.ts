import type { CheckRecord } from './record.js';

const columns = [
  'seq',
  'tijdstip',
  'pseudoniem',
  'tool_id',
  'tool',
  'taak',
  'doel',
  'oordeel',
  'regels',
  'regelversie',
  'registerversie',
  'hash',
] as const;

/** Excel treats a cell that starts with = + - @ as a formula; free text from staff must never run as one. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The records as CSV for the AI and privacy officers: semicolon-separated (Dutch Excel), one line per check,
 * with the pseudonym and never a name.
 */
export async function* recordsToCsv(records: AsyncIterable<CheckRecord>): AsyncGenerator<string> {
  yield `${columns.join(';')}\r\n`;
  for await (const r of records) {
    const row = [
      String(r.seq),
      r.at,
      r.who,
      r.result.tool.id ?? '',
      r.result.tool.name,
      r.case.task,
      r.case.purpose,
      r.verdict,
      r.result.reasons.map((reason) => reason.ruleId).join(' '),
      r.rulesVersion,
      r.registerVersion,
      r.hash,
    ];
    yield `${row.map(cell).join(';')}\r\n`;
  }
}
