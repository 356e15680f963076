import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isErased, recordHash, runCheck, type CheckRecordStore } from '../../src/quickcheck/index.js';
import { headMac, verifyChain, type CheckRecordContent } from '../../src/quickcheck/record.js';
import { loadMigrations, migrate, type Store } from '../../src/store/index.js';
import { openPglite } from '../../src/store/pglite.js';
import { openPostgres } from '../../src/store/postgres.js';
import { AuditKeyMismatchError, quickcheckRecordStore } from '../../src/store/repositories/quickcheck.js';
import { storeKinds } from '../helpers/store.js';
import { baseCase } from './cases.js';
import { auditKey, content, freshDatabase, recordChecks } from './records.js';

const otherKey = 'een-heel-andere-auditsleutel-1234';

const verify = async (store: Store, key = auditKey, anchor?: { seq: number; hash: string; exportedAt: string }) => {
  const records = quickcheckRecordStore(store, { key });
  return verifyChain(records.all(), await records.head(), { key, ...(anchor ? { anchor } : {}) });
};

const unlock = async (store: Store) => {
  await store.query('alter table quickcheck_records disable rule quickcheck_records_no_update');
  await store.query('alter table quickcheck_records disable rule quickcheck_records_no_delete');
};

/**
 * What someone with write access to the database but without the key can do: recompute records `from` to `to`
 * with the plain SHA-256, as if they came from before AUDIT_KEY, fix the link of the record after them, and move
 * the head along (its MAC and key name removed) when the end of the chain was recomputed.
 */
async function rechainWithoutKey(store: Store, from: number, to = Number.POSITIVE_INFINITY) {
  const records = quickcheckRecordStore(store, { key: auditKey });
  const all = [];
  for await (const r of records.all()) if (!isErased(r)) all.push(r);
  let prev = from > 1 ? all[from - 2]!.hash : all[0]!.prevHash;
  for (const r of all) {
    if (r.seq < from) continue;
    if (r.seq > to) {
      await store.query('update quickcheck_records set prev_hash = $1 where seq = $2', [prev, r.seq]);
      return;
    }
    const hash = recordHash(r.seq, r, prev);
    await store.query(
      "update quickcheck_records set prev_hash = $1, hash = $2, chain_scheme = 'sha256' where seq = $3",
      [prev, hash, r.seq],
    );
    prev = hash;
  }
  await store.query('update quickcheck_chain_head set seq = $1, hash = $2, mac = null, key_id = null where id = 1', [
    all.length,
    prev,
  ]);
}

