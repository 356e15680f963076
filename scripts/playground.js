#!/usr/bin/env node
// `npm run playground`: starts AI-wijzer anonymously (no BOT_ID, local only) and the Microsoft 365 Agents
// Playground connected to it, so the bot can be tried in a Teams-like chat in the browser.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3978';
const endpoint = `http://127.0.0.1:${port}/api/messages`;
const playgroundCli = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);

const children = [];
function start(label, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.log(`${label} gestopt / stopped (${code ?? 'signaal'})`);
    for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
}

// The Playground acts as the Bot Connector without tokens: the bot must run anonymous.
start('AI-wijzer', ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { BOT_ID: '', BOT_PASSWORD: '', PORT: port });
start('Agents Playground', [playgroundCli, 'start', '-e', endpoint, '-c', 'msteams', '--disable-telemetry'], {});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));
console.log(
  `Agents Playground: http://localhost:${process.env.TEAMSAPPTESTER_PORT ?? 56150} (bot: ${endpoint}). Stop met Ctrl+C.`,
);
