import {
  checkRequestKeySchema,
  recordableCaseSchema,
  checkListQuerySchema,
  checkSeqSchema,
  type CheckDetail,
  type CheckList,
  type CurrentVersions,
} from '../api/checks.js';
import type { Lang } from '../lang.js';
import { errorForLog, type Logger } from '../log.js';
import {
  AmbiguousToolError,
  evaluateCase,
  localisedQuestions,
  publicVerdict,
  RecordOutcomeUnknownError,
  RequestKeyReusedError,
  runCheck,
  type CaseField,
  type CheckRecord,
  type CheckQuestions,
  type CheckVerdict,
  type RecordedCheck,
  type CheckRecordStore,
  type QuickcheckContent,
  type Task,
  type ToolRegister,
  toolName,
} from '../quickcheck/index.js';
import type { ToolMention } from '../quickcheck/tool-names.js';
import { parseInput } from '../validation.js';
import type { Caller } from './caller.js';
import { AppError, checkOutcomeUnknown, invalidInput, noDatabase, storeUnavailable } from './errors.js';
import type { RegisterSource } from './tool-register.js';

/** What a sentence already told the check: the tool (or the entries to choose from), the task, and what is still open. */
export interface PrefilledCheck {
  tool?: { id: string | null; name: string } | { candidates: { id: string; name: string }[] };
  task?: Task;
  /** The question ids (case fields) still to answer, in the order the check asks them. */
  open: CaseField[];
}

/** "Mag ik dit gebruiken?" for every surface: the questions, a check evaluated and recorded, one's own records. */
export interface CheckService {
  /** The rules, the questions and the register as last read (the register: at most a TTL old; see tool-register.ts). */
  readonly content: QuickcheckContent;
  /** The same with the register as kept now (the database's, read again after the TTL or a change here). */
  current(): Promise<QuickcheckContent>;
  questions(lang: Lang): CheckQuestions;
  /** The check a routed sentence starts: what it filled in and which questions remain. */
  prefill(tool: ToolMention | null, task: Task | null): PrefilledCheck;
  /** Evaluates a validated case without recording it (`ai-wijzer check --dry-run`). */
  evaluate(input: unknown, lang: Lang): CheckVerdict;
  /**
   * Validates the case (the same schema for the API, the bot's card and the CLI), evaluates and records it. With a
   * request key (the API's Idempotency-Key) a retry of the same submission is answered with its first record.
   */
  run(caller: Caller, input: unknown, lang: Lang, options?: { requestKey?: unknown }): Promise<RecordedCheck>;
  /** The caller's own checks, newest first, with the versions a check is evaluated with now. */
  list(caller: Caller, query: unknown, lang: Lang): Promise<CheckList>;
  /** One of the caller's own checks (`{seq}`), with the case it judged; anyone else's is not found. */
  get(caller: Caller, params: unknown, lang: Lang): Promise<CheckDetail>;
  /** One of the caller's own checks judged again with the current rules and register, recorded as a new check. */
  reassess(caller: Caller, params: unknown, lang: Lang): Promise<RecordedCheck>;
}

/** No check of the caller's with that number: someone else's is not found either, so nothing tells it exists. */
export const checkNotFound = new AppError('not-found', 'check_not_found', {
  nl: 'Deze check staat niet bij jouw checks.',
  en: 'This check is not among your checks.',
});

/**
 * A case whose tool fits several register entries ("copilot") is not evaluated: the person is asked which one they
 * mean, as the front door asks (PrefilledCheck's candidates); a problem with the tool field, and nothing recorded.
 */
export function ambiguousTool(error: AmbiguousToolError, lang: Lang): AppError {
  const names = error.candidates.map((t) => toolName(t, lang));
  const list = `${names.slice(0, -1).join(', ')}${lang === 'nl' ? ' of ' : ' or '}${names.at(-1)!}`;
  return invalidInput([
    {
      field: 'tool',
      message:
        lang === 'nl'
          ? `'${error.given}' past bij meer tools in het register: ${list}. Kies welke je bedoelt.`
          : `'${error.given}' fits several tools in the register: ${list}. Choose the one you mean.`,
    },
  ]);
}

/** An Idempotency-Key sent before with another case: a problem with the key, and nothing recorded. */
function keyReused(lang: Lang): AppError {
  return invalidInput([
    {
      field: 'Idempotency-Key',
      message:
        lang === 'nl'
          ? 'Deze sleutel hoort bij een andere check die al is vastgelegd. Gebruik een nieuwe sleutel voor een nieuwe check.'
          : 'This key belongs to another check that is already recorded. Use a new key for a new check.',
    },
  ]);
}

/** Evaluates, turning a name that fits several entries into the question which one. */
function unambiguous<T>(lang: Lang, evaluate: () => T): T {
  try {
    return evaluate();
  } catch (error) {
    if (error instanceof AmbiguousToolError) throw ambiguousTool(error, lang);
    throw error;
  }
}

