import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between the app and a real server (PostgreSQL at 127.0.0.1:5432): what goes through is
 * passed on untouched, and `cut()` destroys every connection at once, as a network failover or a restarted
 * database does. `refuse` makes new connections fail until it is set back (the database still away).
 */
export class TcpProxy {
  private server?: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  /** New connections are closed at once while this is true. */
  refuse = false;
  /** How many connections were cut so far. */
  cutCount = 0;
  private trap?: { match: Buffer; when: 'before' | 'after-answer'; sprung: () => void };
  /** The connection whose next answer is swallowed and then cut (a trap set 'after-answer' that matched). */
  private doomed?: [Socket, Socket];

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = createServer((client) => {
      if (this.refuse) {
        client.destroy();
        return;
      }
      const upstream = connect(this.target.port, this.target.host);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      const close = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
      client.on('data', (chunk: Buffer) => {
        const trap = this.trap;
        if (trap && chunk.includes(trap.match)) {
          this.trap = undefined;
          if (trap.when === 'before') {
            this.cut();
            trap.sprung();
            return;
          }
          this.doomed = pair;
          upstream.write(chunk);
          return;
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        if (this.doomed === pair) {
          // The server has answered (for COMMIT: it has committed); the answer never reaches the app.
          this.doomed = undefined;
          this.cut();
          this.trapSprung?.();
          return;
        }
        client.write(chunk);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as AddressInfo).port;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** The connections open now. */
  get open(): number {
    return this.pairs.size;
  }

  private trapSprung?: () => void;

  /**
   * Cuts every connection when the app next sends a message containing `text` (a whole simple-protocol query such as
   * `commit`): 'before' it reaches the server (the server never sees it), or 'after-answer': the server gets it and
   * answers, and the answer is swallowed as everything is cut. Resolves when it has happened.
   */
  cutOnQuery(text: string, when: 'before' | 'after-answer'): Promise<void> {
    // A simple query message: 'Q', its length (int32, itself included), the text and a NUL.
    const body = Buffer.from(`${text}\0`);
    const header = Buffer.alloc(5);
    header.write('Q');
    header.writeInt32BE(body.length + 4, 1);
    return new Promise<void>((resolve) => {
      this.trapSprung = when === 'after-answer' ? resolve : undefined;
      this.trap = { match: Buffer.concat([header, body]), when, sprung: resolve };
    });
  }

  /** Destroys every open connection, both ways, without a goodbye to either side. */
  cut(): number {
    const n = this.pairs.size;
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    }
    this.pairs.clear();
    this.cutCount += n;
    return n;
  }

  /** A URL like `url` that goes through this proxy instead. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
