import { createPublicKey } from 'node:crypto';
import { generateKeyPair, SignJWT, type JWK } from 'jose';
import type { AuthorityUser, LocalAuthority } from './local-authority.js';

const otherTenant = '11111111-1111-4111-8111-111111111111';

/** A JWT's parts as base64url JSON, the way an attacker writes one by hand. */
function handMade(header: object, payload: object, signature = ''): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}

/** The claims a valid token of `authority` carries for `user` (as `accessToken` signs them). */
function claimsOf(authority: LocalAuthority, user: AuthorityUser) {
  const now = Math.floor(Date.now() / 1000);
  return {
    ver: '2.0',
    aud: authority.clientId,
    iss: authority.issuer,
    sub: user.oid,
    tid: authority.tenant,
    oid: user.oid,
    scp: 'access_as_user',
    ...(user.roles?.length ? { roles: user.roles } : {}),
    iat: now,
    nbf: now,
    exp: now + 3600,
  };
}

/** One way a bearer token is wrong: what the test calls it, and the Authorization header it sends (none: absent). */
export interface RefusedToken {
  name: string;
  header(authority: LocalAuthority, user: AuthorityUser): Promise<string | undefined>;
}

let forger: Promise<CryptoKey> | undefined;
/** A key the authority never published (one per process: generating RSA keys takes a while). */
const otherKey = () => (forger ??= generateKeyPair('RS256').then((pair) => pair.privateKey as CryptoKey));

/**
 * Every way the tab's SSO token can be wrong that the API must refuse with 401, each built for the same user (with
 * their roles) as the valid token, so that only the one flaw differs. Times are beyond the server's 60 s tolerance.
 */
export const refusedTokens: readonly RefusedToken[] = [
  { name: 'no token', header: async () => undefined },
  {
    name: 'an expired token',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { notBefore: -3600, expiresIn: -600 })}`,
  },
  {
    name: 'a token not yet valid (nbf in ten minutes)',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { notBefore: 600, expiresIn: 4200 })}`,
  },
  {
    name: 'a token signed with another key',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { key: await otherKey() })}`,
  },
  {
    name: 'an unsigned token (alg none)',
    header: async (a, u) =>
      `Bearer ${handMade({ alg: 'none', typ: 'JWT', kid: 'local-authority-key' }, claimsOf(a, u))}`,
  },
  {
    // The classic confusion: HS256 with the published RSA public key as the shared secret.
    name: 'a token signed HS256 with the public key as secret',
    header: async (a, u) => {
      const res = await fetch(`${a.url}/${a.tenant}/discovery/v2.0/keys`);
      const { keys } = (await res.json()) as { keys: JWK[] };
      const pem = createPublicKey({ key: keys[0]! as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      const token = await new SignJWT(claimsOf(a, u))
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'local-authority-key' })
        .sign(new TextEncoder().encode(String(pem)));
      return `Bearer ${token}`;
    },
  },
  {
    name: 'a token for another audience',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { audience: 'api://elders.example/abc' })}`,
  },
  {
    name: 'a token of another issuer',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { issuer: 'https://login.example/evil/v2.0' })}`,
  },
  {
    name: 'a token of another tenant (tid)',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { claims: { tid: otherTenant } })}`,
  },
  {
    name: 'a token without the scope access_as_user',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { claims: { scp: 'User.Read' } })}`,
  },
  {
    name: 'a token without an object id (oid)',
    header: async (a, u) => `Bearer ${await a.accessToken(u, { claims: { oid: undefined } })}`,
  },
  { name: 'a bearer that is no JWT', header: async () => 'Bearer niet-een-token' },
];
