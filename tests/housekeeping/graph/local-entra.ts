import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/**
 * A local stand-in for Entra ID: the tenant's signing keys (for the tab's SSO token), its OpenID metadata, and
 * a token endpoint that answers the on-behalf-of and client-credential grants as Entra ID does, including
 * the consent error AADSTS65001 (for users whose object id starts with "no-consent"). The Graph token it
 * issues on behalf of a user is "graph:<oid>", so the local Graph can tell whose it is. With `tokenLifetimeSeconds`
 * set, Graph tokens live that long and say so ("<token>;exp=<ms>", which the local Graph enforces), and an
 * on-behalf-of grant with an expired user assertion is refused as Entra ID refuses it (AADSTS500133).
 * An on-behalf-of grant that asks `offline_access` (msal does) also gets a refresh token and client_info, as from
 * Entra ID; the refresh-token grant then gives a new Graph token for that user and a new refresh token (the old
 * one stays good, as Entra ID's do for confidential clients) until `revokeSessions()` ends them (AADSTS700082).
 */
export class LocalEntra {
  readonly requests: { path: string; form: Record<string, string> }[] = [];
  /** Lifetime of the Graph tokens issued (Entra ID: 60-90 minutes); undefined: 3599 s and no expiry enforced. */
  tokenLifetimeSeconds?: number;
  /** The refresh tokens given out, and whose they are (the user's oid). */
  private readonly refreshTokens = new Map<string, string>();
  private server?: Server;
  private privateKey?: CryptoKey;
  private jwk?: JWK;
  port = 0;

  constructor(
    readonly tenant: string,
    readonly clientId: string,
    readonly clientSecret: string,
    /** The https base msal is told about; default https://127.0.0.1:<port> (reached over http, see tokens.ts). */
    private publicBase?: string,
  ) {}

  /** AAD_AUTHORITY_HOST for the server: the local http address. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256');
    this.privateKey = pair.privateKey as CryptoKey;
    this.jwk = await exportJWK(pair.publicKey);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks).toString(), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    this.publicBase ??= `https://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /**
   * A tab SSO token as Entra ID issues it for AI-wijzer's API (audience api://<host>/<client id>); `roles` are the
   * app roles assigned to the user (the token's `roles` claim, absent when none).
   */
  userToken(
    oid: string,
    publicHost = 'ai-wijzer.groningen.nl',
    roles: string[] = [],
    lifetime: string | number = '10m',
  ): Promise<string> {
    return new SignJWT({ scp: 'access_as_user', tid: this.tenant, oid, ...(roles.length > 0 ? { roles } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: 'local-key' })
      .setAudience(`api://${publicHost}/${this.clientId}`)
      .setIssuer(`${this.url}/${this.tenant}/v2.0`)
      .setIssuedAt()
      .setExpirationTime(typeof lifetime === 'number' ? Math.floor(Date.now() / 1000) + lifetime : lifetime)
      .sign(this.privateKey!);
  }

  /** Ends every user's sessions: the refresh tokens given out no longer work (sign-out, a revocation, a policy). */
  revokeSessions(): void {
    this.refreshTokens.clear();
  }

  /** A refresh token for this user, as the token endpoint hands one out. */
  private refreshTokenFor(oid: string): string {
    const token = randomBytes(24).toString('base64url');
    this.refreshTokens.set(token, oid);
    return token;
  }

  /** msal's network client for an https base that is not this server's own (e.g. https://login.test). */
  network(): INetworkModule {
    const local = (url: string) => url.replace(this.publicBase!, this.url);
    const call = async <T>(
      url: string,
      method: string,
      options?: NetworkRequestOptions,
    ): Promise<NetworkResponse<T>> => {
      const res = await fetch(local(url), { method, headers: options?.headers, body: options?.body });
      return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: (await res.json()) as T };
    };
    return {
      sendGetRequestAsync: (url, options) => call(url, 'GET', options),
      sendPostRequestAsync: (url, options) => call(url, 'POST', options),
    };
  }

  private answer(method: string, rawUrl: string, body: string, res: ServerResponse): void {
    const url = new URL(rawUrl, 'http://x');
    const form = Object.fromEntries(new URLSearchParams(body));
    this.requests.push({ path: url.pathname, form });
    const send = (status: number, json: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const base = `${this.publicBase}/${this.tenant}`;
    if (url.pathname === `/${this.tenant}/discovery/v2.0/keys`)
      return send(200, { keys: [{ ...this.jwk, kid: 'local-key', use: 'sig', alg: 'RS256' }] });
    if (url.pathname === `/${this.tenant}/v2.0/.well-known/openid-configuration`) {
      return send(200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
      });
    }
    if (url.pathname !== `/${this.tenant}/oauth2/v2.0/token` || method !== 'POST')
      return send(404, { error: 'not_found' });
    if (form.client_id !== this.clientId || form.client_secret !== this.clientSecret) {
      return send(401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
      });
    }
    const lifetime = this.tokenLifetimeSeconds ?? 3599;
    const issued = (token: string) =>
      this.tokenLifetimeSeconds === undefined ? token : `${token};exp=${Date.now() + lifetime * 1000}`;
    // A user's Graph token; with a refresh token and client_info when the grant may go on offline.
    const graphToken = (oid: string, offline: boolean) => ({
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/.default',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: issued(`graph:${oid}`),
      ...(offline ? { refresh_token: this.refreshTokenFor(oid), client_info: clientInfo(oid, this.tenant) } : {}),
    });
    if (form.grant_type === 'client_credentials')
      return send(200, {
        token_type: 'Bearer',
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: issued('app-token'),
      });
    if (
      form.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      form.requested_token_use === 'on_behalf_of'
    ) {
      const exp = expOf(form.assertion ?? '');
      if (exp !== undefined && exp * 1000 <= Date.now()) {
        return send(400, {
          error: 'invalid_grant',
          error_description: 'AADSTS500133: Assertion is not within its valid time range.',
          error_codes: [500133],
        });
      }
      const oid = oidOf(form.assertion ?? '');
      if (!oid || oid.startsWith('no-consent')) {
        return send(400, {
          error: 'invalid_grant',
          error_description:
            "AADSTS65001: The user or administrator has not consented to use the application with ID 'x'.",
          error_codes: [65001],
          suberror: 'consent_required',
        });
      }
      return send(200, graphToken(oid, (form.scope ?? '').split(' ').includes('offline_access')));
    }
    if (form.grant_type === 'refresh_token') {
      const oid = this.refreshTokens.get(form.refresh_token ?? '');
      if (!oid)
        return send(400, {
          error: 'invalid_grant',
          error_description: 'AADSTS700082: The refresh token has expired due to inactivity.',
          error_codes: [700082],
        });
      return send(200, graphToken(oid, true));
    }
    return send(400, { error: 'unsupported_grant_type' });
  }
}

/** Entra ID's client_info: base64url of {"uid": oid, "utid": tenant}, from which msal builds the account id. */
function clientInfo(oid: string, tenant: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tenant })).toString('base64url');
}

/** The exp claim (seconds) of a JWT assertion, if it is one. */
function expOf(assertion: string): number | undefined {
  const parts = assertion.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

/** The oid of a JWT, or the assertion itself when it is not one (plain test assertions). */
function oidOf(assertion: string): string | undefined {
  const parts = assertion.split('.');
  if (parts.length !== 3) return assertion || undefined;
  try {
    return (JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as { oid?: string }).oid;
  } catch {
    return undefined;
  }
}
