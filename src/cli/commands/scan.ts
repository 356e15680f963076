import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { openLocalScan, type LocalScanTarget, type OpenedScan } from '../../app/local-scans.js';
import type { ScanUpload, ScanUploadResponse } from '../../api/scans.js';
import { loadConfig } from '../../config.js';
import { writeJsonReport } from '../../housekeeping/output/json.js';
import { formatSummary } from '../../housekeeping/output/text.js';
import { isUnread, type ScanReport, type ScanResult } from '../../housekeeping/report.js';
import { parseFlags } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { UsageError } from '../command.js';
import { barProgress, lineProgress } from '../scan-progress.js';
import { langValues, type Lang } from '../../lang.js';

const options = {
  path: { type: 'string' },
  graph: { type: 'boolean' },
  drive: { type: 'string' },
  site: { type: 'string' },
  team: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'string' },
  xlsx: { type: 'string' },
  config: { type: 'string' },
  lang: { type: 'string' },
  target: { type: 'string' },
  upload: { type: 'string' },
  'no-store': { type: 'boolean' },
} as const;

const nonEmpty = z.string().trim().min(1);
const flagsSchema = z
  .object({
    path: nonEmpty.optional(),
    graph: z.boolean().optional(),
    drive: nonEmpty.optional(),
    site: nonEmpty.optional(),
    team: nonEmpty.optional(),
    json: z.boolean().optional(),
    csv: nonEmpty.optional(),
    xlsx: nonEmpty.optional(),
    config: nonEmpty.optional(),
    lang: z.enum(langValues).default('nl'),
    target: z.enum(['share', 'sharepoint']).optional(),
    upload: z
      .url({
        protocol: /^https?$/,
        message: 'moet een volledige http(s)-URL zijn, bijvoorbeeld https://ai-wijzer.groningen.nl',
      })
      .optional(),
    'no-store': z.boolean().optional(),
  })
  .superRefine((f, ctx) => {
    const graphTargets = [f.drive, f.site, f.team].filter((v) => v !== undefined).length;
    if ((f.path === undefined) === (f.graph !== true))
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: 'geef --path <map> of --graph (met --drive, --site of --team)',
      });
    if (f.graph && graphTargets !== 1)
      ctx.addIssue({ code: 'custom', path: ['graph'], message: 'geef precies één van --drive, --site of --team' });
    if (!f.graph && graphTargets > 0)
      ctx.addIssue({ code: 'custom', path: ['drive'], message: '--drive, --site en --team horen bij --graph' });
    if (f.upload && !f.path)
      ctx.addIssue({ code: 'custom', path: ['upload'], message: 'uploaden kan alleen met een scan van --path' });
  });
type Flags = z.output<typeof flagsSchema>;

const help = {
  nl: `ai-wijzer scan --path <map> [opties]
ai-wijzer scan --graph (--drive <id> | --site <id> | --team <id>) [opties]

Scant een netwerkmap of een Microsoft 365-locatie op datahygiëne: te lange paden, ongeldige namen, diepe
nesting, volle of lege mappen, dubbele bestanden, versies in namen, nietszeggende namen, verouderde mappen,
persoonsgegevens in namen (gemaskeerd), anonieme links, losse bestanden, tijdelijke en zeer grote bestanden.
Geeft een score (0-100), een label (A-G), advies en de trend sinds de vorige scan van dezelfde bron.

Opties:
  --json               alleen het rapport als JSON op stdout
  --csv <bestand>      bevindingen als CSV (puntkomma, UTF-8, voor Excel)
  --xlsx <bestand>     rapport als Excel-werkmap
  --config <bestand>   eigen grenzen (YAML of JSON), bijvoorbeeld maxDepth: 6
  --lang nl|en         taal van rapport en advies (standaard nl)
  --target share|sharepoint   welke grenzen gelden voor --path (standaard share: 260 tekens)
  --upload <URL>       stuur het rapport naar de app (token in SCAN_UPLOAD_TOKEN); niet lokaal opslaan
  --no-store           het rapport niet in de database opslaan

Voortgang staat op stderr: op een terminal een balk, anders elke 2 seconden een regel.
Afsluitcode: 0 klaar (een onvolledige scan zegt wat niet gelezen is), 1 niets gelezen of niet
opgeslagen, 2 verkeerd gebruik (ook een --csv- of --xlsx-pad waar niet geschreven kan worden).

Voorbeeld: ai-wijzer scan --path /mnt/afdeling --xlsx afdeling.xlsx`,
  en: `ai-wijzer scan --path <dir> [options]
ai-wijzer scan --graph (--drive <id> | --site <id> | --team <id>) [options]

Scans a network folder or a Microsoft 365 location for data readiness and gives a score (0-100), a label
(A-G), advice and the trend since the previous scan of the same source.

Options: --json, --csv <file>, --xlsx <file>, --config <file> (YAML or JSON thresholds), --lang nl|en,
--target share|sharepoint, --upload <URL> (token in SCAN_UPLOAD_TOKEN), --no-store.

Progress goes to stderr: a bar on a terminal, else a line every 2 seconds. Exit code: 0 done (an incomplete
scan says what was not read), 1 nothing read or not stored, 2 wrong usage (also a --csv or --xlsx path that
cannot be written).

Example: ai-wijzer scan --path /mnt/department --xlsx department.xlsx`,
};

