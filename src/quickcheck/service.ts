import type { CheckCase } from './case.js';
import type { CheckVerdict, RecordedCheck } from './verdict.js';
import { evaluateCase, type EvaluateOptions, type RuleSet } from './evaluate.js';
import { maskPersonalData } from './mask.js';
import type { CheckRecordStore } from './record.js';
import type { ToolRegister } from './register.js';

/** The verdict as shown and recorded, without the internal labels. */
export function publicVerdict(evaluation: CheckVerdict): CheckVerdict {
  const { verdict, reasons, conditions, advice, rulesVersion, registerVersion, tool } = evaluation;
  return { verdict, reasons, conditions, advice, rulesVersion, registerVersion, tool };
}

export interface RunCheckInput extends EvaluateOptions {
  ruleSet: RuleSet;
  register: ToolRegister;
  records: CheckRecordStore;
  /** Pseudonymous id of the person who ran the check. */
  who: string;
  case: CheckCase;
  now?: Date;
}

/** Evaluates a validated case and records it in the chain (through src/app/checks.ts, for every surface). */
export async function runCheck(input: RunCheckInput): Promise<RecordedCheck> {
  const now = input.now ?? new Date();
  const checkCase: CheckCase = { ...input.case, purpose: maskPersonalData(input.case.purpose) };
  const verdict = publicVerdict(
    evaluateCase(input.ruleSet, input.register, checkCase, { lang: input.lang, today: now, contact: input.contact }),
  );
  const record = await input.records.append({
    who: input.who,
    at: now.toISOString(),
    case: checkCase,
    verdict: verdict.verdict,
    result: verdict,
    rulesVersion: verdict.rulesVersion,
    registerVersion: verdict.registerVersion,
  });
  return { ...verdict, record: { seq: record.seq, at: record.at, hash: record.hash } };
}
