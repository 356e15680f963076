import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A delegated scan's Graph token, sealed with AES-256-GCM under a key derived from the job-credential key
 * (JOB_CREDENTIAL_KEY, never the pseudonym secret), so a job in the database can be finished by another instance
 * without the token lying there readable. It carries its expiry: a token past it is not used. A token sealed under
 * another key does not open (undefined): the job fails with `credential_unreadable`.
 */
function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'ai-wijzer', 'scan-job-credential', 32));
}

export function sealCredential(secret: string, token: string, expiresAt: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ token, expiresAt })), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function openCredential(secret: string, sealed: string): { token: string; expiresAt: number } | undefined {
  try {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv!);
    decipher.setAuthTag(tag!);
    const plain = Buffer.concat([decipher.update(body!), decipher.final()]).toString();
    return JSON.parse(plain) as { token: string; expiresAt: number };
  } catch {
    return undefined;
  }
}

/**
 * What a delegated job seals as its token: the Graph token, its own expiry, and the user's assertion (the tab's
 * SSO token) that lets the worker renew the Graph token on the user's behalf while the assertion is valid. Its
 * `expiresAt` is the later of the two expiries: until then the job can still get a token.
 */
export function packJobToken(graph: { token: string; expiresAt: number }, assertion: string | undefined) {
  const assertionExpiresAt = assertion ? jwtExpiry(assertion) : undefined;
  if (!assertion || assertionExpiresAt === undefined) return graph;
  return {
    token: JSON.stringify({ graph: graph.token, graphExpiresAt: graph.expiresAt, assertion }),
    expiresAt: Math.max(graph.expiresAt, assertionExpiresAt),
  };
}

/** A sealed job token back into its parts; a plain Graph token (no assertion to renew with) stays as it is. */
export function unpackJobToken(
  sealed: string,
  expiresAt: number,
): { token: string; expiresAt: number; assertion?: string } {
  try {
    const parsed = JSON.parse(sealed) as { graph?: unknown; graphExpiresAt?: unknown; assertion?: unknown };
    if (
      typeof parsed.graph === 'string' &&
      typeof parsed.graphExpiresAt === 'number' &&
      typeof parsed.assertion === 'string'
    )
      return { token: parsed.graph, expiresAt: parsed.graphExpiresAt, assertion: parsed.assertion };
  } catch {
    // not packed
  }
  return { token: sealed, expiresAt };
}

/** The exp claim of a JWT in ms (read, not verified: the server verified it when it came in). */
function jwtExpiry(jwt: string): number | undefined {
  try {
    const exp = (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
