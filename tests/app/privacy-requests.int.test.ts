import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { pseudonymFor } from '../../src/pseudonym.js';
import { storeKinds } from '../helpers/store.js';
import { freshDatabase } from '../quickcheck/records.js';
import { checkAt, daysAgo, rowCount, seedBotState, seedDrive, seedJob, seedScan } from './privacy-rows.js';

const secret = loadConfig({}).PSEUDONYM_SECRET;
const tenant = '11111111-2222-3333-4444-555555555555';
const oid = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
/** As the app stores them: the dev user jan (src/server/auth.ts), an Entra user (tenant and object id), and another person. */
const jan = pseudonymFor(secret, 'dev:jan');
const entra = pseudonymFor(secret, `${tenant}:${oid}`);
const other = pseudonymFor(secret, 'dev:eva');

describe.each(storeKinds)('ai-wijzer privacy export and delete on %s', (kind) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const counts = async () => ({
    named: Number(
      (
        await db.store.query<{ n: number }>('select count(*)::int as n from quickcheck_records where who is not null')
      )[0]!.n,
    ),
    jobs: await rowCount(db.store, 'scan_jobs'),
    scans: await rowCount(db.store, 'housekeeping_scans'),
    bot: await rowCount(db.store, 'bot_state'),
    drives: await rowCount(db.store, 'graph_drive_state'),
  });

  beforeEach(async () => {
    db = await freshDatabase(kind);
    await checkAt(db.store, jan, daysAgo(3), 'de brief van Jan Jansen samenvatten');
    await checkAt(db.store, other, daysAgo(2), 'de notulen van Eva samenvatten');
    await checkAt(db.store, jan, daysAgo(1));
    await checkAt(db.store, entra, daysAgo(1), 'een Entra-check');
    await seedJob(db.store, jan, 'done', daysAgo(1));
    await seedJob(db.store, other, 'done', daysAgo(1));
    await seedScan(db.store, jan, 'graph:drive:jan', daysAgo(1));
    await seedScan(db.store, jan, 'graph:team:team-1', daysAgo(1));
    await seedScan(db.store, other, 'graph:drive:eva', daysAgo(1));
    await seedBotState(
      db.store,
      `reference/${jan}`,
      {
        channelId: 'msteams',
        conversation: { id: 'a:jan-chat' },
        serviceUrl: 'https://smba',
        bot: { id: 'b' },
        user: { id: 'u' },
      },
      daysAgo(1),
    );
    await seedBotState(db.store, 'msteams/conversations/a:jan-chat', { greeted: true }, daysAgo(1));
    await seedBotState(db.store, 'msteams/conversations/a:eva-chat', { greeted: true }, daysAgo(1));
    await seedDrive(db.store, `${jan}|drive-1|root`, daysAgo(1));
    await seedDrive(db.store, `${other}|drive-1|root`, daysAgo(1));
  });
  afterEach(async () => db.dispose());

  it("exports everything kept under the person's pseudonym, and nothing of anyone else", async () => {
    const result = await db.cli(['privacy', 'export', '--user', 'jan']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({ format: 'ai-wijzer/privacy-export', version: 1, pseudonym: jan });
    expect(data.checks.map((c: { seq: number }) => c.seq)).toEqual([1, 3]);
    expect(data.checks[0].case.purpose).toBe('de brief van Jan Jansen samenvatten');
    expect(data.scanJobs).toHaveLength(1);
    expect(data.scanJobs[0]).not.toHaveProperty('credential');
    expect(data.scanReports.map((r: { source_key: string }) => r.source_key)).toEqual([
      'graph:drive:jan',
      'graph:team:team-1',
    ]);
    expect(data.botState.map((r: { key: string }) => r.key).sort()).toEqual([
      'msteams/conversations/a:jan-chat',
      `reference/${jan}`,
    ]);
    expect(data.driveStates).toEqual([{ key: `${jan}|drive-1|root`, itemCount: 3, updatedAt: expect.any(String) }]);
    expect(result.stdout).not.toContain(other);
    expect(result.stdout).not.toContain('Eva');

    // An Entra object id with the tenant gives the pseudonym the tab's sign-in and the bot store under.
    const file = join(db.env.DATA_DIR!, 'export.json');
    const byId = await db.cli(['privacy', 'export', '--user', oid.toUpperCase(), '--tenant', tenant, '--out', file]);
    expect(byId).toMatchObject({ code: 0, stdout: '' });
    expect(byId.stderr).toContain(`onder pseudoniem ${entra}`);
    expect(JSON.parse(readFileSync(file, 'utf8')).checks.map((c: { seq: number }) => c.seq)).toEqual([4]);
    expect(statSync(file).mode & 0o077).toBe(0);
    const viaEnv = await db.cli(['privacy', 'export', '--user', oid], { AAD_APP_TENANT_ID: tenant });
    expect(JSON.parse(viaEnv.stdout).pseudonym).toBe(entra);
  });

  it('without --yes says what it would erase, erases nothing and exits 2; with --yes erases it and audit verify stays whole', async () => {
    const before = await counts();
    const dry = await db.cli(['privacy', 'delete', '--user', 'dev:jan']);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain(`Zou wissen (${jan}): 2 checks`);
    expect(dry.stdout).toContain('1 scantaken, 1 scanrapporten, 1 scanrapporten van een team');
    expect(dry.stderr).toBe('Er is niets gewist: voeg --yes toe om dit te wissen.\n');
    expect(await counts()).toEqual(before);

    const done = await db.cli(['privacy', 'delete', '--user', 'jan', '--yes']);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Gewist (${jan}): 2 checks`);
    expect(done.stdout).toContain('De auditketen is heel (4 records).');
    expect(await counts()).toEqual({
      named: before.named - 2,
      jobs: before.jobs - 1,
      scans: before.scans - 1,
      bot: before.bot - 2,
      drives: before.drives - 1,
    });
    // The team's scan stays for the team, without the pseudonym.
    expect(await db.store.query("select owner from housekeeping_scans where source_key = 'graph:team:team-1'")).toEqual(
      [{ owner: null }],
    );
    expect(await db.cli(['audit', 'verify'])).toMatchObject({
      code: 0,
      stdout: 'De keten is heel: 4 records gecontroleerd.\n',
    });

    const after = JSON.parse((await db.cli(['privacy', 'export', '--user', 'jan'])).stdout);
    expect([after.checks, after.scanJobs, after.scanReports, after.botState, after.driveStates]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    const eva = JSON.parse((await db.cli(['privacy', 'export', '--user', 'eva'])).stdout);
    expect([eva.checks.length, eva.scanJobs.length, eva.scanReports.length, eva.driveStates.length]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(await db.store.query("select key from bot_state where key like '%eva-chat'")).toHaveLength(1);

    const english = await db.cli(['privacy', 'delete', '--user', 'jan', '--yes', '--json', '--lang', 'en']);
    expect(JSON.parse(english.stdout)).toMatchObject({ deleted: true, chainWhole: true, counts: { checks: 0 } });
  });

  it('refuses wrong flags and ids with exit 2, in Dutch or English, and changes nothing', async () => {
    const before = await counts();
    for (const [args, message] of [
      [['privacy', 'delete', '--yes'], '--user: is verplicht'],
      [['privacy', 'export', '--user', 'jan jansen'], '--user: geef een Entra object-id'],
      [['privacy', 'export', '--user', 'jan jansen', '--lang', 'en'], '--user: give an Entra object id'],
      [['privacy', 'delete', '--user', oid, '--yes'], '--user: bij een object-id hoort een tenant'],
      [['privacy', 'export', '--user', oid, '--tenant', 'groningen'], '--tenant: moet een GUID zijn'],
      [['privacy', 'export', '--user', 'jan', '--yes'], 'Onbekende optie --yes'],
      [['privacy', 'wis', '--user', 'jan'], "Onbekende privacy-opdracht 'wis'"],
    ] as const) {
      const result = await db.cli([...args]);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });
});
