import { runScan } from '../../src/housekeeping/scan.js';
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

  it('reports a partial read as incomplete with the reason', async () => {
    const report = await runScan(memorySource(['Beleid/a.docx'], { gaps: [{ path: 'Geheim', reason: 'EACCES' }] }), {
      now,
    });
    expect(report.complete).toBe(false);
    expect(report.incompleteReason).toContain('Geheim (EACCES)');
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
