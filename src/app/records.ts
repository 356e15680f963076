import { verifyChain, type ChainCheck, type CheckRecord, type CheckRecordStore } from '../quickcheck/index.js';

/** The audit record of the checks, for the AI and privacy officers (ai-wijzer audit). */
export interface RecordsService {
  verify(): Promise<ChainCheck>;
  all(): AsyncIterable<CheckRecord>;
}

export function recordsService(records: CheckRecordStore): RecordsService {
  return {
    verify: async () => verifyChain(records.all(), await records.head()),
    all: () => records.all(),
  };
}
