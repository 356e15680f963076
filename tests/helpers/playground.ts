import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import WebSocket from 'ws';

/**
 * Drives the real Microsoft 365 Agents Playground headless (pinned version: its internal API is what
 * its own web client uses; see shared/reference/teams-platform.md).
 */
export interface PlaygroundMessage {
  messageId?: string;
  from: { id: string };
  text?: string;
  attachments?: unknown[];
}

export interface Playground {
  url: string;
  botId: string;
  userId: string;
  personalChatId: string;
  /** Sends a message as the current user and resolves with the bot's next reply. */
  say(text: string, timeoutMs?: number): Promise<PlaygroundMessage>;
  /** Sends a message and resolves with the bot's next `count` replies (a vision answer is a cited line, then a card). */
  sayForReplies(text: string, count: number, timeoutMs?: number): Promise<PlaygroundMessage[]>;
  /** Presses an Action.Execute button on the card of message `replyToId`; resolves with the bot's invoke response. */
  invoke(replyToId: string, verb: string, data: Record<string, unknown>): Promise<unknown>;
  /** Sends one of the Playground's own event activities (e.g. 'botAdded': the app installed in the personal chat). */
  event(type: 'botAdded' | 'userAdded' | 'install', timeoutMs?: number): Promise<PlaygroundMessage>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const cli = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);

export async function startPlayground(botEndpoint: string): Promise<Playground> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'start', '-e', botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', TEAMSAPPTESTER_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Agents Playground exited (${code}): ${output}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const { config } = (await (
    await fetch(`${url}/_internal/v1/config`, { signal: AbortSignal.timeout(30_000) })
  ).json()) as {
    config: { bot: { id: string }; currentUser: { id: string }; personalChat: { id: string } };
  };
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting: ((m: PlaygroundMessage) => void)[] = [];
  ws.on('message', (data) => {
    const event = JSON.parse(data.toString()) as { action?: string; message?: PlaygroundMessage };
    if (event.action === 'createMessage' && event.message && event.message.from.id === config.bot.id)
      waiting.shift()?.(event.message);
  });
  const nextReply = (timeoutMs: number) =>
    new Promise<PlaygroundMessage>((resolve, reject) => {
      const waiter = (m: PlaygroundMessage) => {
        clearTimeout(timer);
        resolve(m);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(new Error(`no reply from the bot within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.push(waiter);
    });
  async function sayForReplies(text: string, count: number, timeoutMs = 15_000): Promise<PlaygroundMessage[]> {
    // Waiting before sending: the replies may come before the POST returns.
    const replies = Array.from({ length: count }, () => nextReply(timeoutMs));
    const res = await fetch(`${url}/_conversation/v1/conversations/${config.personalChat.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: config.currentUser.id }, text, textFormat: 'plain' }),
    });
    if (!res.ok) throw new Error(`Playground refused the message: ${res.status}`);
    return Promise.all(replies);
  }
  return {
    url,
    botId: config.bot.id,
    userId: config.currentUser.id,
    personalChatId: config.personalChat.id,
    async event(type, timeoutMs = 15_000) {
      const reply = nextReply(timeoutMs);
      const query = new URLSearchParams({ conversationId: config.personalChat.id, type });
      const template = await fetch(`${url}/_internal/v1/customActivities/template?${query}`);
      if (!template.ok) throw new Error(`Playground has no ${type} template: ${template.status}`);
      const sent = await fetch(`${url}/_internal/v1/customActivities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: await template.text(),
      });
      if (!sent.ok) throw new Error(`Playground refused the ${type} activity: ${sent.status}`);
      return reply;
    },
    async say(text, timeoutMs = 15_000) {
      const [reply] = await sayForReplies(text, 1, timeoutMs);
      return reply!;
    },
    sayForReplies,
    async invoke(replyToId, verb, data) {
      const res = await fetch(`${url}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'adaptiveCard/action',
          from: { id: config.currentUser.id },
          conversation: { id: config.personalChat.id },
          replyToId,
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      });
      if (!res.ok) throw new Error(`Playground refused the invoke: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async stop() {
      ws.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
