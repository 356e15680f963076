import { Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';
import { GraphTransport, GraphTransportError, type TransportOptions } from './transport.js';

/** A Graph answer that is not what we asked for: a status (0 = none), Graph's error code, and for 410 where to resync. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly location?: string,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

/**
 * The Graph client with our middleware chain, and every answer checked with zod. Links Graph hands back
 * (nextLink, deltaLink, Location) are followed only when they point at the configured base URL: the token
 * never goes anywhere else.
 */
export class GraphHttp {
  private readonly client: Client;
  private readonly base: string;

  constructor(baseUrl: string, transport: TransportOptions) {
    const url = new URL(baseUrl);
    this.base = `${url.origin}${url.pathname.replace(/\/$/, '')}`;
    this.client = Client.initWithMiddleware({
      baseUrl: url.origin,
      defaultVersion: url.pathname.replace(/^\/|\/$/g, ''),
      middleware: [new GraphTransport(transport), new HTTPMessageHandler()],
    });
    this.signal = transport.signal;
  }

  private readonly signal?: AbortSignal;

  async get<S extends z.ZodType>(
    pathOrLink: string,
    schema: S,
    headers: Record<string, string> = {},
  ): Promise<z.output<S>> {
    return this.check(schema, await this.call(() => this.client.api(this.relative(pathOrLink)).headers(headers).get()));
  }

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    return this.check(schema, await this.call(() => this.client.api(this.relative(path)).post(body)));
  }

  /** A link from Graph as a path under the base URL. */
  relative(link: string): string {
    if (!/^https?:\/\//i.test(link)) return link;
    if (!link.startsWith(`${this.base}/`))
      throw new GraphRequestError(0, 'Graph returned a link outside the configured base URL', 'foreignLink');
    return link.slice(this.base.length);
  }

  private async call(fn: () => Promise<unknown>): Promise<unknown> {
    try {
      return await fn();
    } catch (error) {
      this.signal?.throwIfAborted();
      if (error instanceof GraphRequestError) throw error;
      if (error instanceof GraphTransportError) throw new GraphRequestError(error.status, error.message, error.code);
      if (error instanceof GraphError) {
        // The client wraps what our middleware threw (no answer, or no valid one) into a GraphError without a status.
        if (typeof error.body === 'string' && error.body.startsWith('GraphTransportError: ')) {
          throw new GraphRequestError(0, error.body.slice('GraphTransportError: '.length), 'transport');
        }
        throw new GraphRequestError(
          error.statusCode,
          error.message || `Graph answered ${error.statusCode}`,
          error.code ?? undefined,
          error.headers?.get('location') ?? undefined,
        );
      }
      throw new GraphRequestError(0, (error as Error).message);
    }
  }

  private check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new GraphRequestError(
        0,
        `unexpected Graph answer at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
        'invalidAnswer',
      );
    }
    return result.data;
  }
}
