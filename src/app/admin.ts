import {
  figuresQuerySchema,
  historyQuerySchema,
  putToolRequestSchema,
  toolIdSchema,
  type AuditVerify,
  type Figures,
  type RegisterState,
  type ToolChangeResponse,
  type ToolEntry,
  type ToolHistory,
  type ToolList,
  type Versions,
} from '../api/admin.js';
import { csvBom } from '../csv.js';
import type { Lang } from '../lang.js';
import {
  canonicalJson,
  recordsToCsv,
  registerSchemaIn,
  verdictValues,
  type QuickcheckContent,
  type RegisteredTool,
  type ToolRegister,
} from '../quickcheck/index.js';
import type { FigureCounts } from '../store/repositories/figures.js';
import type { KeptRegister, ToolRegisterRepository } from '../store/repositories/tool-register.js';
import { parseInput, type FieldProblem } from '../validation.js';
import type { VisionIndex } from '../vision/index.js';
import { hasRole, type Caller } from './caller.js';
import { AppError, invalidInput, noDatabase, notAdmin } from './errors.js';
import type { RecordsService } from './records.js';
import { registerFromKept, type RegisterSource } from './tool-register.js';

/**
 * Beheer, for admins only: the tool register kept in the database (each change logged with who and when), the
 * versions of the content, figures without names, and the audit record. Every method checks the caller's admin
 * role first: a staff member gets `forbidden` and nothing is read or changed.
 */
export interface AdminService {
  tools: {
    list(caller: Caller): Promise<ToolList>;
    /** Adds or changes one entry, validated with the register's own schema against the whole register; logged. */
    put(caller: Caller, id: string, entry: unknown, lang: Lang): Promise<ToolChangeResponse>;
    /** Removes one entry; logged. */
    remove(caller: Caller, id: string, lang: Lang): Promise<ToolChangeResponse>;
    /** The changes, newest first, with who (a pseudonym) and when, and where the register started. */
    history(caller: Caller, query: unknown, lang: Lang): Promise<ToolHistory>;
  };
  versions(caller: Caller): Promise<Versions>;
  /** Counts per verdict and tool, unanswered questions, feedback per section: no names, no pseudonyms. */
  figures(caller: Caller, query: unknown, lang: Lang): Promise<Figures>;
  audit: {
    verify(caller: Caller, lang: Lang): Promise<AuditVerify>;
    /** The recorded checks as a CSV file (byte order mark, semicolons, CRLF), streamed; the role is checked at once. */
    exportCsv(caller: Caller): AsyncIterable<string>;
  };
}

export interface AdminDeps {
  /** The rules and questions (their versions). */
  content: QuickcheckContent;
  /** The YAML's register: the starting content of the database's. */
  file: ToolRegister;
  register: RegisterSource;
  repository?: ToolRegisterRepository;
  records: RecordsService;
  figures?: (since?: string) => Promise<FigureCounts>;
  vision: VisionIndex;
  appVersion: string;
}

const texts = {
  nl: {
    idMismatch: (id: string) => `moet gelijk zijn aan de id in het adres ('${id}'), of weggelaten worden`,
    lastTool: 'het register houdt minstens één tool; voeg eerst een andere toe',
    notFound: (id: string) => `Tool '${id}' staat niet in het register. Er is niets gewijzigd.`,
  },
  en: {
    idMismatch: (id: string) => `must be the id in the address ('${id}'), or be left out`,
    lastTool: 'the register keeps at least one tool; add another one first',
    notFound: (id: string) => `Tool '${id}' is not in the register. Nothing was changed.`,
  },
} as const;

function requireAdmin(caller: Caller): void {
  if (!hasRole(caller, 'admin')) throw notAdmin;
}

function stateOf(kept: KeptRegister, register: ToolRegister): RegisterState {
  return {
    version: register.version,
    source: 'database',
    startVersion: kept.startVersion,
    revision: kept.revision,
    example: kept.example,
    seededAt: kept.seededAt,
    changedAt: kept.changedAt,
  };
}

/**
 * Validates the register with `tool` in it, placed last so that every problem between entries (a name another
 * tool has) is reported on it; the problems name the entry's own fields (`aliases`, `maxData`).
 */
function validateWith(current: ToolRegister, tool: RegisteredTool, lang: Lang): RegisteredTool {
  const tools = [...current.tools.filter((t) => t.id !== tool.id), tool];
  const parsed = parseInput(registerSchemaIn(lang), { ...current, tools }, lang);
  if (parsed.ok) return parsed.data.tools.at(-1)!;
  const own = `tools.${tools.length - 1}`;
  throw invalidInput(
    parsed.problems.map((p): FieldProblem => ({
      field: p.field === own ? '(invoer)' : p.field.startsWith(`${own}.`) ? p.field.slice(own.length + 1) : p.field,
      message: p.message,
    })),
  );
}