export const scanCommand: Command = {
  name: 'scan',
  help,
  async run(args, io) {
    const { flags } = parseFlags(args, options, flagsSchema);
    const lang = flags.lang;
    const nl = lang === 'nl';
    const uploadToken = flags.upload ? io.env.SCAN_UPLOAD_TOKEN : undefined;
    if (flags.upload && !uploadToken)
      throw new UsageError(
        nl
          ? 'Zet het upload-token in de omgevingsvariabele SCAN_UPLOAD_TOKEN.'
          : 'Set the upload token in the SCAN_UPLOAD_TOKEN environment variable.',
      );

    // A report that cannot be written is known before the walk, not after an hour of it.
    if (flags.csv) checkOutputFile('csv', flags.csv, nl);
    if (flags.xlsx) checkOutputFile('xlsx', flags.xlsx, nl);
    if (flags.csv && flags.xlsx && resolve(flags.csv) === resolve(flags.xlsx))
      throw new UsageError(
        nl ? '--csv en --xlsx wijzen naar hetzelfde bestand.' : '--csv and --xlsx name the same file.',
      );

    const target: LocalScanTarget = flags.path
      ? { path: flags.path, kind: flags.target }
      : { graph: flags.drive ? { drive: flags.drive } : flags.site ? { site: flags.site } : { team: flags.team! } };
    let opened: OpenedScan;
    try {
      opened = await openLocalScan(loadConfig(io.env), target, { lang, thresholdsFile: flags.config });
    } catch (error) {
      if (error instanceof AppError && error.kind === 'invalid') throw new UsageError(error.messages[lang]);
      if (error instanceof AppError) throw new Error(error.messages[lang], { cause: error });
      throw error;
    }
    const { sourceKey } = opened;
    const result = await scanWithProgress(opened, io, lang, !flags.path);
    if (isUnread(result)) {
      // Nothing read: no score to store, upload or compare; the outputs say so, and the exit code too.
      await writeOutputs(result, flags, io);
      io.stderr.write(
        nl
          ? 'Het rapport is niet opgeslagen en niet geüpload: er is niets gelezen.\n'
          : 'The report was not stored or uploaded: nothing was read.\n',
      );
      return 1;
    }
    const report = result;

    const notes = io.stderr;
    if (!flags.upload && !flags['no-store']) {
      try {
        const config = loadConfig(io.env);
        // Loaded only when used: a scan of a million entries should not carry the database, Excel or Graph code.
        const { openStore } = await import('../../store/index.js');
        const { createApplication } = await import('../../app/index.js');
        const { createLogger } = await import('../../log.js');
        const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
        try {
          const app = createApplication({ config, store, logger: createLogger('silent') });
          const saved = await app.scans.save(sourceKey, report);
          if (saved.trend) report.trend = saved.trend;
        } finally {
          await store.close();
        }
      } catch (error) {
        notes.write(
          `${nl ? 'Het rapport is niet opgeslagen' : 'The report was not stored'}: ${(error as Error).message}\n`,
        );
        await writeOutputs(report, flags, io);
        return 1;
      }
    }
    let code = 0;
    if (flags.upload) code = await upload(flags.upload, uploadToken!, sourceKey, report, io, nl);
    await writeOutputs(report, flags, io);
    return code;
  },
};

async function scanWithProgress(opened: OpenedScan, io: CliIO, lang: Lang, graph: boolean): Promise<ScanResult> {
  // A terminal gets a bar redrawn in place; a log or a pipe plain lines now and then. Both on stderr only.
  const stderr = io.stderr as NodeJS.WriteStream;
  const view = stderr.isTTY ? barProgress(stderr, { lang, graph }) : lineProgress(io.stderr, { lang, graph });
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    return await opened.run({ lang, signal: controller.signal, onProgress: (p) => view.update(p) });
  } finally {
    process.removeListener('SIGINT', cancel);
    view.stop();
  }
}

