import { runScan } from '../../src/housekeeping/scan.js';
import { memorySource } from './memory-source.js';

const now = new Date(Date.UTC(2026, 10, 23));

describe('runScan', () => {
  it('gives a clean tree an A with no findings and counts files, folders and bytes', async () => {
    const report = await runScan(memorySource([{ path: 'Beleid/Nota verkeer.docx', size: 10 }, { path: 'Beleid/Raadsvoorstel.docx', size: 20 }]), { now });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ source: 'filesystem', complete: true, score: 100, label: 'A', stats: { files: 2, folders: 1, bytes: 30, graphRequests: 0 } });
  });

  it('reports a partial read as incomplete with the reason', async () => {
    const report = await runScan(memorySource(['Beleid/a.docx'], { gaps: [{ path: 'Geheim', reason: 'EACCES' }] }), { now });
    expect(report.complete).toBe(false);
    expect(report.incompleteReason).toContain('Geheim (EACCES)');
  });
});
