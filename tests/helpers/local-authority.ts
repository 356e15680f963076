import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from 'jose';
import type { BrowserContext } from 'playwright-core';
import { publishedKeys, testClientId, testTenant } from './entra-keys.js';

/** A person who can sign in at the local authority; `roles` are the app roles assigned to them (AIWijzer.Admin…). */
export interface AuthorityUser {
  oid: string;
  name: string;
  username: string;
  roles?: string[];
}

interface Grant {
  user: AuthorityUser;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  nonce?: string;
  codeChallenge: string;
  expiresAt: number;
}

/** How a test's access token differs from the one a sign-in gives (`LocalAuthority.accessToken`). */
export interface AccessTokenChange {
  /** Claims added or replaced (`tid`, `scp`, `roles`…); a claim set to undefined is left out. */
  claims?: Record<string, unknown>;
  audience?: string;
  issuer?: string;
  /** Seconds from now until it is valid (`nbf`, and `iat` with it); default 0. */
  notBefore?: number;
  /** Seconds from now until it expires (`exp`; negative: expired); default the authority's token lifetime. */
  expiresIn?: number;
  /** Another key to sign with (a forgery: the authority does not publish it). */
  key?: CryptoKey;
}

const kid = 'local-authority-key';

/**
 * A faithful local OpenID authority in the shape of Entra ID's v2 endpoints for one tenant, for the tab's sign-in
 * outside Teams (MSAL in the browser, authorization code flow with PKCE):
 * - `/{tenant}/v2.0/.well-known/openid-configuration` and `/{tenant}/discovery/v2.0/keys` (the server's SSO check
 *   reads these keys);
 * - `/{tenant}/oauth2/v2.0/authorize`: checks client_id and redirect_uri (an error page, as Entra ID shows, when
 *   either is unknown), demands PKCE (S256), shows a sign-in page (a consent step with `prompt=consent`), then
 *   redirects back with `code`, `client_info` and the `state` it was given, in the fragment or query;
 * - `/{tenant}/oauth2/v2.0/token`: the code once, for the same client_id and redirect_uri, and only with the
 *   code_verifier of its code_challenge (also the refresh token grant); answers an id_token (with the nonce) and an
 *   access token (aud the client id, as with accessTokenAcceptedVersion 2; iss, tid, oid, scp=access_as_user, roles,
 *   expiry) signed with a local key, with CORS for the registered redirect URIs' origins (a SPA registration);
 * - `/{tenant}/oauth2/v2.0/logout`: back to a registered post_logout_redirect_uri;
 * - the on-behalf-of grant the server's Graph calls use (client secret, an access token of ours as assertion): a
 *   Graph token "graph:<oid>" (as tests/housekeeping/graph/fake-graph.ts knows users) once the person consented on
 *   the sign-in page (`prompt=consent`), else AADSTS65001 consent_required, as Entra ID answers.
 *
 * It listens on loopback http. msal accepts https authorities only, so the browser reaches it as
 * `https://127.0.0.1:<port>` (`routeBrowser`, and the server names it so in GET /api/auth-config, as
 * src/housekeeping/sources/graph/tokens.ts does for msal-node); the tokens name `http://127.0.0.1:<port>` as issuer,
 * the server's AAD_AUTHORITY_HOST (`url`).
 */
export class LocalAuthority {
  /** Every request, without secrets: method, path and the names of the parameters. */
  readonly log: { method: string; path: string; params: Record<string, string> }[] = [];
  /** The people who accepted the consent step (`prompt=consent`), by oid. */
  readonly consented = new Set<string>();
  readonly redirectUris = new Set<string>();
  /** AAD_APP_CLIENT_SECRET for the server's on-behalf-of grant. */
  clientSecret = 'een-lokaal-clientgeheim-voor-tests';
  port = 0;
  private server?: Server;
  private privateKey?: CryptoKey;
  private publicKey?: CryptoKey;
  private jwk?: JWK;
  private readonly codes = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Omit<Grant, 'codeChallenge' | 'redirectUri' | 'expiresAt'>>();

  constructor(
    readonly users: AuthorityUser[],
    readonly tenant = testTenant,
    readonly clientId = testClientId,
    /** Seconds an access token lasts (msal renews one that ends within five minutes with the refresh token). */
    public tokenLifetime = 3600,
  ) {}