describe.each(storeKinds)('the audit chain keyed with AUDIT_KEY on %s', (kind) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const headFile = () => join(db.env.DATA_DIR!, `kop-${randomBytes(3).toString('hex')}.json`);

  beforeEach(async () => {
    db = await freshDatabase(kind);
    await recordChecks(db.store, 'p', [
      {},
      { tool: 'ChatGPT', personalData: 'ordinary' },
      { trainingDone: false },
      { audience: 'published' },
    ]);
  });
  afterEach(async () => db.dispose());

  it('writes every new record as an HMAC-SHA256 under AUDIT_KEY, and signs the head row', async () => {
    const rows = await db.store.query<{ seq: number; hash: string; chain_scheme: string }>(
      'select seq, hash, chain_scheme from quickcheck_records order by seq',
    );
    expect(rows.map((r) => r.chain_scheme)).toEqual(['hmac-sha256', 'hmac-sha256', 'hmac-sha256', 'hmac-sha256']);
    const records = quickcheckRecordStore(db.store, { key: auditKey });
    const all = [];
    for await (const r of records.all()) if (!isErased(r)) all.push(r);
    // Not the plain SHA-256 anyone could compute, and not the HMAC under another key.
    expect(all[0]!.hash).not.toBe(recordHash(1, all[0]!, all[0]!.prevHash));
    expect(all[0]!.hash).not.toBe(recordHash(1, all[0]!, all[0]!.prevHash, otherKey));
    expect(all[0]!.hash).toBe(recordHash(1, all[0]!, all[0]!.prevHash, auditKey));
    const head = await records.head();
    expect(head).toMatchObject({ seq: 4, hash: all[3]!.hash, mac: headMac(auditKey, { seq: 4, hash: all[3]!.hash }) });
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 4, unkeyed: 0 });
  });

  it("detects a row's verdict rewritten in the database, also when the hash is recomputed without the key", async () => {
    await unlock(db.store);
    await db.store.query("update quickcheck_records set verdict = 'allowed' where seq = 2");
    expect(await verify(db.store)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
    const broken = await db.cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('De keten is gebroken bij record 2: record 2 is gewijzigd');

    // The unkeyed hash recomputed for that record, still marked keyed: its HMAC does not match.
    const [row] = await db.store.query<{ prev_hash: string }>('select prev_hash from quickcheck_records where seq = 2');
    const records = quickcheckRecordStore(db.store, { key: auditKey });
    let second: CheckRecordContent | undefined;
    for await (const r of records.all()) if (r.seq === 2 && !isErased(r)) second = r;
    await db.store.query('update quickcheck_records set hash = $1 where seq = 2', [
      recordHash(2, second!, row!.prev_hash),
    ]);
    expect(await verify(db.store)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });

    // Marked as from before the key too, and the rest of the chain and the head recomputed: an unkeyed record
    // after a keyed one is not how a chain grows.
    await rechainWithoutKey(db.store, 2);
    expect(await verify(db.store)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
    const json = await db.cli(['audit', 'verify', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
  });

  it('detects the last records deleted: by the head MAC in the database, and against an exported head', async () => {
    const file = headFile();
    const exported = await db.cli(['audit', 'head', '--out', file]);
    expect(exported.code).toBe(0);
    const signed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(signed).toMatchObject({
      format: 'ai-wijzer/audit-head',
      seq: 4,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await db.cli(['audit', 'verify', '--head', file])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('(record 4) staat er nog in'),
    });

    await unlock(db.store);
    await db.store.query('delete from quickcheck_records where seq >= 3');
    // Head moved back to record 2, its MAC kept or removed: neither is a MAC of this head under the key.
    const [two] = await db.store.query<{ hash: string }>('select hash from quickcheck_records where seq = 2');
    await db.store.query('update quickcheck_chain_head set seq = 2, hash = $1 where id = 1', [two!.hash]);
    expect(await verify(db.store)).toMatchObject({ ok: false, seq: 3, problem: 'truncated' });
    await db.store.query('update quickcheck_chain_head set mac = null where id = 1');
    expect(await verify(db.store)).toMatchObject({ ok: false, seq: 3, problem: 'truncated' });

    const against = await db.cli(['audit', 'verify', '--head', file]);
    expect(against.code).toBe(1);
    expect(against.stderr).toContain(
      'De keten is gebroken bij record 3: de keten eindigt bij record 2, maar de ondertekende kop van',
    );
    expect(against.stderr).toContain('record 3 tot en met 4 zijn verwijderd');
  });

  it('detects the whole chain recomputed without the key only against the exported head (the reason to keep it)', async () => {
    const file = headFile();
    expect((await db.cli(['audit', 'head', '--out', file])).code).toBe(0);
    await unlock(db.store);
    await db.store.query("update quickcheck_records set verdict = 'allowed' where seq = 2");
    await rechainWithoutKey(db.store, 1);
    // Inside the database this now looks like a chain from before AUDIT_KEY: nothing there can tell.
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 4, unkeyed: 4 });
    const against = await db.cli(['audit', 'verify', '--head', file]);
    expect(against.code).toBe(1);
    expect(against.stderr).toMatch(/gebroken bij record 4: record 4 is niet meer het record van de ondertekende kop/);
  });

  it('detects a chain rewritten even by someone with the key, against a head exported before', async () => {
    const file = headFile();
    expect((await db.cli(['audit', 'head', '--out', file])).code).toBe(0);
    await unlock(db.store);
    await db.store.query('delete from quickcheck_records where seq >= 2');
    await db.store.query(
      'update quickcheck_chain_head set seq = 1, hash = (select hash from quickcheck_records where seq = 1), mac = null, key_id = null where id = 1',
    );
    // Rebuilt under the key: three other records after the first.
    await recordChecks(db.store, 'p', [{}, {}, {}]);
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 4 });
    const against = await db.cli(['audit', 'verify', '--head', file]);
    expect(against.code).toBe(1);
    expect(against.stderr).toContain('record 4 is niet meer het record van de ondertekende kop');
  });

  it('keeps an exported head valid while the chain grows past it', async () => {
    const file = headFile();
    expect((await db.cli(['audit', 'head', '--out', file])).code).toBe(0);
    await recordChecks(db.store, 'q', [{}, { trainingDone: false }]);
    const later = await db.cli(['audit', 'verify', '--head', file, '--json']);
    expect(later.code).toBe(0);
    expect(JSON.parse(later.stdout)).toMatchObject({ ok: true, count: 6, head: { seq: 4 } });
  });

  it('fails with another AUDIT_KEY: verify names the key, a head file signed with it is refused, and nothing is recorded', async () => {
    const wrong = await db.cli(['audit', 'verify'], { AUDIT_KEY: otherKey });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('AUDIT_KEY is niet de sleutel waarmee deze keten is vastgelegd');
    // Without the key's name in the database, the first keyed record does not verify.
    await db.store.query('update quickcheck_chain_head set key_id = null where id = 1');
    expect(await verify(db.store, otherKey)).toMatchObject({ ok: false, seq: 1, problem: 'changed' });
    await recordChecks(db.store, 'p', [{}]); // the right key appends, and names itself again
    const file = headFile();
    expect((await db.cli(['audit', 'head', '--out', file])).code).toBe(0);
    const withOther = await db.cli(['audit', 'verify', '--head', file], { AUDIT_KEY: otherKey });
    expect(withOther.code).toBe(1);
    expect(withOther.stderr).toContain('ondertekend met een andere sleutel dan AUDIT_KEY');

    // Appending under another key would break the chain for good: refused, nothing recorded.
    const caseFile = join(db.env.DATA_DIR!, 'case.json');
    writeFileSync(caseFile, JSON.stringify(baseCase));
    const check = await db.cli(['check', '--case', caseFile, '--json'], { AUDIT_KEY: otherKey });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('Nothing was recorded');
    await expect(recordChecks(db.store, 'p', [{}], otherKey)).rejects.toBeInstanceOf(AuditKeyMismatchError);
    await expect(recordChecks(db.store, 'p', [{}], otherKey)).rejects.toThrow(
      'AUDIT_KEY is niet de sleutel waarmee de auditketen is vastgelegd; er is niets vastgelegd.',
    );
    expect(await db.store.query('select count(*)::int as n from quickcheck_records')).toEqual([{ n: 5 }]);
    expect(await verify(db.store)).toMatchObject({ ok: true, count: 5 });
  });

  it('refuses a head file that was changed, is not a head, or cannot be read; never signs a broken chain', async () => {
    const file = headFile();
    expect((await db.cli(['audit', 'head', '--out', file])).code).toBe(0);
    const signed = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
    writeFileSync(file, JSON.stringify({ ...signed, seq: 3 }));
    const changed = await db.cli(['audit', 'verify', '--head', file]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('de handtekening van de kop klopt niet');
    writeFileSync(file, JSON.stringify({ seq: 3 }));
    expect(await db.cli(['audit', 'verify', '--head', file])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('geen kop van ai-wijzer audit head'),
    });
    writeFileSync(file, 'niet json');
    expect((await db.cli(['audit', 'verify', '--head', file])).code).toBe(2);
    expect((await db.cli(['audit', 'verify', '--head', join(db.env.DATA_DIR!, 'bestaat-niet.json')])).code).toBe(2);

    await unlock(db.store);
    await db.store.query("update quickcheck_records set verdict = 'allowed' where seq = 3");
    const out = headFile();
    const refused = await db.cli(['audit', 'head', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('record 3');
    expect(() => readFileSync(out)).toThrow();
  });
});

