import type { Lang } from '../lang.js';

/** Where a command writes; tests pass their own. Errors a user can cause go to stderr, in Dutch. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: Record<Lang, string>;
  /** Full help text per language: usage line, options, an example. */
  help: Record<Lang, string>;
  /** Returns the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** A mistake in how the command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