  /** AAD_AUTHORITY_HOST for the server: where it reads the keys, and the host of the tokens' issuer. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The origin the browser (msal) reaches this authority at. */
  get browserOrigin(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  get issuer(): string {
    return `${this.url}/${this.tenant}/v2.0`;
  }

  async start(): Promise<void> {
    const pair = await generateKeyPair('RS256');
    this.privateKey = pair.privateKey as CryptoKey;
    this.publicKey = pair.publicKey as CryptoKey;
    this.jwk = await exportJWK(pair.publicKey);
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.answer(req, Buffer.concat(chunks).toString(), res).catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Lets a browser context reach `browserOrigin` (https) at the loopback http server; redirects are passed on. */
  async routeBrowser(context: BrowserContext): Promise<void> {
    await context.route(`${this.browserOrigin}/**`, async (route) => {
      const url = route.request().url().replace(this.browserOrigin, this.url);
      const response = await route.fetch({ url, maxRedirects: 0 });
      await route.fulfill({ response });
    });
  }

  private async answer(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const params =
      method === 'POST'
        ? Object.fromEntries(new URLSearchParams(body))
        : Object.fromEntries(url.searchParams.entries());
    this.log.push({
      method,
      path: url.pathname,
      params: Object.fromEntries(
        Object.keys(params).map((k) => [k, ['scope', 'grant_type', 'prompt'].includes(k) ? params[k]! : '…']),
      ),
    });
    const base = `/${this.tenant}`;
    const json = (status: number, value: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case `${base}/v2.0/.well-known/openid-configuration`:
        return json(200, this.metadata(), { 'access-control-allow-origin': '*' });
      case `${base}/discovery/v2.0/keys`:
        return json(200, publishedKeys(this.jwk!, kid), { 'access-control-allow-origin': '*' });
      case `${base}/oauth2/v2.0/authorize`:
        return method === 'POST' ? this.signedIn(params, res) : this.signInPage(params, res);
      case `${base}/oauth2/v2.0/token`:
        return this.token(req, method, params, res);
      case `${base}/oauth2/v2.0/logout`:
        return this.logout(params, res);
      default:
        return json(404, { error: 'not_found' });
    }
  }

  private metadata() {
    const base = `${this.browserOrigin}/${this.tenant}`;
    return {
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'name', 'preferred_username', 'oid', 'tid'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      request_uri_parameter_supported: false,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
    };
  }

  /** The authorize request's problem, as Entra ID names it; undefined when it is well-formed. */
  private problemOf(params: Record<string, string>): { page: boolean; error: string; description: string } | undefined {
    if (params.client_id !== this.clientId)
      return {
        page: true,
        error: 'unauthorized_client',
        description: `AADSTS700016: Application with identifier '${params.client_id ?? ''}' was not found in the directory.`,
      };
    if (!params.redirect_uri || !this.redirectUris.has(params.redirect_uri))
      return {
        page: true,
        error: 'invalid_request',
        description:
          'AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.',
      };
    if (params.response_type !== 'code')
      return {
        page: false,
        error: 'unsupported_response_type',
        description: 'AADSTS700054: response_type is not enabled for the application.',
      };
    if (!params.code_challenge || params.code_challenge_method !== 'S256')
      return {
        page: false,
        error: 'invalid_request',
        description:
          'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      };
    if (!params.state) return { page: false, error: 'invalid_request', description: 'AADSTS900144: state is missing.' };
    return undefined;
  }

  private redirect(res: ServerResponse, params: Record<string, string>, answer: Record<string, string>): void {
    const joiner = params.response_mode === 'query' ? '?' : '#';
    const values = new URLSearchParams({ ...answer, ...(params.state ? { state: params.state } : {}) });
    res.writeHead(302, {
      location: `${params.redirect_uri}${joiner}${values.toString()}`,
      'cache-control': 'no-store',
    });
    res.end();
  }

  private errorPage(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="nl"><title>Fout</title><main><h1>Aanmelden lukt niet</h1><p>${escape(text)}</p></main></html>`,
    );
  }

  /** GET authorize: the sign-in page (with a consent step for prompt=consent), or the request's error. */
  private signInPage(params: Record<string, string>, res: ServerResponse): void {
    const problem = this.problemOf(params);
    if (problem?.page) return this.errorPage(res, 400, problem.description);
    if (problem) return this.redirect(res, params, { error: problem.error, error_description: problem.description });
    // No session is kept here: a silent request (prompt=none) always needs the person.
    if (params.prompt === 'none')
      return this.redirect(res, params, {
        error: 'login_required',
        error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
      });
    const hidden = Object.entries(params)
      .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
      .join('');
    const consent =
      params.prompt === 'consent'
        ? `<h2>Toestemming</h2><p>AI-wijzer vraagt toegang tot:</p><ul>${(params.scope ?? '')
            .split(' ')
            .filter(Boolean)
            .map((s) => `<li>${escape(s)}</li>`)
            .join('')}</ul>`
        : '';
    const accounts = this.users
      .map(
        (u) =>
          `<button type="submit" name="oid" value="${escape(u.oid)}">${escape(u.name)} (${escape(u.username)})</button>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      `<!doctype html><html lang="nl"><head><title>Aanmelden - lokale Entra ID</title></head><body><main>` +
        `<h1>Aanmelden bij de lokale Entra ID</h1>${consent}` +
        `<form method="post"><fieldset><legend>Kies een account</legend>${hidden}${accounts}</fieldset>` +
        `<button type="submit" name="cancel" value="1">Annuleren</button></form></main></body></html>`,
    );
  }

  /** POST authorize: the person chose an account (and consented) or cancelled; back to the app with a code. */
  private signedIn(params: Record<string, string>, res: ServerResponse): void {
    const problem = this.problemOf(params);
    if (problem?.page) return this.errorPage(res, 400, problem.description);
    if (problem) return this.redirect(res, params, { error: problem.error, error_description: problem.description });
    if (params.cancel)
      return this.redirect(res, params, {
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
      });
    const user = this.users.find((u) => u.oid === params.oid);
    if (!user) return this.errorPage(res, 400, 'AADSTS50034: The user account does not exist in this directory.');
    if (params.prompt === 'consent') this.consented.add(user.oid);
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      user,
      clientId: params.client_id!,
      redirectUri: params.redirect_uri!,
      scopes: (params.scope ?? '').split(' ').filter(Boolean),
      ...(params.nonce ? { nonce: params.nonce } : {}),
      codeChallenge: params.code_challenge!,
      expiresAt: Date.now() + 10 * 60_000,
    });
    this.redirect(res, params, {
      code,
      client_info: clientInfo(user.oid, this.tenant),
      session_state: randomBytes(8).toString('hex'),
    });
  }

