import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { AppError, createApplication, type Application } from '../../app/index.js';
import { parseInput } from '../../validation.js';
import { loadConfig } from '../../config.js';
import { langValues } from '../../lang.js';
import { createLogger } from '../../log.js';
import {
  checkCaseSchema,
  ContentError,
  formatVerdict,
  publicVerdict,
  taskValues,
  toolName,
  type CheckCase,
  type CheckVerdict,
} from '../../quickcheck/index.js';
import { interview, InterviewAborted } from '../../quickcheck/interview.js';
import { registeredToolsIn } from '../../quickcheck/tool-names.js';
import { pseudonymFor } from '../../pseudonym.js';
import type { Store } from '../../store/index.js';
import { parseFlags } from '../args.js';
import { UsageError, type CliIO, type Command } from '../command.js';

const flagsSchema = z.object({
  case: z.string().min(1).optional(),
  register: z.string().min(1).optional(),
  tool: z.string().trim().min(1).max(200).optional(),
  task: z.enum(taskValues, { message: `moet een van ${taskValues.join(', ')} zijn` }).optional(),
  json: z.boolean().default(false),
  lang: z.enum(langValues).default('nl'),
  'dry-run': z.boolean().default(false),
});

function readCase(file: string): CheckCase {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `--case: het bestand ${file} bestaat niet.`
        : `--case: ${file} is geen geldige JSON (${(error as Error).message}).`,
    );
  }
  const parsed = parseInput(checkCaseSchema, raw, 'nl');
  if (!parsed.ok) {
    throw new UsageError(
      `--case: ${file} is geen geldig dossier:\n${parsed.problems.map((p) => `  - veld ${p.field}: ${p.message}`).join('\n')}\nEr is niets vastgelegd.`,
    );
  }
  return parsed.data;
}

function lineReader(io: CliIO) {
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    read: async () => {
      const next = await lines.next();
      return next.done ? null : next.value;
    },
    close: () => rl.close(),
  };
}

