import { join } from 'node:path';
import { figureCounts } from '../../src/store/repositories/figures.js';
import { quickcheckRecordStore } from '../../src/store/repositories/quickcheck.js';
import { storeKinds } from '../helpers/store.js';
import { auditKey, freshDatabase } from '../quickcheck/records.js';
import {
  checkAt,
  daysAgo,
  rowCount,
  seedBotState,
  seedDrive,
  seedFeedback,
  seedJob,
  seedScan,
} from './privacy-rows.js';

interface RecordRow extends Record<string, unknown> {
  seq: number;
  who: string | null;
  check_case: unknown;
  result: unknown;
  verdict: string;
  erased_at: unknown;
}

describe.each(storeKinds)('the retention clean-up on %s', (kind) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const rows = () =>
    db.store.query<RecordRow>(
      'select seq, who, check_case, result, verdict, erased_at from quickcheck_records order by seq',
    );

  beforeEach(async () => {
    db = await freshDatabase(kind);
    await checkAt(db.store, 'oud', daysAgo(800), 'brief aan Jan Jansen (BSN 123456782) samenvatten');
    await checkAt(db.store, 'nieuw', daysAgo(10));
    await checkAt(db.store, 'oud', daysAgo(731));
    await checkAt(db.store, 'nieuw', daysAgo(1));
  });
  afterEach(async () => db.dispose());

  it('erases the personal part of checks past RETENTION_CHECKS_DAYS; audit verify stays whole, also against a head exported before', async () => {
    const head = join(db.env.DATA_DIR!, 'kop.json');
    expect((await db.cli(['audit', 'head', '--out', head])).code).toBe(0);
    const before = await rows();

    const cleanup = await db.cli(['privacy', 'cleanup', '--json']);
    expect(cleanup.code).toBe(0);
    expect(JSON.parse(cleanup.stdout)).toMatchObject({ checksErased: 2, checksSkipped: 0 });

    const after = await rows();
    expect(after.map((r) => [r.seq, r.who, r.check_case === null, r.result === null, r.erased_at !== null])).toEqual([
      [1, null, true, true, true],
      [2, 'nieuw', false, false, false],
      [3, null, true, true, true],
      [4, 'nieuw', false, false, false],
    ]);
    // What the chain needs stays: the verdict, and every record still in its place.
    expect(after.map((r) => r.verdict)).toEqual(before.map((r) => r.verdict));
    expect(JSON.stringify(after)).not.toContain('Jansen');
    expect(await quickcheckRecordStore(db.store, { key: auditKey }).listFor('oud', { limit: 10 })).toEqual([]);
    // The admins' figures still count an erased check per verdict, no longer per tool (it no longer says which).
    const figures = await figureCounts(db.store);
    expect(figures.checksPerVerdict.reduce((n, v) => n + v.count, 0)).toBe(4);
    expect(figures.checksPerTool.reduce((n, t) => n + t.count, 0)).toBe(2);

    expect(await db.cli(['audit', 'verify'])).toMatchObject({
      code: 0,
      stdout: 'De keten is heel: 4 records gecontroleerd.\n',
    });
    expect((await db.cli(['audit', 'verify', '--head', head])).code).toBe(0);
    const csv = (await db.cli(['audit', 'export'])).stdout.trim().split('\r\n');
    expect(csv[1]).toMatch(/^1;[^;]+;;;;;;[a-z-]+;;[^;]+;[^;]+;[0-9a-f]{64};\d{4}-\d\d-\d\dT/);
    expect(csv[2]).toContain(';nieuw;');

    // Once is enough: a second run finds nothing left to erase.
    expect(JSON.parse((await db.cli(['privacy', 'cleanup', '--json'])).stdout)).toMatchObject({ checksErased: 0 });
    expect((await db.cli(['privacy', 'cleanup', '--lang', 'en'])).stdout).toContain(
      '0 erased to tombstones (the audit chain stays whole)',
    );
  });

  it('still detects tampering: a tombstone made without AUDIT_KEY, a kept field of a tombstone changed, a remaining record changed', async () => {
    expect((await db.cli(['privacy', 'cleanup'])).code).toBe(0);
    const [kept] = await db.store.query<{ check_case: unknown }>(
      'select check_case from quickcheck_records where seq = 4',
    );
    await db.store.query('alter table quickcheck_records disable rule quickcheck_records_no_update');
    await db.store.query(
      "update quickcheck_records set check_case = jsonb_set(check_case, '{purpose}', '\"iets anders\"') where seq = 4",
    );
    expect(JSON.parse((await db.cli(['audit', 'verify', '--json'])).stdout)).toMatchObject({
      ok: false,
      seq: 4,
      problem: 'changed',
    });
    await db.store.query('update quickcheck_records set check_case = $1 where seq = 4', [
      JSON.stringify(kept!.check_case),
    ]);
    expect((await db.cli(['audit', 'verify'])).code).toBe(0);
    await db.store.query('alter table quickcheck_records enable rule quickcheck_records_no_update');

    // The table lets an erasure through (it cannot check a MAC); one made without the key shows.
    await db.store.query(
      "update quickcheck_records set who = null, check_case = null, result = null, erased_at = now(), erasure_mac = 'vervalst' where seq = 2",
    );
    const forged = await db.cli(['audit', 'verify']);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('record 2 is gewijzigd (het staat als gewist, maar niet met AUDIT_KEY');

    await db.store.query('alter table quickcheck_records disable rule quickcheck_records_no_update');
    await db.store.query(
      'update quickcheck_records set erasure_mac = (select erasure_mac from quickcheck_records where seq = 1) where seq = 2',
    );
    expect(JSON.parse((await db.cli(['audit', 'verify', '--json'])).stdout)).toMatchObject({ ok: false, seq: 2 });

    await db.store.query("update quickcheck_records set verdict = 'prohibited' where seq = 1");
    expect(JSON.parse((await db.cli(['audit', 'verify', '--json'])).stdout)).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'changed',
    });
  });

  it('leaves a changed record past its period as it is, for audit verify to name, and exits 1', async () => {
    await db.store.query('alter table quickcheck_records disable rule quickcheck_records_no_update');
    await db.store.query("update quickcheck_records set verdict = 'veranderd' where seq = 3");
    await db.store.query('alter table quickcheck_records enable rule quickcheck_records_no_update');
    const cleanup = await db.cli(['privacy', 'cleanup']);
    expect(cleanup.code).toBe(1);
    expect(cleanup.stdout).toContain('1 checks zijn niet gewist: hun hash klopt niet (draai ai-wijzer audit verify).');
    expect((await rows()).map((r) => r.who)).toEqual([null, 'nieuw', 'oud', 'nieuw']);
    expect(JSON.parse((await db.cli(['audit', 'verify', '--json'])).stdout)).toMatchObject({ ok: false, seq: 3 });
  });

  it('lets no other update or delete through: a tombstone or a record stays as it was', async () => {
    expect((await db.cli(['privacy', 'cleanup'])).code).toBe(0);
    const before = await rows();
    await db.store.query("update quickcheck_records set verdict = 'allowed'");
    await db.store.query("update quickcheck_records set who = 'iemand anders' where seq = 1");
    await db.store.query('update quickcheck_records set erased_at = null where seq = 1');
    await db.store.query('update quickcheck_records set who = null where seq = 2');
    await db.store.query('delete from quickcheck_records');
    expect(await rows()).toEqual(before);
  });

  it('removes scans, finished jobs, drive states, feedback and bot state past their retention; open jobs and newer rows stay', async () => {
    await seedScan(db.store, 'p', 'graph:drive:oud', daysAgo(400));
    await seedScan(db.store, 'p', 'graph:drive:nieuw', daysAgo(30));
    await seedJob(db.store, 'p', 'done', daysAgo(400), 'oud');
    await seedJob(db.store, 'p', 'queued', daysAgo(400), 'open');
    await seedJob(db.store, 'p', 'failed', daysAgo(2), 'nieuw');
    await seedDrive(db.store, 'p|drive-oud|root', daysAgo(400));
    await seedDrive(db.store, 'p|drive-nieuw|root', daysAgo(3));
    await seedFeedback(db.store, daysAgo(200));
    await seedFeedback(db.store, daysAgo(20));
    await seedBotState(db.store, 'msteams/conversations/oud', { greeted: true }, daysAgo(40));
    await seedBotState(db.store, 'msteams/conversations/nieuw', { greeted: true }, daysAgo(5));

    const result = await db.cli(['privacy', 'cleanup', '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      scanReports: 1,
      scanJobs: 1,
      driveStates: 1,
      feedback: 1,
      botState: 1,
    });
    expect(await db.store.query('select source_key from housekeeping_scans')).toEqual([
      { source_key: 'graph:drive:nieuw' },
    ]);
    expect(
      (await db.store.query<{ target_id: string }>('select target_id from scan_jobs order by target_id')).map(
        (r) => r.target_id,
      ),
    ).toEqual(['nieuw', 'open']);
    expect(await db.store.query('select key from graph_drive_state')).toEqual([{ key: 'p|drive-nieuw|root' }]);
    expect(await rowCount(db.store, 'vision_feedback')).toBe(1);
    expect(await db.store.query('select key from bot_state')).toEqual([{ key: 'msteams/conversations/nieuw' }]);
  });

  it('keeps a kind without end at retention 0, and reads the periods from the environment', async () => {
    await seedFeedback(db.store, daysAgo(2000));
    await seedScan(db.store, 'p', 'graph:drive:oud', daysAgo(50));
    const kept = await db.cli(['privacy', 'cleanup', '--json'], {
      RETENTION_CHECKS_DAYS: '0',
      RETENTION_FEEDBACK_DAYS: '0',
      RETENTION_SCANS_DAYS: '40',
    });
    expect(JSON.parse(kept.stdout)).toMatchObject({ checksErased: 0, feedback: 0, scanReports: 1 });
    expect(JSON.parse(kept.stdout).cutoffs).not.toHaveProperty('checks');
    expect(await rowCount(db.store, 'vision_feedback')).toBe(1);
    expect((await rows()).every((r) => r.who !== null)).toBe(true);
  });

  it('refuses a wrong retention setting with exit 2, naming it, and changes nothing', async () => {
    for (const [name, value, message] of [
      ['RETENTION_CHECKS_DAYS', '-1', 'moet 0 (niet opschonen) of meer dagen zijn'],
      ['RETENTION_SCANS_DAYS', 'een jaar', 'moet een aantal dagen zijn'],
      ['RETENTION_FEEDBACK_DAYS', '1.5', 'moet een geheel aantal dagen zijn'],
      ['RETENTION_CLEANUP_MINUTES', '99999', 'mag hoogstens 10080 minuten'],
    ] as const) {
      const result = await db.cli(['privacy', 'cleanup'], { [name]: value });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${name}: ${message}`);
    }
    expect((await rows()).every((r) => r.who !== null)).toBe(true);
  });
});
