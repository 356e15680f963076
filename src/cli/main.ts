#!/usr/bin/env node
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
// A command is done when it returns, `serve` too once it has stopped (requests finished, the database closed): what a
// library leaves open after that (a keep-alive socket of an HTTP client: seen keeping a stopped server alive for
// minutes under load) must not keep the process alive. Both streams are flushed first.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
