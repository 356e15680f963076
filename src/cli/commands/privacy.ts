import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError, createApplication, type Application } from '../../app/index.js';
import { loadConfig } from '../../config.js';
import { langValues, type Lang } from '../../lang.js';
import { createLogger } from '../../log.js';
import { openStore } from '../../store/index.js';
import { parseFlags } from '../args.js';
import { UsageError, type CliIO, type Command } from '../command.js';
import { cleanupText, countsText } from '../privacy-texts.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lang = z.enum(langValues, { message: 'moet nl of en zijn' }).default('nl');
const person = {
  user: z.string({ message: 'is verplicht (wie het verzoek betreft)' }).trim().min(1, 'is verplicht').max(200),
  tenant: z.string().regex(guid, 'moet een GUID zijn (de tenant-id)').optional(),
  lang,
};
const schemas = {
  export: z.object({ ...person, out: z.string().min(1).optional() }),
  delete: z.object({ ...person, yes: z.boolean().default(false), json: z.boolean().default(false) }),
  cleanup: z.object({ json: z.boolean().default(false), lang }),
};
const options = {
  user: { type: 'string' },
  tenant: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string', short: 'o' },
  yes: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;
const allowed = {
  export: ['user', 'tenant', 'lang', 'out'],
  delete: ['user', 'tenant', 'lang', 'yes', 'json'],
  cleanup: ['json', 'lang'],
};

const usage =
  'Gebruik: ai-wijzer privacy export --user <id> [--out <bestand.json>] | ai-wijzer privacy delete --user <id> [--yes] | ai-wijzer privacy cleanup [--json]';

/** Runs `work` on the application over the configured database, closed afterwards. */
async function withApp<T>(io: CliIO, work: (app: Application) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    return await work(createApplication({ config, store, logger: createLogger('silent') }));
  } finally {
    await store.close();
  }
}

/** An id the app cannot map to a person is a usage error, in the chosen language. */
async function asUsage<T>(language: Lang, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid')
      throw new UsageError(
        `--user: ${error.messages[language]}. ${language === 'en' ? 'Nothing was changed.' : 'Er is niets gewijzigd.'}`,
      );
    throw error;
  }
}

export const privacyCommand: Command = {
  name: 'privacy',
  help: {
    nl: [
      'ai-wijzer privacy export --user <id> [--tenant <tenant-id>] [--out <bestand.json>] [--lang nl|en]',
      '  Schrijft als JSON alles wat AI-wijzer onder het pseudoniem van die persoon bewaart: checks, scantaken,',
      '  scanrapporten, de stand van de bot, de deltastand van gescande drives, wijzigingen in het toolregister.',
      'ai-wijzer privacy delete --user <id> [--tenant <tenant-id>] --yes [--json]',
      '  Wist dat: de checks worden een grafsteen in de auditketen (de keten blijft heel, audit verify blijft slagen),',
      '  de rest wordt verwijderd; een scan van de bestanden van een team blijft voor het team, zonder pseudoniem.',
      '  Zonder --yes zegt het wat het zou wissen, wist niets en stopt met exitcode 2.',
      'ai-wijzer privacy cleanup [--json]',
      '  Schoont eenmaal op volgens RETENTION_*_DAYS (de server doet dat elke RETENTION_CLEANUP_MINUTES).',
      '<id> is een Entra object-id (met --tenant of AAD_APP_TENANT_ID), <tenant>:<object-id>, dev:<naam>,',
      'cli:<gebruiker>, bot:<id>, of een ontwikkelnaam (X-Dev-User).',
    ].join('\n'),
    en: [
      "ai-wijzer privacy export --user <id> [--tenant <tenant id>] [--out <file.json>]: writes as JSON everything kept under that person's pseudonym.",
      'ai-wijzer privacy delete --user <id> --yes: erases it; checks become tombstones in the audit chain, which stays whole. Without --yes it says what it would erase and exits 2.',
      'ai-wijzer privacy cleanup [--json]: one clean-up by RETENTION_*_DAYS (the server runs one every RETENTION_CLEANUP_MINUTES).',
      '<id>: an Entra object id (with --tenant or AAD_APP_TENANT_ID), <tenant>:<object id>, dev:<name>, cli:<user>, bot:<id>, or a development name.',
    ].join('\n'),
  },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'export' && sub !== 'delete' && sub !== 'cleanup')
      throw new UsageError(`${sub ? `Onbekende privacy-opdracht '${sub}'. ` : ''}${usage}`);
    const subOptions = Object.fromEntries(allowed[sub].map((k) => [k, options[k as keyof typeof options]]));
    if (sub === 'cleanup') {
      const { flags } = parseFlags(rest, subOptions, schemas.cleanup);
      const result = await withApp(io, (app) => app.privacy.cleanup());
      io.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : cleanupText(result, flags.lang));
      return result.checksSkipped > 0 ? 1 : 0;
    }
    if (sub === 'export') {
      const { flags } = parseFlags(rest, subOptions, schemas.export);
      const data = await asUsage(flags.lang, () => withApp(io, (app) => app.privacy.exportFor(flags)));
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (!flags.out) {
        io.stdout.write(text);
        return 0;
      }
      // Personal data: readable by the one who exported it only.
      writeFileSync(flags.out, text, { mode: 0o600 });
      io.stderr.write(
        flags.lang === 'en'
          ? `Everything kept under pseudonym ${data.pseudonym} written to ${flags.out} (${data.checks.length} checks).\n`
          : `Alles wat onder pseudoniem ${data.pseudonym} bewaard is, geschreven naar ${flags.out} (${data.checks.length} checks).\n`,
      );
      return 0;
    }
    const { flags } = parseFlags(rest, subOptions, schemas.delete);
    const en = flags.lang === 'en';
    return asUsage(flags.lang, () =>
      withApp(io, async (app) => {
        if (!flags.yes) {
          const plan = await app.privacy.planDelete(flags);
          io.stdout.write(
            flags.json
              ? `${JSON.stringify({ deleted: false, ...plan })}\n`
              : `${en ? 'Would erase' : 'Zou wissen'} (${plan.pseudonym}): ${countsText(plan.counts, flags.lang)}\n`,
          );
          io.stderr.write(
            en
              ? 'Nothing was erased: add --yes to erase it.\n'
              : 'Er is niets gewist: voeg --yes toe om dit te wissen.\n',
          );
          return 2;
        }
        const done = await app.privacy.deleteFor(flags);
        const chain = await app.records.verify();
        io.stdout.write(
          flags.json
            ? `${JSON.stringify({ deleted: true, ...done, chainWhole: chain.ok })}\n`
            : `${en ? 'Erased' : 'Gewist'} (${done.pseudonym}): ${countsText(done.counts, flags.lang)}\n` +
                (chain.ok
                  ? en
                    ? `The audit chain is whole (${chain.count} records).\n`
                    : `De auditketen is heel (${chain.count} records).\n`
                  : ''),
        );
        if (!chain.ok)
          io.stderr.write(
            `${en ? 'The audit chain is broken' : 'De auditketen is gebroken'}: ${chain.message[flags.lang]}.\n`,
          );
        return chain.ok ? 0 : 1;
      }),
    );
  },
};
