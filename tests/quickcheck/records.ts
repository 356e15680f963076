import { PassThrough } from 'node:stream';
import type { CheckCase } from '../../src/quickcheck/index.js';
import type { CliIO } from '../../src/cli/command.js';
import { loadConfig } from '../../src/config.js';
import { runCli } from '../../src/cli/run.js';
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

export async function cli(args: string[], env: Record<string, string>, input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  const io: CliIO = { stdout, stderr, stdin, env: { ...process.env, LOG_LEVEL: 'silent', ...env } };
  const code = await runCli(args, io);
  return { code, stdout: out, stderr: err };
}
