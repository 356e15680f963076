import { parse } from 'yaml';
import { visionFeedbackStore } from '../../src/store/repositories/vision.js';
import { examplesSchema } from '../../src/vision/index.js';
import { runCaptured } from '../helpers/cli.js';
import { freshDatabase } from '../helpers/database.js';
import { storeKinds } from '../helpers/store.js';

describe.each(storeKinds)('ai-wijzer feedback on %s', (kind) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase(kind);
    const repo = visionFeedbackStore(db.store);
    await repo.record({
      kind: 'unanswered',
      outcome: 'suggest',
      sectionId: 'privacy',
      question: 'Wat doen we met BSN-nummers?',
      language: 'nl',
      visionVersion: '2025.1',
    });
    await repo.record({ kind: 'feedback', helpful: false, sectionId: 'privacy', visionVersion: '2025.1' });
    await repo.record({ kind: 'unanswered', outcome: 'abstain', language: 'nl', visionVersion: '2025.1' });
    await repo.record({
      kind: 'chosen',
      sectionId: 'privacy',
      question: 'Wat doen we met BSN-nummers?',
      language: 'nl',
      visionVersion: '2025.1',
    });
    await db.release();
  });
  afterAll(async () => {
    await db.reopen();
    await db.dispose();
  });

  it('lists per section what the vision misses, with the stored question texts, in Dutch', async () => {
    const { code, stdout } = await runCaptured(['feedback'], { ...db.env, LOG_LEVEL: 'silent' });
    expect(code).toBe(0);
    expect(stdout).toContain('4 meldingen');
    expect(stdout).toContain(
      'Privacy (privacy): 1× alleen voorgesteld, 1× niet behulpzaam, 1× gekozen uit de suggesties',
    );
    expect(stdout).toContain(
      '  gevraagd door wie dit onderdeel koos (voorbeeldvragen voor dit onderdeel):\n    - Wat doen we met BSN-nummers?',
    );
    expect(stdout).toContain('    - Wat doen we met BSN-nummers?');
    expect(stdout).toContain('Zonder onderdeel (niet in de visie gevonden): 1× geen antwoord');
    expect(stdout.indexOf('Privacy (privacy)')).toBeLessThan(stdout.indexOf('Zonder onderdeel'));
  });

  it('prints one JSON object with --json and honours --limit', async () => {
    const { code, stdout } = await runCaptured(['feedback', '--json', '--limit', '1'], {
      ...db.env,
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.records).toBe(1);
    expect(summary.sections).toHaveLength(1);
  });

  it('writes the questions of users who chose a section as an example-question file with --voorbeeldvragen', async () => {
    const { code, stdout, stderr } = await runCaptured(['feedback', '--voorbeeldvragen', 'nl'], {
      ...db.env,
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Nieuwe voorbeeldvragen uit gebruik/);
    const file = examplesSchema.parse(parse(stdout));
    expect(file).toMatchObject({ version: 1, language: 'nl', sections: { privacy: ['Wat doen we met BSN-nummers?'] } });
    expect(stderr).toBe('1 nieuwe voorbeeldvragen.\n');
    const english = await runCaptured(['feedback', '--voorbeeldvragen', 'en'], { ...db.env, LOG_LEVEL: 'silent' });
    expect(examplesSchema.parse(parse(english.stdout)).sections).toEqual({});
    expect(english.stderr).toMatch(/^Nog geen nieuwe vragen/);
    const wrong = await runCaptured(['feedback', '--voorbeeldvragen', 'de'], { ...db.env, LOG_LEVEL: 'silent' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--voorbeeldvragen: moet nl of en zijn');
  });

  it('refuses a limit that is not a number, in Dutch, with exit code 2', async () => {
    const { code, stderr } = await runCaptured(['feedback', '--limit', 'veel'], { ...db.env, LOG_LEVEL: 'silent' });
    expect(code).toBe(2);
    expect(stderr).toContain('--limit: moet een getal zijn');
  });
});
