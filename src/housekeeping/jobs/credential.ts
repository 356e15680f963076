import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

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
 * How long after its start a delegated job may renew its Graph token with the refresh token Entra ID gave: a day.
 * Entra ID's refresh tokens live far longer; a scan job that has not run within a day should be asked for again.
 */
export const refreshWindowMs = 24 * 3_600_000;

/**
 * What a delegated job seals as its token: the Graph token, its own expiry, the user's assertion (the tab's SSO
 * token) and, when Entra ID gave one, the refresh token of the on-behalf-of answer, which let the worker renew the
 * Graph token on the user's behalf (the refresh token also after the assertion expired, and after a restart). Its
 * `expiresAt` is the latest moment the job can still get a token: the later of the two expiries, or with a refresh
 * token `refreshWindowMs` from now.
 */
export function packJobToken(
  graph: { token: string; expiresAt: number; refreshToken?: string },
  assertion: string | undefined,
  now = Date.now(),
) {
  const assertionExpiresAt = assertion ? jwtExpiry(assertion) : undefined;
  if (!assertion || assertionExpiresAt === undefined) return { token: graph.token, expiresAt: graph.expiresAt };
  const { refreshToken } = graph;
  return {
    token: JSON.stringify({
      graph: graph.token,
      graphExpiresAt: graph.expiresAt,
      assertion,
      ...(refreshToken ? { refreshToken } : {}),
    }),
    expiresAt: Math.max(graph.expiresAt, assertionExpiresAt, refreshToken ? now + refreshWindowMs : 0),
  };
}

const packedSchema = z.object({
  graph: z.string(),
  graphExpiresAt: z.number(),
  assertion: z.string(),
  refreshToken: z.string().optional(),
});

/** A sealed job token back into its parts; a plain Graph token (no assertion to renew with) stays as it is. */
export function unpackJobToken(
  sealed: string,
  expiresAt: number,
): { token: string; expiresAt: number; assertion?: string; refreshToken?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(sealed);
  } catch {
    return { token: sealed, expiresAt };
  }
  const packed = packedSchema.safeParse(parsed);
  if (!packed.success) return { token: sealed, expiresAt };
  const { graph, graphExpiresAt, assertion, refreshToken } = packed.data;
  return { token: graph, expiresAt: graphExpiresAt, assertion, ...(refreshToken ? { refreshToken } : {}) };
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
