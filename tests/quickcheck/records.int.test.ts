import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain } from '../../src/quickcheck/index.js';
import { quickcheckRecordStore } from '../../src/store/repositories/quickcheck.js';
import { storeKinds } from '../helpers/store.js';
import { auditKey, cli, freshDatabase, recordChecks } from './records.js';

const verify = async (store: Parameters<typeof quickcheckRecordStore>[0], key = auditKey) => {
  const records = quickcheckRecordStore(store, { key });
  return verifyChain(records.all(), await records.head(), { key });
};

describe.each(storeKinds)('quick check records on %s', (kind) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeEach(async () => {
    db = await freshDatabase(kind);
  });
  afterEach(async () => db.dispose());

  it("chains every record to the one before, and lists only one person's own records, newest first", async () => {
    const a = await recordChecks(db.store, 'pseudo-a', [{}, { tool: 'ChatGPT', personalData: 'ordinary' }]);
    await recordChecks(db.store, 'pseudo-b', [{ trainingDone: false }]);
    expect(a.map((r) => r.record.seq)).toEqual([1, 2]);
    const records = quickcheckRecordStore(db.store, { key: auditKey });
    const mine = await records.listFor('pseudo-a', { limit: 10 });
    expect(mine.map((r) => [r.seq, r.verdict])).toEqual([
      [2, 'prohibited'],
      [1, 'allowed'],
    ]);
    expect(mine[0]!.prevHash).toBe(mine[1]!.hash);
    expect(mine[0]).toMatchObject({
      who: 'pseudo-a',
      rulesVersion: a[0]!.rulesVersion,
      registerVersion: a[0]!.registerVersion,
    });
    expect(mine[0]!.case.tool).toBe('ChatGPT');
    expect(await records.listFor('pseudo-a', { limit: 10, before: 2 })).toHaveLength(1);
    expect(await verify(db.store)).toEqual({
      ok: true,
      count: 3,
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      unkeyed: 0,
    });
  });

  it('does not fork the chain under concurrent appends', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => recordChecks(db.store, `p${i % 3}`, [{ trainingDone: i % 2 === 0 }])),
    );
    const seqs = results
      .flat()
      .map((r) => r.record.seq)
      .sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 25 });
  });

  it('puts checks that arrive together into the chain in a few transactions, each check once, in order', async () => {
    let transactions = 0;
    const counted: typeof db.store = {
      ...db.store,
      transaction: (fn) => {
        transactions++;
        return db.store.transaction(fn);
      },
    };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => recordChecks(counted, `p${i % 4}`, [{ trainingDone: i % 2 === 0 }])),
    );
    const seqs = results.flat().map((r) => r.record.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // The first goes alone; the others waited for it and went in together.
    expect(transactions).toBeLessThanOrEqual(3);
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 40 });
  });

  it('lets a check the database refuses fail alone: the others that came with it are recorded', async () => {
    const records = quickcheckRecordStore(db.store, { key: auditKey });
    await recordChecks(db.store, 'p', [{}]);
    const [first] = await records.listFor('p', { limit: 1 });
    const { who, at, case: checkCase, verdict, result, rulesVersion, registerVersion } = first!;
    const content = { who, at, case: checkCase, verdict, result, rulesVersion, registerVersion };
    const appends = [
      records.append({ ...content, who: 'a' }),
      records.append({ ...content, who: 'b' }),
      records.append({ ...content, who: 'kapot', at: 'geen tijdstip' }), // the database refuses the timestamp
      records.append({ ...content, who: 'c' }, { requestKey: 'dubbel-verzoek-12345' }),
      records.append({ ...content, who: 'c' }, { requestKey: 'dubbel-verzoek-12345' }), // the same submission again
    ];
    const settled = await Promise.allSettled(appends);
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const seqOf = (i: number) => (settled[i] as PromiseFulfilledResult<{ seq: number }>).value.seq;
    expect([seqOf(0), seqOf(1), seqOf(3)]).toEqual([2, 3, 4]);
    expect(seqOf(4)).toBe(seqOf(3));
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 4 });
  });

  it('keeps records append-only: a plain update or delete changes nothing', async () => {
    await recordChecks(db.store, 'p', [{}, {}]);
    await db.store.query("update quickcheck_records set verdict = 'allowed' where seq = 1");
    await db.store.query('delete from quickcheck_records where seq = 2');
    expect(await db.store.query('select seq from quickcheck_records order by seq')).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 2 });
  });

  describe('tampering by someone who can change the table (rules disabled)', () => {
    beforeEach(async () => {
      await recordChecks(db.store, 'p', [
        {},
        { tool: 'ChatGPT', personalData: 'ordinary' },
        { trainingDone: false },
        { audience: 'published' },
      ]);
      await db.store.query('alter table quickcheck_records disable rule quickcheck_records_no_update');
      await db.store.query('alter table quickcheck_records disable rule quickcheck_records_no_delete');
    });

    it('detects a field changed in SQL, and audit verify exits 1 naming the record', async () => {
      await db.store.query("update quickcheck_records set verdict = 'allowed' where seq = 2");
      expect(await verify(db.store)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
      await db.store.query(
        "update quickcheck_records set verdict = 'prohibited', check_case = jsonb_set(check_case, '{personalData}', '\"none\"') where seq = 2",
      );
      expect(await verify(db.store)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
      await db.release();
      const run = await cli(['audit', 'verify'], db.env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/gebroken bij record 2: record 2 is gewijzigd/);
      await db.reopen();
    });

    it('detects a removed record', async () => {
      await db.store.query('delete from quickcheck_records where seq = 3');
      expect(await verify(db.store)).toMatchObject({ ok: false, seq: 3, problem: 'missing' });
    });

    it('detects the last record removed', async () => {
      await db.store.query('delete from quickcheck_records where seq = 4');
      expect(await verify(db.store)).toMatchObject({ ok: false, seq: 4, problem: 'truncated' });
    });

    it('detects two records swapped', async () => {
      await db.store.query('update quickcheck_records set seq = 100 where seq = 2');
      await db.store.query('update quickcheck_records set seq = 2 where seq = 3');
      await db.store.query('update quickcheck_records set seq = 3 where seq = 100');
      expect(await verify(db.store)).toMatchObject({ ok: false, seq: 2 });
    });

    it('detects a record whose hash was recomputed to hide a change (the next link breaks)', async () => {
      await db.store.query("update quickcheck_records set who = 'iemand-anders', hash = repeat('a', 64) where seq = 1");
      expect(await verify(db.store)).toMatchObject({ ok: false, seq: 1, problem: 'changed' });
    });
  });

  it('audit verify passes on an intact chain and audit export writes CSV with the pseudonym and no names', async () => {
    await recordChecks(db.store, 'pseudo-x', [
      { purpose: 'brief aan j.jansen@example.nl samenvatten; tel 06-12345678' },
      { purpose: '=HYPERLINK("http://x")' },
    ]);
    await db.release();
    const ok = await cli(['audit', 'verify'], db.env);
    expect(ok).toMatchObject({ code: 0, stdout: 'De keten is heel: 2 records gecontroleerd.\n' });
    const json = await cli(['audit', 'verify', '--json'], db.env);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, count: 2, unkeyed: 0 });
    const exported = await cli(['audit', 'export'], db.env);
    expect(exported.code).toBe(0);
    const lines = exported.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq;tijdstip;pseudoniem;tool_id;tool;taak;doel;oordeel;regels;regelversie;registerversie;hash;gewist',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(';pseudo-x;copilot-chat;Microsoft 365 Copilot Chat;text;');
    expect(lines[1]).toContain('brief aan [e-mailadres] samenvatten');
    expect(lines[1]).not.toContain('jansen');
    expect(lines[1]).not.toContain('12345678');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    const file = join(db.env.DATA_DIR!, 'export.csv');
    const toFile = await cli(['audit', 'export', '--out', file], db.env);
    expect(toFile.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${exported.stdout}`);
    await db.reopen();
  });
});
