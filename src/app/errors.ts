import type { Lang } from '../lang.js';
import type { FieldProblem } from '../validation.js';

/** What went wrong, in the terms every surface maps to its own (an HTTP status, a bot message, an exit code). */
export type AppErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'unavailable' | 'unauthenticated';

/**
 * An error a person can do something about: it carries a message in Dutch and English and, for invalid input, the
 * field each problem is about. Nothing was changed when it is thrown. Anything else that is thrown is ours: the
 * surface logs it with a correlation id and tells the person that something went wrong on our side.
 */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    readonly messages: Record<Lang, string>,
    readonly problems?: FieldProblem[],
  ) {
    super(messages.en);
    this.name = 'AppError';
  }
}

export function invalidInput(problems: FieldProblem[]): AppError {
  return new AppError(
    'invalid',
    'invalid_input',
    { nl: 'De invoer klopt niet.', en: 'The input is not valid.' },
    problems,
  );
}

export const storeUnavailable = new AppError('unavailable', 'store_unavailable', {
  nl: 'AI-wijzer kan dit nu niet opslaan. Er is niets vastgelegd; probeer het over een paar minuten opnieuw.',
  en: 'AI-wijzer cannot save this right now. Nothing was recorded; try again in a few minutes.',
});

/**
 * The connection to the database was lost while a check was being saved, and AI-wijzer could not find out afterwards
 * whether it was: the person looks at their checks before doing it again, so that it is not recorded twice.
 */
export const checkOutcomeUnknown = new AppError('unavailable', 'check_outcome_unknown', {
  nl: 'De verbinding met de database viel weg terwijl je check werd opgeslagen. AI-wijzer weet niet zeker of hij is vastgelegd: kijk bij Mijn checks of hij er staat voordat je hem opnieuw doet.',
  en: 'The connection to the database was lost while your check was being saved. AI-wijzer cannot tell whether it was recorded: look at My checks to see whether it is there before you do it again.',
});

/** The caller lacks the role the action needs (an admin route called by a staff member); nothing was changed. */
export const notAdmin = new AppError('forbidden', 'not_admin', {
  nl: 'Dit mag alleen een beheerder van AI-wijzer (rol AIWijzer.Admin). Er is niets gewijzigd.',
  en: 'Only an AI-wijzer admin (role AIWijzer.Admin) may do this. Nothing was changed.',
});

/** Built without a store (`ai-wijzer ask`): what needs the database says so. */
export const noDatabase = new AppError('unavailable', 'no_store', {
  nl: 'Er is geen database.',
  en: 'There is no database.',
});
