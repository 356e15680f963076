import {
  readSignedHead,
  signHead,
  verifyChain,
  type ChainCheck,
  type ChainRecord,
  type CheckRecordStore,
  type HeadReading,
  type SignedHead,
} from '../quickcheck/index.js';

/** The audit record of the checks, for the AI and privacy officers (ai-wijzer audit). */
export interface RecordsService {
  /** The chain checked under AUDIT_KEY; with a signed head (checked first), the chain must still hold it. */
  verify(options?: { head?: SignedHead }): Promise<ChainCheck>;
  /** Reads an exported head and checks its signature with AUDIT_KEY. */
  readHead(text: string): HeadReading;
  /** The current head signed with AUDIT_KEY, only when the chain up to it verifies: a broken chain is never signed. */
  signedHead(): Promise<{ ok: true; head: SignedHead; check: ChainCheck } | { ok: false; check: ChainCheck }>;
  all(): AsyncIterable<ChainRecord>;
}

export function recordsService(records: CheckRecordStore, key: string): RecordsService {
  return {
    async verify(options = {}) {
      const anchor = options.head && {
        seq: options.head.seq,
        hash: options.head.hash,
        exportedAt: options.head.exportedAt,
      };
      return verifyChain(records.all(), await records.head(), { key, ...(anchor ? { anchor } : {}) });
    },
    readHead: (text) => readSignedHead(text, key),
    async signedHead() {
      const head = await records.head();
      const check = await verifyChain(records.all(), head, { key });
      // The head read before the walk: records appended meanwhile come after it, and the chain up to it verified.
      if (!check.ok) return { ok: false, check };
      return {
        ok: true,
        check,
        head: signHead(key, { seq: head.seq, hash: head.hash, recordedAt: head.recordedAt ?? null }),
      };
    },
    all: () => records.all(),
  };
}
