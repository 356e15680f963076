import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { auditKeyId, canonicalJson, sameMac } from './record.js';

/**
 * The chain's head signed with AUDIT_KEY, to keep outside the database (`ai-wijzer audit head --out`). Checked later
 * (`audit verify --head`), the chain must still hold that hash at that seq: a history cut short, or rewritten and
 * recomputed (which needs the key), shows even when the database's own head was moved along with it.
 */
export const signedHeadSchema = z
  .object({
    format: z.literal('ai-wijzer/audit-head'),
    version: z.literal(1),
    seq: z.number().int().min(0),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** When the head record was recorded; null for an empty chain. */
    recordedAt: z.iso.datetime().nullable(),
    exportedAt: z.iso.datetime(),
    /** Which key signed it (auditKeyId), so that another key is named as such. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type SignedHead = z.infer<typeof signedHeadSchema>;

function macOf(key: string, head: Omit<SignedHead, 'mac'>): string {
  return createHmac('sha256', key).update(canonicalJson(head)).digest('hex');
}

export function signHead(
  key: string,
  head: { seq: number; hash: string; recordedAt: string | null },
  now: Date = new Date(),
): SignedHead {
  const unsigned = {
    format: 'ai-wijzer/audit-head' as const,
    version: 1 as const,
    seq: head.seq,
    hash: head.hash,
    recordedAt: head.recordedAt,
    exportedAt: now.toISOString(),
    keyId: auditKeyId(key),
  };
  return { ...unsigned, mac: macOf(key, unsigned) };
}

export type HeadReading =
  | { ok: true; head: SignedHead }
  | { ok: false; problem: 'invalid' | 'wrong-key' | 'forged'; message: { nl: string; en: string } };

/** Reads an exported head and checks its signature with key. */
export function readSignedHead(text: string, key: string): HeadReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: 'invalid',
      message: { nl: 'het kopbestand is geen JSON', en: 'the head file is not JSON' },
    };
  }
  const parsed = signedHeadSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(bestand)'))].join(', ');
    return {
      ok: false,
      problem: 'invalid',
      message: {
        nl: `het kopbestand is geen kop van ai-wijzer audit head (veld ${fields})`,
        en: `the head file is not a head of ai-wijzer audit head (field ${fields})`,
      },
    };
  }
  const { mac, ...unsigned } = parsed.data;
  if (unsigned.keyId !== auditKeyId(key))
    return {
      ok: false,
      problem: 'wrong-key',
      message: {
        nl: 'de kop is ondertekend met een andere sleutel dan AUDIT_KEY',
        en: 'the head was signed with another key than AUDIT_KEY',
      },
    };
  if (!sameMac(mac, macOf(key, unsigned)))
    return {
      ok: false,
      problem: 'forged',
      message: {
        nl: 'de handtekening van de kop klopt niet: het bestand is gewijzigd',
        en: 'the signature of the head does not match: the file was changed',
      },
    };
  return { ok: true, head: parsed.data };
}