export const checkCommand: Command = {
  name: 'check',
  help: {
    nl: [
      'ai-wijzer check [--case <dossier.json> | --tool <tool> --task <taak>] [--register <tools.yaml>] [--json] [--lang nl|en] [--dry-run]',
      '',
      'Geeft een oordeel (nee / eerst overleggen / ja, onder voorwaarden / ja) met de redenen, voorwaarden, advies en bronnen.',
      'Zonder --case stelt de opdracht de vragen hier in de terminal: met "weet ik niet" bij elke vraag, en 0 voor de',
      'vorige vraag (je antwoorden blijven staan). Het oordeel noemt de tool uit het register en waaraan hij herkend is.',
      'Elke check wordt vastgelegd in de database (DATABASE_URL of DATA_DIR), onder een pseudoniem; --dry-run legt niets vast.',
      '  --case       dossier als JSON: tool, purpose, task, prohibitedPractice, personalData, confidentialData,',
      '               decisionAboutPerson, humanReview, audience, syntheticMedia, phase, trainingDone',
      '  --tool       de tool (id, naam of alias uit het register, of een naam die het register niet kent): die vraag is ingevuld',
      `  --task       de taak (${taskValues.join(', ')}): die vraag is ingevuld`,
      '               (ai-wijzer ask "Mag ik ChatGPT gebruiken om ...?" noemt deze opdracht met wat de zin al zei)',
      '  --register   een ander toolregister dan het meegeleverde voorbeeld',
      '  --json       precies één JSON-object op stdout',
      'Voorbeeld: ai-wijzer check --case dossier.json --json',
    ].join('\n'),
    en: [
      'ai-wijzer check [--case <case.json> | --tool <tool> --task <task>] [--register <tools.yaml>] [--json] [--lang nl|en] [--dry-run]',
      '',
      'Gives a verdict (no / consult first / yes, under conditions / yes) with reasons, conditions, advice and sources.',
      'Without --case it asks the questions here in the terminal, all in English with --lang en: with "don\'t know" on',
      'every question, and 0 for the previous question (your answers are kept). The verdict names the register entry and',
      'what it was recognised by.',
      'Every check is recorded in the database (DATABASE_URL or DATA_DIR) under a pseudonym; --dry-run records nothing.',
      '--tool and --task fill in those questions (ai-wijzer ask "May I use ChatGPT to ...?" prints this command with them).',
      'Example: ai-wijzer check --case case.json --json',
    ].join('\n'),
  },
  async run(args, io) {
    const { flags } = parseFlags(
      args,
      {
        case: { type: 'string', short: 'c' },
        register: { type: 'string' },
        tool: { type: 'string' },
        task: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
      flagsSchema,
    );
    if (flags.case && (flags.tool || flags.task))
      throw new UsageError('--tool en --task vullen de vragen hier in; met --case staan ze al in het dossier.');
    const config = loadConfig(io.env);
    // The database only when the check is recorded; the app reads the register of --register instead of the configured one.
    let store: Store | undefined;
    if (!flags['dry-run']) {
      const { openStore } = await import('../../store/index.js');
      store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    }
    try {
      const app = build(config, store, flags.register);
      const checkCase = flags.case ? readCase(flags.case) : await ask(app, io, flags);
      let verdict: CheckVerdict & { record?: { seq: number; at: string; hash: string } };
      try {
        verdict = store
          ? await app.checks.run(
              { pseudonym: pseudonymFor(config.PSEUDONYM_SECRET, `cli:${userInfo().username}`) },
              checkCase,
              flags.lang,
            )
          : app.checks.evaluate(checkCase, flags.lang);
      } catch (error) {
        if (error instanceof AppError && error.kind === 'invalid')
          throw new UsageError(
            (error.problems ?? [])
              .map((p) => `${flags.lang === 'nl' ? 'veld' : 'field'} ${p.field}: ${p.message}`)
              .join('\n'),
          );
        throw error;
      }
      // --json: exactly the verdict object of the issue (the record number is in the database, not in this contract).
      if (flags.json) io.stdout.write(`${JSON.stringify(publicVerdict(verdict))}\n`);
      else {
        io.stdout.write(`\n${formatVerdict(verdict, flags.lang)}`);
        if (verdict.record)
          io.stdout.write(
            `${flags.lang === 'nl' ? 'Vastgelegd als record' : 'Recorded as record'} ${verdict.record.seq}.\n`,
          );
      }
      return 0;
    } finally {
      await store?.close();
    }
  },
};

function build(
  config: ReturnType<typeof loadConfig>,
  store: Store | undefined,
  register: string | undefined,
): Application {
  try {
    return createApplication({
      config: { ...config, TOOL_REGISTER_PATH: register ?? config.TOOL_REGISTER_PATH },
      ...(store ? { store } : {}),
      // --register: the check uses that file, not the register the admins keep in the database.
      ...(register ? { registerFrom: 'file' as const } : {}),
      logger: createLogger('silent'),
    });
  } catch (error) {
    if (error instanceof ContentError)
      throw new UsageError(`${register ? '--register: ' : ''}${error.message}\nEr is niets vastgelegd.`);
    throw error;
  }
}

/** The interactive check, with what --tool and --task already say filled in. */
async function ask(app: Application, io: CliIO, flags: z.output<typeof flagsSchema>): Promise<CheckCase> {
  const content = await app.checks.current();
  const prefilled: Partial<CheckCase> = {};
  if (flags.tool) {
    const mention = registeredToolsIn(flags.tool, content.register);
    if (mention?.kind === 'ambiguous') {
      // "id: name", not "id (name)": a name may hold parentheses of its own ("ChatGPT (gratis)").
      const choices = mention.candidates.map((t) => `${t.id}: ${toolName(t, flags.lang)}`).join('; ');
      throw new UsageError(
        flags.lang === 'nl'
          ? `--tool: '${flags.tool}' past bij ${mention.candidates.length} tools in het register; kies er een: ${choices}.`
          : `--tool: '${flags.tool}' fits ${mention.candidates.length} tools in the register; choose one: ${choices}.`,
      );
    }
    prefilled.tool = mention?.kind === 'registered' ? mention.tool.id : flags.tool;
  }
  if (flags.task) prefilled.task = flags.task;
  const reader = lineReader(io);
  const out = flags.json ? io.stderr : io.stdout;
  try {
    return await interview(content, reader.read, (text) => out.write(text), flags.lang, prefilled);
  } catch (error) {
    if (error instanceof InterviewAborted) throw new UsageError(error.message);
    throw error;
  } finally {
    reader.close();
  }
}
