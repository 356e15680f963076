import { join } from 'node:path';
import { z } from 'zod';
import { manifestDir, rootDir } from '../../paths.js';
import { appVersion } from '../../version.js';
import { parseFlags } from '../args.js';
import type { Command } from '../command.js';

const flagsSchema = z.object({ env: z.string().default('dev'), out: z.string().optional() });

export const packageCommand: Command = {
  name: 'package',
  help: {
    nl: "ai-wijzer package [--env <naam>] [--out <map>]\n\nVult manifest/ met de waarden uit env/.env.<naam> (en env/.env.<naam>.user), controleert manifest, taalbestanden en iconen offline tegen de officiële schema's en schrijft appPackage/ai-wijzer-<naam>.zip voor het Teams-beheercentrum.\nStandaard: --env dev.",
    en: 'ai-wijzer package [--env <name>] [--out <dir>]\n\nFills manifest/ with the values of env/.env.<name> (and env/.env.<name>.user), validates the manifest, language files and icons offline against the official schemas and writes appPackage/ai-wijzer-<name>.zip for the Teams admin center.\nDefault: --env dev.',
  },
  async run(args, io) {
    const { flags } = parseFlags(args, { env: { type: 'string', short: 'e' }, out: { type: 'string' } }, flagsSchema);
    // Loaded only for this command (the schema validator is large).
    const { buildAppPackage, PackagingError } = await import('../../packaging/index.js');
    try {
      const result = await buildAppPackage({
        env: flags.env,
        manifestDir,
        envDir: join(rootDir, 'env'),
        outDir: flags.out ?? join(rootDir, 'appPackage'),
        appVersion,
      });
      io.stdout.write(`App-pakket gemaakt / app package written: ${result.zipPath}\n  ${result.files.join(', ')}\n`);
      if (result.warnings.length > 0)
        io.stderr.write(
          `Let op: dit pakket bevat voorbeeldwaarden; upload het niet naar het Teams-beheercentrum van je organisatie.\n${result.warnings.map((w) => `  - ${w}`).join('\n')}\n`,
        );
      return 0;
    } catch (error) {
      if (error instanceof PackagingError) {
        io.stderr.write(`${error.message}\n`);
        return 2;
      }
      throw error;
    }
  },
};
