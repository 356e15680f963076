import {
  audienceValues,
  booleanValues,
  confidentialDataValues,
  decisionAboutPersonValues,
  personalDataValues,
  phaseValues,
  prohibitedPracticeValues,
  taskValues,
  type CheckCase,
} from '../../src/quickcheck/index.js';
import type { ToolRegister } from '../../src/quickcheck/register.js';

/** Every value each field of the case can take; the tool: every register entry plus one that is not in it. */
export function fieldValues(register: ToolRegister): { [K in keyof CheckCase]: readonly CheckCase[K][] } {
  return {
    tool: [...register.tools.map((t) => t.id), 'Perplexity'],
    purpose: ['', 'brieven aan inwoners samenvatten'],
    task: taskValues,
    prohibitedPractice: prohibitedPracticeValues,
    personalData: personalDataValues,
    confidentialData: confidentialDataValues,
    decisionAboutPerson: decisionAboutPersonValues,
    humanReview: booleanValues,
    audience: audienceValues,
    syntheticMedia: booleanValues,
    phase: phaseValues,
    trainingDone: booleanValues,
  };
}

/** A contracted tool, internal use, no personal data, a human who checks: the plain "allowed" case. */
export const baseCase: CheckCase = {
  tool: 'copilot-chat',
  purpose: 'een interne notitie herschrijven',
  task: 'text',
  prohibitedPractice: 'none',
  personalData: 'none',
  confidentialData: false,
  decisionAboutPerson: 'none',
  humanReview: true,
  audience: 'internal',
  syntheticMedia: false,
  phase: 'experiment',
  trainingDone: true,
};

/** Every combination of the given values, field by field (the last field varies fastest). */
export function* product<T extends Record<string, readonly unknown[]>>(
  values: T,
): Generator<{ [K in keyof T]: T[K][number] }> {
  const keys = Object.keys(values) as (keyof T)[];
  const current = {} as { [K in keyof T]: T[K][number] };
  function* walk(i: number): Generator<{ [K in keyof T]: T[K][number] }> {
    if (i === keys.length) {
      yield { ...current };
      return;
    }
    const key = keys[i]!;
    for (const v of values[key]!) {
      current[key] = v;
      yield* walk(i + 1);
    }
  }
  yield* walk(0);
}
