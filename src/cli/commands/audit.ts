import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { csvBom } from '../../csv.js';
import { createApplication } from '../../app/index.js';
import { createLogger } from '../../log.js';
import { recordsToCsv } from '../../quickcheck/export.js';
import { openStore } from '../../store/index.js';
import { parseFlags } from '../args.js';
import { UsageError, type Command } from '../command.js';

const verifySchema = z.object({ json: z.boolean().default(false) });
const exportSchema = z.object({ out: z.string().min(1).optional() });

const usage = 'Gebruik: ai-wijzer audit verify [--json] | ai-wijzer audit export [--out <bestand.csv>]';

export const auditCommand: Command = {
  name: 'audit',
  summary: { nl: 'controleer of exporteer de vastgelegde AI-checks', en: 'verify or export the recorded AI checks' },
  help: {
    nl: [
      'ai-wijzer audit verify [--json]',
      '  Controleert de hashketen van de vastgelegde AI-checks. Exitcode 0: de keten is heel; 1: het eerste gebroken',
      '  record wordt genoemd (gewijzigd, verwijderd of van volgorde veranderd).',
      'ai-wijzer audit export [--out <bestand.csv>]',
      '  Schrijft alle checks als CSV (puntkomma, UTF-8) voor de AI- en privacyfunctionarissen: pseudoniem, geen namen.',
      '  Zonder --out naar stdout.',
      'De database komt uit de configuratie: DATABASE_URL, anders DATA_DIR (standaard ./data).',
    ].join('\n'),
    en: [
      'ai-wijzer audit verify [--json]: checks the hash chain of the recorded checks; exit 1 names the first broken record.',
      'ai-wijzer audit export [--out <file.csv>]: writes every check as CSV (semicolons, UTF-8) for the AI/privacy officers; pseudonyms only.',
      'The database comes from the configuration: DATABASE_URL, else DATA_DIR (default ./data).',
    ].join('\n'),
  },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'verify' && sub !== 'export')
      throw new UsageError(`${sub ? `Onbekende audit-opdracht '${sub}'. ` : ''}${usage}`);
    const verifyFlags =
      sub === 'verify' ? parseFlags(rest, { json: { type: 'boolean' } }, verifySchema).flags : undefined;
    const exportFlags =
      sub === 'export' ? parseFlags(rest, { out: { type: 'string', short: 'o' } }, exportSchema).flags : undefined;
    const config = loadConfig(io.env);
    const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const { records } = createApplication({ config, store, logger: createLogger('silent') });
      if (verifyFlags) {
        const result = await records.verify();
        if (verifyFlags.json)
          io.stdout.write(
            `${JSON.stringify(result.ok ? { ok: true, count: result.count } : { ok: false, seq: result.seq, problem: result.problem, message: result.message.nl })}\n`,
          );
        else if (result.ok) io.stdout.write(`De keten is heel: ${result.count} records gecontroleerd.\n`);
        else io.stderr.write(`De keten is gebroken bij record ${result.seq}: ${result.message.nl}.\n`);
        return result.ok ? 0 : 1;
      }
      const out = exportFlags?.out ? createWriteStream(exportFlags.out) : io.stdout;
      let lines = 0;
      // A byte order mark lets Excel read the file as UTF-8 (diacritics); only in a file, not on a pipe.
      if (exportFlags?.out) out.write(csvBom);
      for await (const line of recordsToCsv(records.all())) {
        if (!out.write(line)) await once(out, 'drain');
        lines++;
      }
      if (exportFlags?.out) {
        await new Promise<void>((resolve, reject) =>
          (out as NodeJS.WritableStream).end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        io.stderr.write(`${lines - 1} checks geschreven naar ${exportFlags.out}.\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
