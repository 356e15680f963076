import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorActivity {
  /** Set on an update (PUT): the activity it replaced. */
  id?: string;
  type?: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
  conversation?: { id: string };
  replyToId?: string;
}

/**
 * A local Bot Connector: takes what the bot sends (`POST /v3/conversations/{id}/activities[/{replyTo}]`, replies and
 * proactive messages alike, and `PUT /v3/conversations/{id}/activities/{activityId}`, an activity replaced in place,
 * kept with its `id`) and answers like the real one (`{id}`), so that tests can wait for a message.
 */
export class LocalConnector {
  private server?: Server;
  readonly received: { conversation: string; activity: ConnectorActivity }[] = [];
  private waiters: (() => void)[] = [];
  serviceUrl = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        const conversation = match?.[1];
        const update = req.method === 'PUT' && match?.[2] !== undefined;
        res.setHeader('content-type', 'application/json');
        if (!conversation || (req.method !== 'POST' && !update)) {
          res.statusCode = 404;
          res.end(JSON.stringify({ error: { code: 'NotFound', message: 'unknown route' } }));
          return;
        }
        const activity = JSON.parse(body || '{}') as ConnectorActivity;
        if (update) activity.id = decodeURIComponent(match![2]!);
        this.received.push({ conversation: decodeURIComponent(conversation), activity });
        res.end(JSON.stringify({ id: update ? activity.id : `a-${this.received.length}` }));
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.serviceUrl;
  }

  messages(conversation: string): ConnectorActivity[] {
    return this.received
      .filter((r) => r.conversation === conversation && r.activity.type === 'message')
      .map((r) => r.activity);
  }

  /** Waits until a message to `conversation` satisfies `match`. */
  async waitFor(
    conversation: string,
    match: (a: ConnectorActivity) => boolean,
    timeoutMs = 30_000,
  ): Promise<ConnectorActivity> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages(conversation).find(match);
      if (found) return found;
      if (Date.now() > end)
        throw new Error(
          `no such message to ${conversation}: ${JSON.stringify(this.messages(conversation)).slice(0, 500)}`,
        );
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
