import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { rootDir } from '../../src/paths.js';

jest.setTimeout(60_000);

/**
 * A Bot Connector that takes the bot's reply and never answers it (an overloaded or half-dead connector): the server's
 * HTTP client keeps waiting on that request while the server is asked to stop.
 */
async function stuckConnector(): Promise<Server & { replies: () => number }> {
  let replies = 0;
  const server = createServer((req) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) replies++;
    });
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { replies: () => replies });
}

describe('ai-wijzer serve stops on SIGTERM', () => {
  it('ends its process once stopped, though a reply to the Bot Connector is still waiting for its answer', async () => {
    const connector = await stuckConnector();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(rootDir, 'src', 'cli', 'main.ts'), 'serve', '--port', '0'],
      { cwd: rootDir, env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: 'memory://' } },
    );
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          output += d.toString();
          const m = /listens on: [\d.]+:(\d+)/.exec(output);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve stopped (${code})`)));
      });
      const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
      // The turn waits on its reply, so this request only ends when the server stops.
      void fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          channelId: 'msteams',
          serviceUrl,
          id: 'stop-1',
          conversation: { id: 'stop-conversation', conversationType: 'personal' },
          from: { id: 'user-stop' },
          recipient: { id: 'bot' },
          locale: 'nl-NL',
          text: 'Wat zijn de kernwaarden?',
        }),
      }).catch(() => undefined);
      for (let i = 0; i < 100 && connector.replies() === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(connector.replies()).toBeGreaterThan(0);

      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((r) => setTimeout(r, 25_000, 'still running')),
      ]);
      expect(code).toBe(0);
      expect(output).toContain('AI-wijzer stopt / is stopping');
    } finally {
      child.kill('SIGKILL');
      connector.closeAllConnections();
      connector.close();
    }
  });
});
