import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { parseInput } from '../../validation.js';
import { loadConfig } from '../../config.js';
import {
  checkCaseSchema,
  ContentError,
  evaluateCase,
  formatVerdict,
  loadQuickcheckContent,
  publicVerdict,
  runCheck,
  type CheckCase,
  type CheckVerdict,
} from '../../quickcheck/index.js';
import { interview, InterviewAborted } from '../../quickcheck/interview.js';
import { pseudonymFor } from '../../pseudonym.js';
import { openStore } from '../../store/index.js';
import { quickcheckRecordStore } from '../../store/repositories/quickcheck.js';
import { parseFlags } from '../args.js';
import { UsageError, type CliIO, type Command } from '../command.js';
import { langValues } from '../../lang.js';

const flagsSchema = z.object({
  case: z.string().min(1).optional(),
  register: z.string().min(1).optional(),
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
  summary: {
    nl: 'AI-check: mag ik deze AI-tool hiervoor gebruiken?',
    en: 'AI check: may I use this AI tool for this?',
  },
  help: {
    nl: [
      'ai-wijzer check [--case <dossier.json>] [--register <tools.yaml>] [--json] [--lang nl|en] [--dry-run]',
      '',
      'Geeft een oordeel (nee / eerst overleggen / ja, onder voorwaarden / ja) met de redenen, voorwaarden, advies en bronnen.',
      'Zonder --case stelt de opdracht de vragen hier in de terminal (met "weet ik niet" bij elke vraag).',
      'Elke check wordt vastgelegd in de database (DATABASE_URL of DATA_DIR), onder een pseudoniem; --dry-run legt niets vast.',
      '  --case       dossier als JSON: tool, purpose, task, prohibitedPractice, personalData, confidentialData,',
      '               decisionAboutPerson, humanReview, audience, syntheticMedia, phase, trainingDone',
      '  --register   een ander toolregister dan het meegeleverde voorbeeld',
      '  --json       precies één JSON-object op stdout',
      'Voorbeeld: ai-wijzer check --case dossier.json --json',
    ].join('\n'),
    en: [
      'ai-wijzer check [--case <case.json>] [--register <tools.yaml>] [--json] [--lang nl|en] [--dry-run]',
      '',
      'Gives a verdict (no / consult first / yes, under conditions / yes) with reasons, conditions, advice and sources.',
      'Without --case it asks the questions here in the terminal (with "I do not know" on every question).',
      'Every check is recorded in the database (DATABASE_URL or DATA_DIR) under a pseudonym; --dry-run records nothing.',
      'Example: ai-wijzer check --case case.json --json',
    ].join('\n'),
  },
  async run(args, io) {
    const { flags } = parseFlags(
      args,
      {
        case: { type: 'string', short: 'c' },
        register: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
      flagsSchema,
    );
    let content;
    try {
      content = loadQuickcheckContent({ register: flags.register ?? io.env.TOOL_REGISTER_PATH });
    } catch (error) {
      if (error instanceof ContentError)
        throw new UsageError(`${flags.register ? '--register: ' : ''}${error.message}\nEr is niets vastgelegd.`);
      throw error;
    }
    let checkCase: CheckCase;
    if (flags.case) checkCase = readCase(flags.case);
    else {
      const reader = lineReader(io);
      const out = flags.json ? io.stderr : io.stdout;
      try {
        checkCase = await interview(content, reader.read, (text) => out.write(text), flags.lang);
      } catch (error) {
        if (error instanceof InterviewAborted) throw new UsageError(error.message);
        throw error;
      } finally {
        reader.close();
      }
      const parsed = parseInput(checkCaseSchema, checkCase, 'nl');
      if (!parsed.ok) throw new UsageError(parsed.problems.map((p) => `veld ${p.field}: ${p.message}`).join('\n'));
      checkCase = parsed.data;
    }

    let verdict: CheckVerdict & { record?: { seq: number; at: string; hash: string } };
    if (flags['dry-run'])
      verdict = publicVerdict(evaluateCase(content, content.register, checkCase, { lang: flags.lang }));
    else {
      const config = loadConfig(io.env);
      const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
      try {
        verdict = await runCheck({
          ruleSet: content,
          register: content.register,
          records: quickcheckRecordStore(store),
          who: pseudonymFor(config.PSEUDONYM_SECRET, `cli:${userInfo().username}`),
          case: checkCase,
          lang: flags.lang,
          contact: config.PRIVACY_CONTACT,
        });
      } finally {
        await store.close();
      }
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
  },
};
