import type { Lang } from '../lang.js';

/** Where a command writes; tests pass their own. Errors a user can cause go to stderr, in Dutch. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** A command's module: its help and what it does. */
export interface Command {
  name: string;
  /** Full help text per language: usage line, options, an example. */
  help: Record<Lang, string>;
  /** Returns the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/**
 * A command as the CLI lists it: its name and one line about it. Its module (and what that imports: the server,
 * the database, the scan) is loaded only when the command is run or explained, so that one command does not wait
 * for the others' code to load.
 */
export interface CommandEntry {
  name: string;
  summary: Record<Lang, string>;
  /** Imports the command's module. */
  load(): Promise<Command>;
}

/** A mistake in how the command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
