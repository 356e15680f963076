import { errorForLog, type Logger } from '../log.js';
import type { PrivacyService } from './privacy.js';

/** The server's clean-up on a timer: `stop` ends it and waits for a run in progress. */
export interface RetentionSchedule {
  stop(): Promise<void>;
}

/**
 * Runs `privacy.cleanup` at once and then every `intervalMs` (RETENTION_CLEANUP_MINUTES), one run at a time; a run
 * that fails is logged (without personal data) and the next one tries again. The timer does not keep the process
 * alive. Several instances may each run it: the clean-up is idempotent.
 */
export function startRetentionSchedule(privacy: PrivacyService, intervalMs: number, logger: Logger): RetentionSchedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (stopped || running) return;
    running = privacy
      .cleanup()
      .then((result) => {
        const { cutoffs: _cutoffs, ...counts } = result;
        logger.info({ retention: counts }, 'retention clean-up done');
      })
      .catch((error: unknown) => logger.error({ err: errorForLog(error) }, 'retention clean-up failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