/** What is at a path, or undefined when nothing is (also when a part of the path is a file: ENOTDIR). */
function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * An output file of --csv or --xlsx must be writable before the scan starts: not a folder, in a folder that exists
 * and may be written to (and, when it exists, writable itself).
 */
function checkOutputFile(flag: 'csv' | 'xlsx', file: string, nl: boolean): void {
  const path = resolve(file);
  const fail = (nlText: string, enText: string): never => {
    throw new UsageError(`--${flag}: ${nl ? nlText : enText}`);
  };
  const existing = statOf(path);
  if (existing?.isDirectory())
    fail(
      `${file} is een map; geef een bestandsnaam, bijvoorbeeld ${resolve(path, `rapport.${flag}`)}.`,
      `${file} is a folder; give a file name, for example ${resolve(path, `report.${flag}`)}.`,
    );
  if (existing && !existing.isFile()) fail(`${file} is geen gewoon bestand.`, `${file} is not a regular file.`);
  const dir = dirname(path);
  const folder = statOf(dir);
  if (!folder)
    return fail(
      `de map ${dir} bestaat niet; maak hem eerst aan of kies een andere plek voor ${basename(path)}.`,
      `the folder ${dir} does not exist; create it first or choose another place for ${basename(path)}.`,
    );
  if (!folder.isDirectory()) fail(`${dir} is geen map.`, `${dir} is not a folder.`);
  try {
    accessSync(existing ? path : dir, constants.W_OK | (existing ? 0 : constants.X_OK));
  } catch {
    fail(
      existing ? `geen schrijfrechten op ${file}.` : `geen schrijfrechten in de map ${dir}.`,
      existing ? `no permission to write ${file}.` : `no permission to write in the folder ${dir}.`,
    );
  }
}

async function writeOutputs(report: ScanResult, flags: Flags, io: CliIO): Promise<void> {
  const lang = flags.lang;
  const nl = lang === 'nl';
  // With --json stdout holds the report only; everything else goes to stderr.
  const say = flags.json ? io.stderr : io.stdout;
  if (flags.csv) {
    const { writeCsv } = await import('../../housekeeping/output/csv.js');
    await writeCsv(report, flags.csv, lang);
    say.write(`${nl ? 'CSV geschreven' : 'CSV written'}: ${flags.csv}\n`);
  }
  if (flags.xlsx) {
    const { writeXlsx } = await import('../../housekeeping/output/xlsx.js');
    await writeXlsx(report, flags.xlsx, lang);
    say.write(`${nl ? 'Excel geschreven' : 'Excel written'}: ${flags.xlsx}\n`);
  }
  if (flags.json) await writeJsonReport(report, io.stdout);
  else io.stdout.write(formatSummary(report, lang));
  if (isUnread(report))
    io.stderr.write(
      `${nl ? 'Let op: de scan is niet volledig, er is niets gelezen.' : 'Note: the scan is not complete, nothing was read.'} ${report.incompleteReason}\n`,
    );
  else if (!report.complete)
    io.stderr.write(
      `${nl ? 'Let op: de scan is niet volledig.' : 'Note: the scan is not complete.'} ${report.incompleteReason ?? ''}\n`,
    );
}

async function upload(
  base: string,
  token: string,
  sourceKey: string,
  report: ScanReport,
  io: CliIO,
  nl: boolean,
): Promise<number> {
  // The report's zod shapes are loaded only for an upload: a scan that stores locally does not need them.
  const { scanUploadMediaType } = await import('../../api/scans.js');
  const url = new URL('api/scans/upload', base.endsWith('/') ? base : `${base}/`);
  const body: ScanUpload = { sourceKey, report };
  const compressed = await promisify(gzip)(JSON.stringify(body));
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': scanUploadMediaType,
        'content-encoding': 'gzip',
        'accept-language': nl ? 'nl' : 'en',
      },
      body: compressed,
    });
  } catch (error) {
    io.stderr.write(`${nl ? 'Uploaden mislukt' : 'Upload failed'}: ${(error as Error).message}\n`);
    return 1;
  }
  const answer = (await res.json().catch(() => ({}))) as Partial<ScanUploadResponse> & {
    error?: { message?: string; problems?: { field: string; message: string }[] };
  };
  if (!res.ok) {
    const problems = answer.error?.problems?.map((p) => `\n  ${p.field}: ${p.message}`).join('') ?? '';
    io.stderr.write(
      `${nl ? 'Uploaden mislukt' : 'Upload failed'} (HTTP ${res.status}): ${answer.error?.message ?? res.statusText}${problems}\n`,
    );
    return 1;
  }
  if (answer.trend) report.trend = answer.trend;
  io.stderr.write(`${nl ? 'Rapport geüpload' : 'Report uploaded'}: ${answer.id}\n`);
  return 0;
}
