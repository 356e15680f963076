import type { CheckCase } from './case.js';
import type { CheckVerdict, RecordedCheck } from './verdict.js';
import { evaluateCase, type EvaluateOptions, type RuleSet } from './evaluate.js';
import { maskPersonalData } from './mask.js';
import { canonicalJson, type CheckRecordStore } from './record.js';
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
  /** The client's key for this submission: a retry with it gives the first record instead of a second one. */
  requestKey?: string;
}

/** A request key sent again with another case than the one it was first recorded with: nothing is recorded. */
export class RequestKeyReusedError extends Error {
  constructor() {
    super('the request key was used before for another case');
    this.name = 'RequestKeyReusedError';
  }
}

/** Evaluates a validated case and records it in the chain (through src/app/checks.ts, for every surface). */
export async function runCheck(input: RunCheckInput): Promise<RecordedCheck> {
  const now = input.now ?? new Date();
  const checkCase: CheckCase = { ...input.case, purpose: maskPersonalData(input.case.purpose) };
  const verdict = publicVerdict(
    evaluateCase(input.ruleSet, input.register, checkCase, { lang: input.lang, today: now, contact: input.contact }),
  );
  const record = await input.records.append(
    {
      who: input.who,
      at: now.toISOString(),
      case: checkCase,
      verdict: verdict.verdict,
      result: verdict,
      rulesVersion: verdict.rulesVersion,
      registerVersion: verdict.registerVersion,
    },
    input.requestKey === undefined ? {} : { requestKey: input.requestKey },
  );
  // A retry gets the record of its first submission, with the verdict as recorded then.
  if (canonicalJson(record.case) !== canonicalJson(checkCase)) throw new RequestKeyReusedError();
  return { ...record.result, record: { seq: record.seq, at: record.at, hash: record.hash } };
}
