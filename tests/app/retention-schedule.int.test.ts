import { setTimeout as sleep } from 'node:timers/promises';
import { jest } from '@jest/globals';
import { pino } from 'pino';
import { createApplication } from '../../src/app/index.js';
import { startRetentionSchedule } from '../../src/app/retention-schedule.js';
import { loadConfig } from '../../src/config.js';
import { openTestStore } from '../helpers/store.js';
import { daysAgo, rowCount, seedFeedback } from './privacy-rows.js';

// A new in-memory PGlite runs initdb and the migrations: seconds, and far more on a loaded machine (CI once took
// over 30 s for this file while a benchmark ran beside it).
jest.setTimeout(90_000);

/** Waits until `done` holds, or fails after `ms`. */
async function until(done: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

describe('the scheduled clean-up', () => {
  it('runs at start and again on every interval until stopped, and logs counts only', async () => {
    const store = await openTestStore('pglite');
    const lines: { msg: string; retention?: Record<string, number> }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    try {
      const app = createApplication({ config: loadConfig({ DATA_DIR: 'memory://' }), store, logger });
      await seedFeedback(store, daysAgo(400), 'de vraag van Jan Jansen');
      const schedule = startRetentionSchedule(app.privacy, 100, logger);
      await until(async () => (await rowCount(store, 'vision_feedback')) === 0);
      // Something past its period arriving later goes at a later run.
      await seedFeedback(store, daysAgo(400));
      await until(async () => (await rowCount(store, 'vision_feedback')) === 0);
      await schedule.stop();
      await seedFeedback(store, daysAgo(400));
      await sleep(400);
      expect(await rowCount(store, 'vision_feedback')).toBe(1);
      const runs = lines.filter((l) => l.msg === 'retention clean-up done');
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.reduce((n, l) => n + (l.retention?.feedback ?? 0), 0)).toBe(2);
      expect(JSON.stringify(lines)).not.toContain('Jansen');
    } finally {
      await store.dispose();
    }
  });

  it('logs a failed run without stopping: the next run tries again', async () => {
    const lines: { msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    let calls = 0;
    const privacy = {
      cleanup: async () => {
        calls++;
        if (calls === 1) throw new Error('database weg bij "Jan Jansen"');
        return {
          cutoffs: {},
          checksErased: 0,
          checksSkipped: 0,
          scanReports: 0,
          scanJobs: 0,
          driveStates: 0,
          feedback: 0,
          botState: 0,
        };
      },
    } as unknown as Parameters<typeof startRetentionSchedule>[0];
    const schedule = startRetentionSchedule(privacy, 50, logger);
    await until(async () => lines.some((l) => l.msg === 'retention clean-up done'));
    await schedule.stop();
    expect(lines[0]!.msg).toBe('retention clean-up failed');
    expect(JSON.stringify(lines)).not.toContain('Jansen');
  });
});
