import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { parseFlags } from '../args.js';
import type { Command } from '../command.js';

const flagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  help: z.boolean().optional(),
});

export const serveCommand: Command = {
  name: 'serve',
  help: {
    nl: 'ai-wijzer serve [--port <poort>]\n\nStart de bot (/api/messages), het tabblad (/tab/) en de API. Zonder DATABASE_URL gebruikt de app de ingebouwde database in DATA_DIR (standaard ./data).',
    en: 'ai-wijzer serve [--port <port>]\n\nStarts the bot (/api/messages), the tab (/tab/) and the API. Without DATABASE_URL the app uses the embedded database in DATA_DIR (default ./data).',
  },
  async run(args, io) {
    const { flags } = parseFlags(args, { port: { type: 'string', short: 'p' } }, flagsSchema);
    const config = loadConfig({ ...io.env, ...(flags.port !== undefined ? { PORT: String(flags.port) } : {}) });
    // Loaded only for this command: the server's frameworks would cost every other command ~90 MB of memory.
    const { startServer } = await import('../../server/start.js');
    let running: Awaited<ReturnType<typeof startServer>>;
    try {
      running = await startServer(config);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      io.stderr.write(
        `Poort ${config.PORT} is al in gebruik: stop het andere proces of kies een andere poort met --port of PORT.\n` +
          `Port ${config.PORT} is already in use: stop the other process or choose another port with --port or PORT.\n`,
      );
      return 2;
    }
    const base = config.PUBLIC_URL ?? running.url;
    io.stdout.write(
      [
        `AI-wijzer ${config.NODE_ENV === 'production' ? '' : '(ontwikkelmodus) '}draait / is running:`,
        `  Tabblad / tab:        ${base}/tab/`,
        `  Bot-eindpunt / bot:   ${base}/api/messages${config.BOT_ID ? '' : '  (anoniem: alleen lokaal / anonymous: local only)'}`,
        `  Gezondheid / health:  ${base}/healthz  ${base}/readyz`,
        `  Database:             ${running.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.DATA_DIR}`}`,
        `  Luistert op / listens on: ${config.HOST}:${running.port}${config.HOST === '127.0.0.1' ? '  (alleen deze machine / this machine only; HOST=0.0.0.0 voor alle / for all)' : ''}`,
        '',
      ].join('\n'),
    );
    return await new Promise<number>((resolve) => {
      const shutdown = () => {
        io.stdout.write('AI-wijzer stopt / is stopping...\n');
        // Running requests get 10 s (stop's grace), then the database is closed; a stop that hangs past 20 s (a
        // database that does not answer) ends the process anyway, with exit code 1, rather than leave it running.
        const deadline = setTimeout(() => {
          io.stderr.write('AI-wijzer stopte niet binnen 20 s en is afgebroken / did not stop within 20 s, aborted\n');
          resolve(1);
        }, 20_000);
        void running.stop().then(() => {
          clearTimeout(deadline);
          resolve(0);
        });
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    });
  },
};