  private async token(
    req: IncomingMessage,
    method: string,
    params: Record<string, string>,
    res: ServerResponse,
  ): Promise<void> {
    // CORS as for a SPA registration: the origins of the registered redirect URIs only.
    const origin = req.headers.origin;
    const allowed = [...this.redirectUris].some((u) => new URL(u).origin === origin);
    const cors: Record<string, string> =
      allowed && origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'content-type'),
      });
      return void res.end();
    }
    const send = (status: number, value: object) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...cors,
      });
      res.end(JSON.stringify(value));
    };
    const invalid = (description: string, error = 'invalid_grant') =>
      send(400, {
        error,
        error_description: description,
        error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
      });
    if (method !== 'POST') return send(405, { error: 'invalid_request' });
    if (params.client_id !== this.clientId)
      return invalid(
        `AADSTS700016: Application with identifier '${params.client_id ?? ''}' was not found.`,
        'unauthorized_client',
      );
    if (params.grant_type === 'authorization_code') {
      const grant = this.codes.get(params.code ?? '');
      if (!grant || grant.expiresAt < Date.now())
        return invalid('AADSTS70008: The provided authorization code is expired or was already used.');
      // A code is good once, whatever the outcome.
      this.codes.delete(params.code!);
      if (grant.clientId !== params.client_id) return invalid('AADSTS70002: The client does not match the code.');
      if (grant.redirectUri !== params.redirect_uri)
        return invalid('AADSTS50011: The redirect URI does not match the one of the authorization request.');
      const challenge = createHash('sha256')
        .update(params.code_verifier ?? '')
        .digest('base64url');
      if (!params.code_verifier || challenge !== grant.codeChallenge)
        return invalid(
          'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        );
      return send(200, await this.tokens(grant));
    }
    if (
      params.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      params.requested_token_use === 'on_behalf_of'
    )
      return this.onBehalfOf(params, send, invalid);
    if (params.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(params.refresh_token ?? '');
      if (!grant) return invalid('AADSTS700082: The refresh token has expired or was revoked.');
      return send(200, await this.tokens(grant));
    }
    return invalid('AADSTS70003: The app requested an unsupported grant type.', 'unsupported_grant_type');
  }

  /** Ends every session: the refresh tokens given out no longer work (as after a sign-out elsewhere or a policy). */
  revokeSessions(): void {
    this.refreshTokens.clear();
  }

  /** The server's on-behalf-of grant: a Graph token for a person who consented to the app's Graph permissions. */
  private async onBehalfOf(
    params: Record<string, string>,
    send: (status: number, value: object) => void,
    invalid: (description: string, error?: string) => void,
  ): Promise<void> {
    if (params.client_secret !== this.clientSecret)
      return invalid('AADSTS7000215: Invalid client secret provided.', 'invalid_client');
    let oid: string | undefined;
    try {
      const { payload } = await jwtVerify(params.assertion ?? '', this.publicKey!, {
        audience: this.clientId,
        issuer: this.issuer,
      });
      oid = typeof payload.oid === 'string' ? payload.oid : undefined;
    } catch {
      oid = undefined;
    }
    if (!oid) return invalid('AADSTS50013: Assertion failed signature validation.');
    if (!this.consented.has(oid))
      return send(400, {
        error: 'invalid_grant',
        error_description:
          "AADSTS65001: The user or administrator has not consented to use the application with ID '" +
          this.clientId +
          "'.",
        error_codes: [65001],
        suberror: 'consent_required',
      });
    return send(200, {
      token_type: 'Bearer',
      scope: 'https://graph.microsoft.com/.default',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: `graph:${oid}`,
    });
  }

  /**
   * An access token for AI-wijzer's API as `tokens()` issues it after a sign-in (aud the client id, iss, tid, oid,
   * scp=access_as_user, the user's roles, nbf now, an hour), signed with this authority's key; `change` alters it the
   * way the security tests need (other claims, audience, issuer, times in seconds from now, another signing key).
   */
  async accessToken(user: AuthorityUser, change: AccessTokenChange = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      ver: '2.0',
      tid: this.tenant,
      oid: user.oid,
      azp: this.clientId,
      scp: 'access_as_user',
      ...(user.roles?.length ? { roles: user.roles } : {}),
      ...change.claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setAudience(change.audience ?? this.clientId)
      .setIssuer(change.issuer ?? this.issuer)
      .setSubject(user.oid)
      .setIssuedAt(now + (change.notBefore ?? 0))
      .setNotBefore(now + (change.notBefore ?? 0))
      .setExpirationTime(now + (change.expiresIn ?? this.tokenLifetime))
      .sign(change.key ?? this.privateKey!);
  }

  /** The token response of Entra ID v2: id_token, access token for AI-wijzer's API, refresh token, client_info. */
  private async tokens(grant: Omit<Grant, 'codeChallenge' | 'redirectUri' | 'expiresAt'>) {
    const { user } = grant;
    const apiScopes = grant.scopes.filter((s) => s.endsWith('/access_as_user'));
    const accessToken = await new SignJWT({
      ver: '2.0',
      tid: this.tenant,
      oid: user.oid,
      azp: this.clientId,
      scp: 'access_as_user',
      name: user.name,
      preferred_username: user.username,
      ...(user.roles?.length ? { roles: user.roles } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setAudience(this.clientId)
      .setIssuer(this.issuer)
      .setSubject(user.oid)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${this.tokenLifetime}s`)
      .sign(this.privateKey!);
    const idToken = await new SignJWT({
      ver: '2.0',
      tid: this.tenant,
      oid: user.oid,
      name: user.name,
      preferred_username: user.username,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setAudience(this.clientId)
      .setIssuer(this.issuer)
      .setSubject(user.oid)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('1h')
      .sign(this.privateKey!);
    const refreshToken = randomBytes(32).toString('base64url');
    this.refreshTokens.set(refreshToken, { user, clientId: grant.clientId, scopes: grant.scopes });
    return {
      token_type: 'Bearer',
      scope: apiScopes.join(' '),
      expires_in: this.tokenLifetime,
      ext_expires_in: this.tokenLifetime,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: clientInfo(user.oid, this.tenant),
    };
  }

  /** GET logout: the session ends (none is kept here) and the browser goes back to a registered address. */
  private logout(params: Record<string, string>, res: ServerResponse): void {
    const back = params.post_logout_redirect_uri;
    if (back && this.redirectUris.has(back)) {
      res.writeHead(302, { location: back, 'cache-control': 'no-store' });
      return void res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="nl"><title>Afgemeld</title><main><h1>Je bent afgemeld</h1></main></html>');
  }
}

/** Entra ID's client_info: base64url of {"uid": oid, "utid": tenant}, from which msal builds the account id. */
function clientInfo(oid: string, tenant: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tenant })).toString('base64url');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