export function adminService(deps: AdminDeps): AdminService {
  const { content, file, register: source, repository, records, vision } = deps;
  const seed = () => file;
  const needRepository = () => {
    if (!repository) throw noDatabase;
    return repository;
  };
  const toolNotFound = (id: string) =>
    new AppError('not-found', 'tool_not_found', { nl: texts.nl.notFound(id), en: texts.en.notFound(id) });
  const validId = (id: string, lang: Lang) => {
    const parsed = parseInput(toolIdSchema(lang), { id }, lang);
    if (!parsed.ok) throw invalidInput(parsed.problems);
    return parsed.data.id;
  };
  const answer = (action: ToolChangeResponse['action'], id: string, kept: KeptRegister, tool?: ToolEntry) => {
    const register = source.changed(kept);
    return { action, id, ...(tool ? { tool } : {}), register: stateOf(kept, register) };
  };

  return {
    tools: {
      async list(caller) {
        requireAdmin(caller);
        const { kept, register } = await source.kept();
        return { register: stateOf(kept, register), tools: register.tools };
      },
      async put(caller, id, entry, lang) {
        requireAdmin(caller);
        const toolId = validId(id, lang);
        const body = parseInput(putToolRequestSchema(lang), entry, lang);
        if (!body.ok) throw invalidInput(body.problems);
        if (body.data.id !== undefined && body.data.id !== toolId)
          throw invalidInput([{ field: 'id', message: texts[lang].idMismatch(toolId) }]);
        const tool: RegisteredTool = { ...body.data, id: toolId };
        let action: 'added' | 'changed' | 'unchanged' = 'unchanged';
        let stored: RegisteredTool | undefined;
        // Decided under the lock on the register's head, against the register as it is at that moment.
        const { kept } = await needRepository().change(seed, caller.pseudonym, (kept) => {
          const current = registerFromKept(kept);
          const existing = current.tools.find((t) => t.id === toolId);
          stored = validateWith(current, tool, lang);
          if (existing && canonicalJson(existing) === canonicalJson(stored)) {
            action = 'unchanged';
            return null;
          }
          action = existing ? 'changed' : 'added';
          return { action, entry: stored };
        });
        return answer(action, toolId, kept, stored);
      },
      async remove(caller, id, lang) {
        requireAdmin(caller);
        const toolId = validId(id, lang);
        const { kept } = await needRepository().change(seed, caller.pseudonym, (kept) => {
          const current = registerFromKept(kept);
          if (!current.tools.some((t) => t.id === toolId)) throw toolNotFound(toolId);
          if (current.tools.length === 1) throw invalidInput([{ field: 'id', message: texts[lang].lastTool }]);
          return { action: 'removed', id: toolId };
        });
        return answer('removed', toolId, kept);
      },
      async history(caller, query, lang) {
        requireAdmin(caller);
        const parsed = parseInput(historyQuerySchema, query, lang);
        if (!parsed.ok) throw invalidInput(parsed.problems);
        const repo = needRepository();
        const { kept } = await source.kept();
        const changes = await repo.history(parsed.data);
        return {
          start: { version: kept.startVersion, at: kept.seededAt },
          changes: changes.map((c) => ({
            ...c,
            byYou: c.who === caller.pseudonym,
            before: c.before as ToolEntry | null,
            after: c.after as ToolEntry | null,
          })),
        };
      },
    },
    async versions(caller) {
      requireAdmin(caller);
      const { kept, register } = await source.kept();
      return {
        rules: {
          version: content.rulesVersion,
          legalDatesVersion: content.legalDates.version,
          legalDatesAsOf: content.legalDates.asOf,
        },
        questions: { version: content.questions.version },
        register: stateOf(kept, register),
        vision: { version: vision.version, date: vision.date },
        app: { version: deps.appVersion },
      };
    },
    async figures(caller, query, lang) {
      requireAdmin(caller);
      const parsed = parseInput(figuresQuerySchema(lang), query, lang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      if (!deps.figures) throw noDatabase;
      const since = parsed.data.since;
      return figuresFrom(await deps.figures(since ? `${since}T00:00:00Z` : undefined), since ?? null, vision, lang);
    },
    audit: {
      async verify(caller, lang) {
        requireAdmin(caller);
        const result = await records.verify();
        return result.ok
          ? { ok: true, count: result.count, lastHash: result.lastHash }
          : { ok: false, count: result.count, seq: result.seq, problem: result.problem, message: result.message[lang] };
      },
      exportCsv(caller) {
        requireAdmin(caller);
        return (async function* () {
          // A byte order mark, so that Excel reads the file as UTF-8 (diacritics in tool names and purposes).
          yield csvBom;
          yield* recordsToCsv(records.all());
        })();
      },
    },
  };
}

/** The counts as the admins read them: every verdict and language present (0 when none), headings in `lang`. */
function figuresFrom(counts: FigureCounts, since: string | null, vision: VisionIndex, lang: Lang): Figures {
  const perVerdict = Object.fromEntries(verdictValues.map((v) => [v, 0])) as Figures['checks']['perVerdict'];
  for (const row of counts.checksPerVerdict)
    if (row.verdict in perVerdict) perVerdict[row.verdict as keyof typeof perVerdict] += row.count;
  const perLanguage = { nl: 0, en: 0, unknown: 0 };
  const perOutcome = { suggest: 0, abstain: 0, unknown: 0 };
  for (const row of counts.unanswered) {
    perLanguage[row.language === 'nl' || row.language === 'en' ? row.language : 'unknown'] += row.count;
    perOutcome[row.outcome === 'suggest' || row.outcome === 'abstain' ? row.outcome : 'unknown'] += row.count;
  }
  const headings = new Map(vision.languages[lang].document.sections.map((s) => [s.id, s.heading]));
  const sections = new Map<string | null, Figures['feedback'][number]>();
  for (const row of counts.feedback) {
    if (row.helpful === null) continue;
    const entry = sections.get(row.sectionId) ?? {
      sectionId: row.sectionId,
      heading: row.sectionId ? (headings.get(row.sectionId) ?? null) : null,
      helpful: 0,
      notHelpful: 0,
    };
    if (row.helpful) entry.helpful += row.count;
    else entry.notHelpful += row.count;
    sections.set(row.sectionId, entry);
  }
  return {
    since,
    checks: {
      total: counts.checksPerVerdict.reduce((n, r) => n + r.count, 0),
      perVerdict,
      perTool: counts.checksPerTool,
    },
    unanswered: { total: counts.unanswered.reduce((n, r) => n + r.count, 0), perLanguage, perOutcome },
    feedback: [...sections.values()],
  };
}
