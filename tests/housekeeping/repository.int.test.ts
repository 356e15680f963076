import { runScan } from '../../src/housekeeping/scan.js';
import {
  getScan,
  listScans,
  listScansVisibleTo,
  previousScan,
  saveScanReport,
  saveWithTrend,
} from '../../src/store/repositories/housekeeping.js';
import { openTestStore, storeKinds } from '../helpers/store.js';
import { memorySource } from './memory-source.js';

const now = new Date(Date.UTC(2026, 10, 23));

describe.each(storeKinds)('housekeeping repository on %s', (kind) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store.dispose());

  it('stores scans with their statistics and gives the trend against the previous scan of the same source', async () => {
    const first = await runScan(memorySource(['Nieuwe map/a.docx', 'Temp/b v2.docx', 'Diversen/c.docx']), { now });
    const second = await runScan(memorySource(['Nieuwe map/a.docx', 'Beleid/b.docx', 'Beleid/c.docx']), { now });
    expect(await previousScan(store, 'fs:/srv/team')).toBeUndefined();

    const saved1 = await saveWithTrend(store, 'fs:/srv/team', first);
    expect(saved1.trend).toBeUndefined();
    await saveScanReport(store, 'fs:/srv/other', second);
    const saved2 = await saveWithTrend(store, 'fs:/srv/team', second);

    expect(saved2.trend).toMatchObject({
      previousId: saved1.id,
      previousScore: first.score,
      scoreDelta: second.score - first.score,
    });
    expect(saved2.trend!.scoreDelta).toBeGreaterThan(0);
    expect(saved2.trend!.rules).toEqual(
      expect.arrayContaining([
        { rule: 'generic-name', before: 3, now: 1, delta: -2 },
        { rule: 'version-in-name', before: 1, now: 0, delta: -1 },
      ]),
    );
    expect((await previousScan(store, 'fs:/srv/team'))!.id).toBe(saved2.id);
    expect((await previousScan(store, 'fs:/srv/team', saved2.id))!.id).toBe(saved1.id);
    expect(await previousScan(store, 'fs:/srv/team', saved1.id)).toBeUndefined();

    const loaded = await getScan(store, saved2.id);
    expect(loaded!.report.findings).toEqual(second.findings);
    expect(loaded!.report.stats).toEqual(second.stats);
    expect(loaded!.report.trend!.previousId).toBe(saved1.id);
    expect((await listScans(store, 'fs:/srv/team')).map((s) => s.id)).toEqual([saved2.id, saved1.id]);

    const [row] = await store.query<{ files: string | number; score: number; label: string }>(
      'select files, score, label from housekeeping_scans where id = $1',
      [saved2.id],
    );
    expect(Number(row!.files)).toBe(3);
    expect(row!.label).toBe(second.label);
  });

  it("compares a person's scan only with their own earlier scan of the source, and lists what each may see", async () => {
    const report = await runScan(memorySource(['Beleid/Nota.docx']), { now });
    const key = 'graph:drive:gedeeld';
    const a1 = await saveScanReport(store, key, report, { owner: 'persoon-a' });
    const b1 = await saveWithTrend(store, key, report, { owner: 'persoon-b' });
    expect(b1.trend).toBeUndefined(); // a's scan of the same drive is not b's trend
    const a2 = await saveWithTrend(store, key, report, { owner: 'persoon-a' });
    expect(a2.trend!.previousId).toBe(a1.id);
    expect((await getScan(store, a2.id))!.report.trend!.previousId).toBe(a1.id);
    expect((await getScan(store, b1.id))!.report.trend).toBeUndefined();
    expect((await previousScan(store, key))!.id).toBe(a2.id);
    expect((await previousScan(store, key, undefined, 'persoon-b'))!.id).toBe(b1.id);
    const agent = await saveWithTrend(store, 'fs:agent01:/mnt/x', report, { owner: 'agent' });

    const ofA = await listScansVisibleTo(store, 'persoon-a', undefined, 10);
    expect(ofA.map((s) => s.id)).toEqual([a2.id, a1.id]);
    expect(ofA[0]).toMatchObject({ owner: 'persoon-a', sourceKey: key, source: 'filesystem', complete: true });
    expect((await listScansVisibleTo(store, 'persoon-b', 'agent', 10)).map((s) => s.id)).toEqual([agent.id, b1.id]);
    expect((await listScansVisibleTo(store, 'persoon-a', 'agent', 2)).map((s) => s.id)).toEqual([agent.id, a2.id]);
  });
});
