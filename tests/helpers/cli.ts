import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';

/** Runs the CLI in-process with captured output. */
export async function runCaptured(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  stdinText = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  stdin.end(stdinText);
  const io: CliIO = { stdout, stderr, stdin, env: { ...process.env, ...env } };
  const code = await runCli(argv, io);
  return { code, stdout: out, stderr: err };
}

/** The same, quietly: LOG_LEVEL silent unless `env` says otherwise. */
export const runQuietly = (argv: string[], env: NodeJS.ProcessEnv = {}, stdinText = '') =>
  runCaptured(argv, { LOG_LEVEL: 'silent', ...env }, stdinText);
