import { csvRecords, type CsvRow } from '../csv.js';
import { isErased, type ChainRecord } from './erasure.js';

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
  'gewist',
] as const;

/** The records as rows for the AI and privacy officers: the column names, then one row per check. */
export async function* recordRows(records: AsyncIterable<ChainRecord>): AsyncGenerator<CsvRow> {
  yield columns;
  for await (const r of records) {
    // An erased record keeps its place, verdict and versions; who, the tool, the task and the purpose are gone.
    if (isErased(r)) {
      yield [
        String(r.seq),
        r.at,
        '',
        '',
        '',
        '',
        '',
        r.verdict,
        '',
        r.rulesVersion,
        r.registerVersion,
        r.hash,
        r.erasedAt,
      ];
      continue;
    }
    yield [
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
      '',
    ];
  }
}

/**
 * The records as CSV (src/csv.ts: semicolons for Dutch Excel, formulas disarmed), one line per check, with the
 * pseudonym and never a name.
 */
export function recordsToCsv(records: AsyncIterable<ChainRecord>): AsyncGenerator<string> {
  return csvRecords(recordRows(records));
}