export function checkService(deps: {
  /** The rules and questions, and the YAML's register. */
  content: QuickcheckContent;
  /** Where the register comes from; the content's own register when not given. */
  register?: RegisterSource;
  records?: CheckRecordStore;
  contact: string;
  logger: Logger;
}): CheckService {
  const { content: loaded, register, records, contact, logger } = deps;
  const order = loaded.questions.questions.map((q) => q.field);
  // The case's schema, refusing text the record could not keep, with its messages in each language.
  const caseSchemas = { nl: recordableCaseSchema('nl'), en: recordableCaseSchema('en') };
  const keySchemas = { nl: checkRequestKeySchema('nl'), en: checkRequestKeySchema('en') };
  const needRecords = () => {
    if (!records) throw noDatabase;
    return records;
  };
  // One content object per register read, so that what is cached per register (its name index) is built once.
  let last: QuickcheckContent = loaded;
  const withRegister = (tools: ToolRegister): QuickcheckContent =>
    tools === last.register ? last : (last = { ...loaded, register: tools });
  const latest = () => (register ? withRegister(register.latest()) : loaded);
  const current = async () => (register ? withRegister(await register.current()) : loaded);
  const versionsNow = async (): Promise<CurrentVersions> => {
    const content = await current();
    return { rulesVersion: content.rulesVersion, registerVersion: content.register.version };
  };
  const ownRecord = async (caller: Caller, params: unknown, lang: Lang): Promise<CheckRecord> => {
    const parsed = parseInput(checkSeqSchema, params, lang);
    if (!parsed.ok) throw invalidInput(parsed.problems);
    const { seq } = parsed.data;
    // The caller's newest record at or below seq: it is theirs exactly when it has that number.
    const [row] = await needRecords().listFor(caller.pseudonym, { limit: 1, before: seq + 1 });
    if (!row || row.seq !== seq) throw checkNotFound;
    return row;
  };
  const service: CheckService = {
    get content() {
      return latest();
    },
    current,
    questions: (lang) => localisedQuestions(latest(), lang),
    prefill(tool, task) {
      const known: Partial<Record<CaseField, true>> = {};
      const prefilled: PrefilledCheck = { open: [] };
      if (tool?.kind === 'ambiguous')
        prefilled.tool = { candidates: tool.candidates.map(({ id, name }) => ({ id, name })) };
      else if (tool) {
        prefilled.tool =
          tool.kind === 'registered' ? { id: tool.tool.id, name: tool.tool.name } : { id: null, name: tool.name };
        known.tool = true;
      }
      if (task) {
        prefilled.task = task;
        known.task = true;
      }
      prefilled.open = order.filter((field) => !known[field]);
      return prefilled;
    },
    evaluate(input, lang) {
      const parsed = parseInput(caseSchemas[lang], input, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const content = latest();
      return unambiguous(lang, () =>
        publicVerdict(evaluateCase(content, content.register, parsed.data, { lang, contact })),
      );
    },
    async run(caller, input, lang, options = {}) {
      const parsed = parseInput(caseSchemas[lang], input, lang);
      const key = parseInput(keySchemas[lang], { 'Idempotency-Key': options.requestKey }, lang);
      if (!parsed.ok || !key.ok)
        throw invalidInput([...(parsed.ok ? [] : parsed.problems), ...(key.ok ? [] : key.problems)]);
      const requestKey = key.data['Idempotency-Key'];
      const content = await current();
      try {
        return await runCheck({
          ruleSet: content,
          register: content.register,
          records: needRecords(),
          who: caller.pseudonym,
          case: parsed.data,
          lang,
          contact,
          ...(requestKey === undefined ? {} : { requestKey }),
        });
      } catch (error) {
        if (error instanceof AmbiguousToolError) throw ambiguousTool(error, lang);
        if (error instanceof RequestKeyReusedError) throw keyReused(lang);
        if (error instanceof AppError) throw error;
        // The connection was lost around the commit and the database could not be asked afterwards: said as it is.
        if (error instanceof RecordOutcomeUnknownError) {
          logger.error({ err: errorForLog(error.cause ?? error) }, 'check outcome unknown');
          throw checkOutcomeUnknown;
        }
        // A verdict that was not recorded is not given: the person is told nothing was recorded and to try again.
        logger.error({ err: errorForLog(error) }, 'check not recorded');
        throw storeUnavailable;
      }
    },
    async list(caller, query, lang) {
      const parsed = parseInput(checkListQuerySchema, query, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const rows = await needRecords().listFor(caller.pseudonym, parsed.data);
      return {
        checks: rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          tool: r.result.tool,
          task: r.case.task,
          purpose: r.case.purpose,
          verdict: r.verdict,
          ruleIds: r.result.reasons.map((reason) => reason.ruleId),
          rulesVersion: r.rulesVersion,
          registerVersion: r.registerVersion,
        })),
        current: await versionsNow(),
      };
    },
    async get(caller, params, lang) {
      const row = await ownRecord(caller, params, lang);
      return {
        ...row.result,
        record: { seq: row.seq, at: row.at, hash: row.hash },
        case: row.case,
        current: await versionsNow(),
      };
    },
    async reassess(caller, params, lang) {
      const row = await ownRecord(caller, params, lang);
      // The case as recorded (its purpose already masked) goes the way of any new check: validated, evaluated, recorded.
      return service.run(caller, row.case, lang);
    },
  };
  return service;
}
