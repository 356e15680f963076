import { ConfigError } from '../config-error.js';
import { StoreLockedError } from '../store/lock.js';
import type { CliIO, CommandEntry } from './command.js';
import { UsageError } from './command.js';
import { commands as allCommands } from './commands/index.js';
import type { Lang } from '../lang.js';

function overview(commands: CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const list = (lang: Lang) => commands.map((c) => `  ${c.name.padEnd(width)}${c.summary[lang]}`).join('\n');
  return [
    'AI-wijzer: de AI-assistent van de gemeente Groningen',
    '',
    'Gebruik: ai-wijzer <opdracht> [opties]',
    '',
    'Opdrachten:',
    list('nl'),
    '',
    'Hulp bij een opdracht: ai-wijzer <opdracht> --help',
    '',
    '---',
    'AI-wijzer: the AI assistant of the municipality of Groningen',
    '',
    'Usage: ai-wijzer <command> [options]',
    '',
    'Commands:',
    list('en'),
    '',
    'Help on a command: ai-wijzer <command> --help',
    '',
  ].join('\n');
}

/** Runs the CLI and returns its exit code: 0 done, 1 the work failed, 2 wrong usage or configuration, or the database in use. */
export async function runCli(argv: string[], io: CliIO, commands: CommandEntry[] = allCommands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview(commands));
    return name === undefined ? 2 : 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(
      `Onbekende opdracht '${name}'. Kies uit: ${commands.map((c) => c.name).join(', ')}.\nUnknown command '${name}'. See ai-wijzer --help.\n`,
    );
    return 2;
  }
  // Only this command's module is loaded (the others' server, database or scan code is not).
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help.nl}\n\n---\n${command.help.en}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A second process on the embedded database (./data): refused before it could write, as a port in use is.
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof StoreLockedError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`Er ging iets mis / something went wrong: ${(error as Error).message}\n`);
    return 1;
  }
}
