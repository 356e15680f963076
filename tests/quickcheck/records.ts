import type { CheckCase } from '../../src/quickcheck/index.js';
import { loadConfig } from '../../src/config.js';
import { loadQuickcheckContent, runCheck } from '../../src/quickcheck/index.js';
import type { Store } from '../../src/store/index.js';
import { quickcheckRecordStore } from '../../src/store/repositories/quickcheck.js';
import { baseCase } from './cases.js';

export { freshDatabase } from '../helpers/database.js';

export const content = loadQuickcheckContent();

/** The key the CLI and the application use in these tests: AUDIT_KEY unset, so the development default. */
export const auditKey = loadConfig({}).AUDIT_KEY;

export async function recordChecks(store: Store, who: string, cases: Partial<CheckCase>[], key = auditKey) {
  const records = quickcheckRecordStore(store, { key });
  const out = [];
  for (const c of cases)
    out.push(
      await runCheck({ ruleSet: content, register: content.register, records, who, case: { ...baseCase, ...c } }),
    );
  return out;
}

/** The CLI in-process with captured output, quietly. */
export { runQuietly as cli } from '../helpers/cli.js';
