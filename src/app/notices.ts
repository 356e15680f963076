import { errorForLog, type Logger } from '../log.js';
import type { ConversationReferences, StoredReference } from '../store/repositories/conversation-references.js';
import type { Caller } from './caller.js';
import type { ScanFinished, ScanService } from './scans.js';

export type { StoredReference };

/**
 * Telling a person something later, where they talk to AI-wijzer: their personal chat's conversation reference is
 * kept in the database (any instance can send; a restart loses nothing), and when a scan they started ends, the
 * sender the bot registers gets that reference and what to say.
 */
export interface NoticeService {
  /** Keeps where the caller can be reached (best effort: a failed write is logged, the turn goes on). */
  remember(caller: Caller, reference: StoredReference): Promise<void>;
  /** Registers how a notice is sent (the bot's proactive message); a person without a kept reference is not told. */
  onScanFinished(send: (reference: StoredReference, finished: ScanFinished) => Promise<void>): void;
}

export function noticeService(deps: {
  references: ConversationReferences;
  scans: Pick<ScanService, 'onFinished'>;
  logger: Logger;
}): NoticeService {
  const { references, scans, logger } = deps;
  // What this instance last wrote per person: a turn whose reference did not change writes nothing (most turns).
  const written = new Map<string, string>();
  return {
    async remember(caller, reference) {
      const json = JSON.stringify(reference);
      if (written.get(caller.pseudonym) === json) return;
      try {
        await references.remember(caller.pseudonym, reference);
        if (written.size >= 10_000) written.clear();
        written.set(caller.pseudonym, json);
      } catch (error) {
        logger.warn({ err: errorForLog(error) }, 'conversation reference not kept');
      }
    },
    onScanFinished(send) {
      scans.onFinished(async (finished) => {
        const reference = await references.find(finished.owner);
        if (!reference) {
          logger.info({ job: finished.jobId }, 'scan finished; no conversation to tell');
          return;
        }
        await send(reference, finished);
        logger.info({ job: finished.jobId, status: finished.status }, 'scan notice sent');
      });
    },
  };
}
