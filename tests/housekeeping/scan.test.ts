import { NothingReadError, runScan } from '../../src/housekeeping/scan.js';
import type { UnreadScan } from '../../src/housekeeping/report.js';
import { memorySource } from './memory-source.js';

const now = new Date(Date.UTC(2026, 10, 23));

describe('runScan', () => {
  it('gives a clean tree an A with no findings and counts files, folders and bytes', async () => {
    const report = await runScan(
      memorySource([
        { path: 'Beleid/Nota verkeer.docx', size: 10 },
        { path: 'Beleid/Raadsvoorstel.docx', size: 20 },
      ]),
      { now },
    );
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({
      source: 'filesystem',
      complete: true,
      score: 100,
      label: 'A',
      stats: { files: 2, folders: 1, bytes: 30, graphRequests: 0 },
    });
  });

  it('reports a partial read as incomplete, counting the parts not read and saying why in Dutch', async () => {
    const report = await runScan(
      memorySource(['Beleid/a.docx', 'Geheim/', 'Archief/2019/'], {
        gaps: [
          { path: 'Geheim', reason: 'EACCES' },
          { path: 'Archief/2019', reason: 'ENOENT' },
        ],
      }),
      { now },
    );
    expect(report.complete).toBe(false);
    expect(report.incompleteReason).toBe(
      '2 onderdelen konden niet worden gelezen. Geheim: geen toegang; Archief/2019: bestaat niet of niet meer.',
    );
    expect(report.gaps).toEqual([
      { path: 'Geheim', reason: 'geen toegang' },
      { path: 'Archief/2019', reason: 'bestaat niet of niet meer' },
    ]);
    // An unread folder is no empty folder, and its subtree's score says it is of what was read.
    expect(report.findings.filter((f) => f.rule === 'empty-folder')).toEqual([]);
    const folder = (path: string) => report.folders!.find((f) => f.path === path)!;
    expect(folder('Geheim').complete).toBe(false);
    expect(folder('Archief').complete).toBe(false);
    expect(folder('Beleid').complete).toBeUndefined();
  });

  it('masks personal data in the paths of parts not read', async () => {
    const report = await runScan(
      memorySource(['Beleid/a.docx'], { gaps: [{ path: 'Cliënten/111222333 Jansen', reason: 'EACCES' }] }),
      { now },
    );
    expect(report.gaps).toEqual([{ path: 'Cliënten/******333 Jansen', reason: 'geen toegang' }]);
    expect(report.incompleteReason).toContain('Cliënten/******333 Jansen: geen toegang');
    expect(JSON.stringify(report)).not.toContain('111222333');
  });
});

describe('a scan that read nothing', () => {
  async function nothingRead(...args: Parameters<typeof runScan>): Promise<UnreadScan> {
    const error = await runScan(...args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NothingReadError);
    // The message may be logged: no path in it.
    expect((error as Error).message).not.toContain('Geheim');
    return (error as NothingReadError).scan;
  }

  it('has no score, no label and no findings when the root could not be read, only why', async () => {
    const scan = await nothingRead(memorySource([], { root: '/mnt/Geheim', gaps: [{ path: '', reason: 'EACCES' }] }), {
      now,
    });
    expect(scan).toMatchObject({
      source: 'filesystem',
      root: '/mnt/Geheim',
      complete: false,
      read: false,
      incompleteReason: 'De map kon niet worden gelezen: geen toegang.',
      stats: { files: 0, folders: 0, bytes: 0 },
      gaps: [{ path: '', reason: 'geen toegang' }],
    });
    for (const key of ['score', 'label', 'findings', 'subScores', 'folders', 'advice'])
      expect(scan).not.toHaveProperty(key);
  });

  it('says so in English, and for a Graph location', async () => {
    const scan = await nothingRead(
      memorySource([], {
        kind: 'graph',
        gaps: [{ path: '', reason: 'Deze bibliotheek kon niet volledig worden gelezen (HTTP 503).' }],
      }),
      { now, lang: 'en' },
    );
    expect(scan.incompleteReason).toBe(
      'The location could not be read: Deze bibliotheek kon niet volledig worden gelezen (HTTP 503).',
    );
  });

  it('when every part of a readable root failed, and when cancelled before anything was read', async () => {
    const parts = await nothingRead(
      memorySource([], {
        gaps: [
          { path: 'Bibliotheek a', reason: 'EACCES' },
          { path: 'Bibliotheek b', reason: 'EACCES' },
        ],
      }),
      { now },
    );
    expect(parts.incompleteReason).toBe(
      'Er kon niets worden gelezen. 2 onderdelen konden niet worden gelezen. Bibliotheek a: geen toegang; Bibliotheek b: geen toegang.',
    );
    const controller = new AbortController();
    controller.abort();
    const cancelled = await nothingRead(memorySource([]), { now, signal: controller.signal });
    expect(cancelled.incompleteReason).toBe('De scan is afgebroken voordat er iets gelezen was.');
  });

  it('is still a report, not nothing-read, for an empty root that was read', async () => {
    const report = await runScan(memorySource([]), { now });
    expect(report).toMatchObject({ complete: true, stats: { files: 0, folders: 0 } });
  });
});

describe('runScan progress and cancellation', () => {
  it('reports progress while walking and once at the end', async () => {
    const seen: number[] = [];
    const items = Array.from({ length: 200 }, (_, i) => `map${i % 10}/bestand${i}.docx`);
    await runScan(memorySource(items, { batch: 20 }), {
      now,
      progressIntervalMs: 0,
      onProgress: (p) => seen.push(p.items),
    });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen[seen.length - 1]).toBe(210);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('stops when cancelled and says the report is partial', async () => {
    const controller = new AbortController();
    const items = Array.from({ length: 500 }, (_, i) => `map${i % 10}/bestand${i}.docx`);
    const report = await runScan(memorySource(items, { batch: 50 }), {
      now,
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.items >= 100) controller.abort();
      },
    });
    expect(report.complete).toBe(false);
    expect(report.incompleteReason).toContain('afgebroken');
    expect(report.stats.files + report.stats.folders).toBeLessThan(510);
  });
});