/** The old repository (before 008): plain SHA-256, no chain_scheme column, no head MAC. */
function legacyRecords(store: Store): CheckRecordStore {
  const current = quickcheckRecordStore(store, { key: auditKey });
  return {
    ...current,
    async append(record) {
      return store.transaction(async (tx) => {
        const [head] = await tx.query<{ seq: number; hash: string }>(
          'select seq, hash from quickcheck_chain_head where id = 1 for update',
        );
        const seq = Number(head!.seq) + 1;
        const hash = recordHash(seq, record, head!.hash);
        await tx.query(
          'insert into quickcheck_records (seq, at, who, verdict, rules_version, register_version, check_case, result, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [
            seq,
            record.at,
            record.who,
            record.verdict,
            record.rulesVersion,
            record.registerVersion,
            JSON.stringify(record.case),
            JSON.stringify(record.result),
            head!.hash,
            hash,
          ],
        );
        await tx.query('update quickcheck_chain_head set seq = $1, hash = $2 where id = 1', [seq, hash]);
        return { ...record, seq, prevHash: head!.hash, hash, scheme: 'sha256' as const };
      });
    },
  };
}

describe.each(storeKinds)('records from before AUDIT_KEY (migration 008) on %s', (kind) => {
  let store: Store;
  const schema = `test_legacy_${randomBytes(5).toString('hex')}`;
  beforeEach(async () => {
    store =
      kind === 'postgres' ? await openPostgres(process.env.DATABASE_URL!, { schema }) : await openPglite('memory://');
    await migrate(
      store,
      loadMigrations().filter((m) => m.version < 8),
    );
    const old = legacyRecords(store);
    for (const c of [{}, { trainingDone: false }, { tool: 'ChatGPT', personalData: 'ordinary' as const }])
      await runCheck({
        ruleSet: content,
        register: content.register,
        records: old,
        who: 'p',
        case: { ...baseCase, ...c },
      });
    expect(await migrate(store)).toContain(8);
  });
  afterEach(async () => {
    if (kind === 'postgres') await store.query(`drop schema if exists ${schema} cascade`);
    await store.close();
  });

  it('still verifies them (scheme sha256), and chains keyed records after them', async () => {
    expect(
      (await store.query<{ chain_scheme: string }>('select chain_scheme from quickcheck_records order by seq')).map(
        (r) => r.chain_scheme,
      ),
    ).toEqual(['sha256', 'sha256', 'sha256']);
    expect(await verify(store)).toMatchObject({ ok: true, count: 3, unkeyed: 3 });
    await recordChecks(store, 'p', [{}, { audience: 'published' }]);
    expect(
      (await store.query<{ chain_scheme: string }>('select chain_scheme from quickcheck_records order by seq')).map(
        (r) => r.chain_scheme,
      ),
    ).toEqual(['sha256', 'sha256', 'sha256', 'hmac-sha256', 'hmac-sha256']);
    expect(await verify(store)).toMatchObject({ ok: true, count: 5, unkeyed: 3 });
  });

  it('erases them to tombstones too (migration 011): verify still passes, each erasure checked with AUDIT_KEY', async () => {
    await recordChecks(store, 'q', [{}]);
    const records = quickcheckRecordStore(store, { key: auditKey });
    expect(await records.erase({ who: 'p' }, new Date().toISOString())).toEqual({ erased: 3, skipped: 0 });
    expect(await verify(store)).toMatchObject({ ok: true, count: 4, unkeyed: 3 });
    await unlock(store);
    await store.query("update quickcheck_records set verdict = 'veranderd' where seq = 2");
    expect(await verify(store)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
  });

  it('detects an old record changed: the first keyed record pins the old ones', async () => {
    await recordChecks(store, 'p', [{}]);
    await unlock(store);
    await store.query("update quickcheck_records set verdict = 'allowed' where seq = 2");
    expect(await verify(store)).toMatchObject({ ok: false, seq: 2, problem: 'changed' });
    // The old records recomputed without the key and the keyed record 4 linked to them: its link is inside its HMAC.
    await rechainWithoutKey(store, 2, 3);
    expect(await verify(store)).toMatchObject({ ok: false, seq: 4, problem: 'changed' });
  });
});
