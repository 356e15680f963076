import { createHmac } from 'node:crypto';

/**
 * The only name AI-wijzer keeps for a person: an HMAC of who they are (tenant and object id, or a local user),
 * so that someone's own records can be found while the records name no one.
 */
export function pseudonymFor(secret: string, subject: string): string {
  return createHmac('sha256', secret).update(subject).digest('hex').slice(0, 32);
}
