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
