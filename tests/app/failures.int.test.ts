import { Writable } from 'node:stream';
import { pino } from 'pino';
import { AppError, createApplication } from '../../src/app/index.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/index.js';
import { baseCase } from '../quickcheck/cases.js';

/** A logger whose lines the test reads back. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

/** An application on a real database that has gone away (closed under it). */
async function appWithLostDatabase() {
  const store = await openStore({ dataDir: 'memory://' });
  const captured = capturedLogger();
  const app = createApplication({
    config: loadConfig({ ASK_STORE_QUESTION_TEXT: 'true' }),
    store,
    logger: captured.logger,
  });
  await store.close();
  return { app, ...captured };
}

describe('failure handling in the application layer, once for every surface', () => {
  it('still answers when what the vision could not answer cannot be kept, and logs why without the question', async () => {
    const { app, lines } = await appWithLostDatabase();
    const question = 'Hoe verleng ik mijn rijbewijs bij de gemeente?';
    const result = await app.frontDoor.ask({ question }, 'nl');
    expect(result.outcome).toBe('abstain');
    const warning = lines.find((l) => l.msg === 'unanswered question not stored');
    expect(warning).toBeDefined();
    expect(JSON.stringify(lines)).not.toContain('rijbewijs');
  });

  it('gives no verdict when the check cannot be recorded: the person is told nothing was recorded', async () => {
    const { app, lines } = await appWithLostDatabase();
    const run = app.checks.run({ pseudonym: 'p-1' }, baseCase, 'nl');
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toMatchObject({ kind: 'unavailable', code: 'store_unavailable' });
    await expect(run).rejects.toHaveProperty('messages.nl', expect.stringContaining('Er is niets vastgelegd'));
    expect(lines.some((l) => l.msg === 'check not recorded')).toBe(true);
  });

  it("refuses a case that does not validate before touching the database, with the field in the caller's language", async () => {
    const { app } = await appWithLostDatabase();
    const run = app.checks.run({ pseudonym: 'p-1' }, { ...baseCase, task: 'brieven' }, 'en');
    await expect(run).rejects.toMatchObject({
      kind: 'invalid',
      problems: [expect.objectContaining({ field: 'task' })],
    });
  });
});
