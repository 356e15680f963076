import type { CheckOutcome } from '../api/ask.js';
import { AppError, type Application, type Caller } from '../app/index.js';
import type { Lang } from '../lang.js';
import { cardKeyOf, caseFromCard, checkCard, enteredOf, submissionKey } from './cards/check-card.js';
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
  const submitted = caseFromCard(questions, values);
  // The card sent back keeps its key, so that sending it again with the same answers is the same submission.
  const cardKey = cardKeyOf(values);
  try {
    // The same validation as POST /api/checks: a tampered or incomplete card is refused with its fields.
    const options = cardKey ? { requestKey: submissionKey(cardKey, submitted) } : {};
    return verdictCard(await checks.run(caller, submitted, lang, options), lang);
  } catch (error) {
    const entered = enteredOf(questions, values);
    const again = { questions, lang, entered, ...(cardKey ? { cardKey } : {}) };
    if (error instanceof AppError && error.kind === 'invalid')
      return checkCard({ ...again, problems: error.problems ?? [] });
    // Not recorded (or not sure), so no verdict: the card stays, with what was entered, and says so.
    if (error instanceof AppError) return checkCard({ ...again, notice: error.messages[lang] });
    throw error;
  }
}
