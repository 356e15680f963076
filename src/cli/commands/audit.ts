import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
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

const verifySchema = z.object({ json: z.boolean().default(false), head: z.string().min(1).optional() });
const exportSchema = z.object({ out: z.string().min(1).optional() });

const usage =
  'Gebruik: ai-wijzer audit verify [--json] [--head <kop.json>] | ai-wijzer audit head [--out <kop.json>] | ai-wijzer audit export [--out <bestand.csv>]';

export const auditCommand: Command = {
  name: 'audit',
  help: {
    nl: [
      'ai-wijzer audit verify [--json] [--head <kop.json>]',
      '  Controleert de keten van de vastgelegde AI-checks met AUDIT_KEY (HMAC-SHA256; records van voor de sleutel',
      '  met SHA-256). Exitcode 0: de keten is heel; 1: het eerste gebroken record wordt genoemd (gewijzigd, verwijderd',
      '  of van volgorde veranderd), of AUDIT_KEY is een andere sleutel. Met --head ook: de keten bevat nog de kop',
      '  die eerder met audit head is bewaard (zelfde record, zelfde hash), dus niets ervoor is herschreven of ingekort.',
      'ai-wijzer audit head [--out <kop.json>]',
      '  Controleert de keten en schrijft dan de kop (nummer, hash, tijd) ondertekend met AUDIT_KEY, als JSON.',
      '  Bewaar die buiten de database, bijvoorbeeld elke dag. Zonder --out naar stdout.',
      'ai-wijzer audit export [--out <bestand.csv>]',
      '  Schrijft alle checks als CSV (puntkomma, UTF-8) voor de AI- en privacyfunctionarissen: pseudoniem, geen namen.',
      '  Zonder --out naar stdout.',
      'De database komt uit de configuratie: DATABASE_URL, anders DATA_DIR (standaard ./data).',
    ].join('\n'),
    en: [
      'ai-wijzer audit verify [--json] [--head <head.json>]: checks the chain of the recorded checks under AUDIT_KEY; exit 1 names the first broken record, or another key. With --head the chain must still hold that exported head.',
      'ai-wijzer audit head [--out <head.json>]: verifies the chain, then writes its head (seq, hash, time) signed with AUDIT_KEY; keep it outside the database.',
      'ai-wijzer audit export [--out <file.csv>]: writes every check as CSV (semicolons, UTF-8) for the AI/privacy officers; pseudonyms only.',
      'The database comes from the configuration: DATABASE_URL, else DATA_DIR (default ./data).',
    ].join('\n'),
  },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'verify' && sub !== 'export' && sub !== 'head')
      throw new UsageError(`${sub ? `Onbekende audit-opdracht '${sub}'. ` : ''}${usage}`);
    const verifyFlags =
      sub === 'verify'
        ? parseFlags(rest, { json: { type: 'boolean' }, head: { type: 'string' } }, verifySchema).flags
        : undefined;
    const exportFlags =
      sub !== 'verify' ? parseFlags(rest, { out: { type: 'string', short: 'o' } }, exportSchema).flags : undefined;
    // The head file is read before the database is opened: a wrong path is a usage error, nothing else happens.
    let headText: string | undefined;
    if (verifyFlags?.head) {
      try {
        headText = readFileSync(verifyFlags.head, 'utf8');
      } catch (error) {
        throw new UsageError(
          `--head: ${verifyFlags.head} is niet te lezen (${(error as NodeJS.ErrnoException).code ?? 'fout'}).`,
        );
      }
    }
    const config = loadConfig(io.env);
    const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const { records } = createApplication({ config, store, logger: createLogger('silent') });
      if (verifyFlags) {
        const reading = headText === undefined ? undefined : records.readHead(headText);
        if (reading && !reading.ok) {
          if (reading.problem === 'invalid') throw new UsageError(`--head: ${reading.message.nl}.`);
          if (verifyFlags.json)
            io.stdout.write(
              `${JSON.stringify({ ok: false, problem: reading.problem, message: reading.message.nl })}\n`,
            );
          else io.stderr.write(`De kop in ${verifyFlags.head} is niet te vertrouwen: ${reading.message.nl}.\n`);
          return 1;
        }
        const head = reading?.ok ? reading.head : undefined;
        const result = await records.verify(head ? { head } : {});
        if (verifyFlags.json)
          io.stdout.write(
            `${JSON.stringify(result.ok ? { ok: true, count: result.count, unkeyed: result.unkeyed, ...(head ? { head: { seq: head.seq, exportedAt: head.exportedAt } } : {}) } : { ok: false, seq: result.seq, problem: result.problem, message: result.message.nl })}\n`,
          );
        else if (result.ok)
          io.stdout.write(
            `De keten is heel: ${result.count} records gecontroleerd` +
              (result.unkeyed > 0 ? ` (de eerste ${result.unkeyed} van voor AUDIT_KEY, met SHA-256)` : '') +
              (head ? `; de ondertekende kop van ${head.exportedAt} (record ${head.seq}) staat er nog in` : '') +
              '.\n',
          );
        else if (result.seq > 0)
          io.stderr.write(`De keten is gebroken bij record ${result.seq}: ${result.message.nl}.\n`);
        else io.stderr.write(`De keten is niet te controleren: ${result.message.nl}.\n`);
        return result.ok ? 0 : 1;
      }
      if (sub === 'head') {
        const signed = await records.signedHead();
        if (!signed.ok) {
          const { check } = signed;
          io.stderr.write(
            `De kop is niet ondertekend: de keten is niet heel${!check.ok && check.seq > 0 ? ` (record ${check.seq})` : ''}: ${check.ok ? '' : check.message.nl}.\n`,
          );
          return 1;
        }
        const text = `${JSON.stringify(signed.head, null, 2)}\n`;
        if (exportFlags?.out) {
          writeFileSync(exportFlags.out, text);
          io.stderr.write(
            `Kop van de keten (record ${signed.head.seq}) ondertekend en geschreven naar ${exportFlags.out}; bewaar die buiten de database.\n`,
          );
        } else io.stdout.write(text);
        return 0;
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
