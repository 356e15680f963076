import type { CheckOutcome } from '../api/ask.js';
import { AppError, type Application, type Caller } from '../app/index.js';
import type { Lang } from '../lang.js';
import { caseFromCard, checkCard, enteredOf } from './cards/check-card.js';
import type { Element } from './cards/elements.js';
import { checkVerbs } from './cards/texts.js';
import { verdictCard } from './cards/verdict-card.js';

export type CheckCapabilities = Pick<Application['checks'], 'questions' | 'run'>;

/** The card a check outcome of the front door starts with: its questions, what the sentence already said filled in. */
export function startCard(checks: CheckCapabilities, outcome: Pick<CheckOutcome, 'check' | 'language'>): Element {
  const { tool, task } = outcome.check;
  return checkCard({
    questions: checks.questions(outcome.language),
    lang: outcome.language,
    prefill: { ...(tool ? { tool } : {}), ...(task ? { task } : {}) },
  });
}

/**
 * What a card action gets back, in place of the card: for `quickcheck.submit` the verdict (recorded), or the card
 * again with the problems marked and nothing recorded; for `quickcheck.restart` a fresh card. Undefined: not ours.
 */
export async function cardAction(
  checks: CheckCapabilities,
  caller: Caller,
  verb: string | undefined,
  values: Record<string, unknown>,
  clientLang: Lang,
): Promise<Element | undefined> {
  const lang: Lang = values.lang === 'en' || values.lang === 'nl' ? values.lang : clientLang;
  const questions = checks.questions(lang);
  if (verb === checkVerbs.restart) return checkCard({ questions, lang });
  if (verb !== checkVerbs.submit) return undefined;
  try {
    // The same validation as POST /api/checks: a tampered or incomplete card is refused with its fields.
    return verdictCard(await checks.run(caller, caseFromCard(questions, values), lang), lang);
  } catch (error) {
    const entered = enteredOf(questions, values);
    if (error instanceof AppError && error.kind === 'invalid')
      return checkCard({ questions, lang, entered, problems: error.problems ?? [] });
    // Not recorded, so no verdict: the card stays, with what was entered, and says so.
    if (error instanceof AppError) return checkCard({ questions, lang, entered, notice: error.messages[lang] });
    throw error;
  }
}
