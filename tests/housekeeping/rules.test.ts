import type { RuleId } from '../../src/housekeeping/report.js';
import { runScan, type ScanOptions } from '../../src/housekeeping/scan.js';
import { memorySource, type MemoryFile } from './memory-source.js';

const now = new Date(Date.UTC(2026, 10, 23));
const day = 24 * 3600 * 1000;

async function found(
  rule: RuleId,
  items: (MemoryFile | string)[],
  options: ScanOptions & { target?: 'share' | 'sharepoint'; root?: string } = {},
) {
  const report = await runScan(memorySource(items, { target: options.target, root: options.root }), {
    now,
    ...options,
  });
  return report.findings.filter((f) => f.rule === rule);
}
const paths = async (...args: Parameters<typeof found>) => (await found(...args)).map((f) => f.path).sort();

describe('path-too-long', () => {
  it('counts the root location for a share (260) and the relative path for SharePoint (400)', async () => {
    const root = '/mnt/afdeling'; // 13 characters + '/' in front of every path
    const ok = `A/${'x'.repeat(260 - 14 - 2)}`; // exactly 260 in all
    const long = `A/${'x'.repeat(260 - 14 - 1)}`; // 261
    expect(await paths('path-too-long', [ok, long], { root })).toEqual([long]);
    const sp = `B/${'y'.repeat(398)}`; // 400: allowed on SharePoint
    const spLong = `B/${'y'.repeat(399)}`;
    expect(await paths('path-too-long', [sp, spLong], { target: 'sharepoint', root: '' })).toEqual([spLong]);
    const [f] = await found('path-too-long', [long], { root });
    expect(f!.detail).toContain('261');
    expect(f!.detail).toContain('260');
  });

  it('takes its limits from the thresholds', async () => {
    expect(
      await paths('path-too-long', ['abc/defgh'], { thresholds: { maxPathLength: { sharepoint: 400, share: 8 } } }),
    ).toEqual(['abc/defgh']);
  });
});

describe('invalid-name', () => {
  it('flags forbidden characters, edge spaces, a trailing period and reserved names', async () => {
    const bad = [
      'a/wat?.docx',
      'a/x:y.txt',
      'a/"quote".txt',
      'a/ster*.txt',
      'a/<b>.txt',
      'a/pipe|.txt',
      'a/back\\slash.txt',
      'a/ spatie.txt',
      'a/spatie ',
      'a/punt.',
      'a/CON',
      'a/nul.txt',
      'a/COM1.log',
      'a/lpt9',
      'a/.lock',
      'a/my_vti_file.txt',
    ];
    expect(await paths('invalid-name', bad)).toEqual([...bad].sort());
  });
  it('leaves near misses and temp files alone', async () => {
    const fine = [
      'a/console.txt',
      'a/CONTRACT.docx',
      'a/com10.txt',
      'a/punt.txt',
      'a/spatie .txt',
      'a/aux-bestand.txt',
      'a/vti.txt',
      'a/desktop.ini',
      'a/x.lock',
      'a/normaal bestand.docx',
    ];
    expect(await paths('invalid-name', fine)).toEqual([]);
    expect(await paths('temp-file', fine)).toEqual(['a/desktop.ini']);
  });
});

describe('deep-nesting', () => {
  it('reports only the topmost too-deep folder of each branch (root children have depth 1)', async () => {
    const eight = 'd1/d2/d3/d4/d5/d6/d7/d8';
    const items = [
      `${eight}/ok.txt`,
      `${eight}/d9/d10/d11/f.txt`,
      `${eight}/e9/f.txt`,
      'x1/x2/x3/x4/x5/x6/x7/x8/x9/f.txt',
    ];
    expect(await paths('deep-nesting', items)).toEqual([`${eight}/d9`, `${eight}/e9`, 'x1/x2/x3/x4/x5/x6/x7/x8/x9']);
    expect(await paths('deep-nesting', [`${eight}/file-at-depth-9.txt`])).toEqual([]);
  });
});

describe('large-folder', () => {
  it('flags a folder with more direct children than the limit, not one at the limit', async () => {
    const over = Array.from({ length: 6 }, (_, i) => `vol/f${i}.txt`);
    const at = Array.from({ length: 5 }, (_, i) => `net/f${i}.txt`);
    expect(await paths('large-folder', [...over, ...at], { thresholds: { maxFolderChildren: 5 } })).toEqual(['vol']);
  });
  it('defaults to 5,000', async () => {
    const items = Array.from({ length: 5001 }, (_, i) => `groot/f${i}.txt`);
    expect(await paths('large-folder', items)).toEqual(['groot']);
    expect(await paths('large-folder', items.slice(1))).toEqual([]);
  });
});

describe('empty-folder', () => {
  it('flags folders without children but never the root', async () => {
    expect(await paths('empty-folder', ['leeg/', 'vol/a.txt', 'vol/leeg2/', 'alleen-map/sub/x.txt'])).toEqual([
      'leeg',
      'vol/leeg2',
    ]);
    expect(await paths('empty-folder', [])).toEqual([]);
  });
});

describe('duplicate-file', () => {
  it('reports a group once, at its first copy, listing every copy and the wasted bytes; hashes only colliding sizes', async () => {
    const source = memorySource([
      { path: 'a/rapport.docx', content: 'zelfde inhoud' },
      { path: 'b/rapport.docx', content: 'zelfde inhoud' },
      { path: 'c/kopie.docx', content: 'zelfde inhoud' },
      { path: 'd/anders.docx', content: 'andere inhoud' }, // same size, other content
      { path: 'e/uniek.docx', content: 'een heel andere lengte' },
    ]);
    const report = await runScan(source, { now });
    const dups = report.findings.filter((f) => f.rule === 'duplicate-file');
    expect(dups.map((f) => f.path)).toEqual(['a/rapport.docx']);
    expect(dups[0]!.detail).toBe(
      'Hetzelfde bestand (13 bytes) staat 3 keer in de scan: a/rapport.docx, b/rapport.docx, c/kopie.docx. Eén exemplaar houden maakt 26 bytes vrij.',
    );
    expect(report.ruleCounts!['duplicate-file']).toBe(1);
    expect(report.advice!['within-a-year'].find((a) => a.rule === 'duplicate-file')!.count).toBe(1);
    expect(source.hashed.sort()).toEqual(['a/rapport.docx', 'b/rapport.docx', 'c/kopie.docx', 'd/anders.docx']);
  });
  it('counts every copy for the score and in the score of each folder that holds one', async () => {
    const files = [
      { path: 'a/rapport.docx', content: 'zelfde inhoud' },
      { path: 'b/rapport.docx', content: 'zelfde inhoud' },
      { path: 'b/ander.docx', content: 'iets van een andere lengte' },
      { path: 'c/uniek.docx', content: 'een heel andere lengte' },
    ];
    const report = await runScan(memorySource(files), { now, thresholds: { folderScoreDepth: 1 } });
    const score = (path: string) => report.folders!.find((f) => f.path === path)!;
    expect(score('a').findings).toBe(1);
    expect(score('b').findings).toBe(1);
    expect(score('c').findings).toBe(0);
    expect(score('b').score).toBeLessThan(100);
    // Two of seven items affected, as when each copy was a finding of its own.
    expect(report.findings.map((f) => f.rule)).toEqual(['duplicate-file']);
    expect(report.score).toBe(Math.round(100 * (1 - 0.35 * Math.sqrt(2 / (files.length + 3)))));
  });
  it('never treats empty files as duplicates', async () => {
    expect(
      await paths('duplicate-file', [
        { path: 'a/leeg1.txt', size: 0 },
        { path: 'b/leeg2.txt', size: 0 },
      ]),
    ).toEqual([]);
  });
  it('uses the hash a source gives for free (Graph) and names at most ten copies', async () => {
    const copies = Array.from({ length: 12 }, (_, i) => ({
      path: `map ${String(i).padStart(2, '0')}/Nota ë.docx`,
      content: 'zelfde inhoud',
    }));
    const source = memorySource([...copies, { path: 'x/anders.docx', content: 'andere inhoud' }], { freeHashes: true });
    expect(source.hash).toBeUndefined();
    const report = await runScan(source, { now });
    const dups = report.findings.filter((f) => f.rule === 'duplicate-file');
    expect(dups.map((f) => f.path)).toEqual(['map 00/Nota ë.docx']);
    expect(dups[0]!.detail).toContain('map 09/Nota ë.docx en nog 2 andere');
    expect(dups[0]!.detail).not.toContain('map 10');
    expect(dups[0]!.detail).toContain('12 keer');
  });
});

describe('version-in-name', () => {
  it('finds version words as whole tokens', async () => {
    const planted = [
      'a/Rapport v2.docx',
      'a/Nota_v1.3.docx',
      'a/Plan versie 2.docx',
      'a/Begroting concept.xlsx',
      'a/Brief definitief.docx',
      'a/Brief def.docx',
      'a/Report final.docx',
      'a/Oud/x.txt',
      'a/old-stuff.txt',
      'a/backup 2024.zip',
      'a/Notulen - kopie.docx',
      'a/Kopie van notulen.docx',
      'a/Copy of minutes.docx',
      'a/Foto (1).jpg',
    ];
    const expected = planted.map((p) => (p === 'a/Oud/x.txt' ? 'a/Oud' : p)).sort();
    expect(await paths('version-in-name', planted)).toEqual(expected);
  });
  it('leaves words that merely contain them alone', async () => {
    const fine = [
      'a/Oudejaarsnacht.docx',
      'a/Versiebeheer.docx',
      'a/Finale.docx',
      'a/Conceptueel model.docx',
      'a/Definities.docx',
      'a/Kopieerapparaat.pdf',
      'a/Golden oldies.mp3',
      'a/Backupbeleid.docx',
      'a/v2rapport.docx',
      'a/Nieuwe map (2)/x.txt',
    ];
    expect(await paths('version-in-name', fine)).toEqual([]);
  });
});

describe('generic-name', () => {
  it('flags generic folder names, numbered or not, and not files or longer names', async () => {
    const planted = [
      'Nieuwe map/x',
      'Nieuwe map (2)/x',
      'New folder 3/x',
      'Naamloze map/x',
      'untitled folder/x',
      'Diversen/x',
      'Overig/x',
      'Overige/x',
      'Algemeen/x',
      'Temp/x',
      'tmp/x',
      'Tijdelijk/x',
      'Test/x',
      'Map/x',
      'Map1/x',
    ];
    expect(await paths('generic-name', planted)).toEqual(planted.map((p) => p.slice(0, -2)).sort());
    expect(
      await paths('generic-name', ['Testresultaten/x', 'Mappen beleid/x', 'Algemene zaken/x', 'a/Temp.txt']),
    ).toEqual([]);
  });
});

describe('stale-folder', () => {
  const old = now.getTime() - 6 * 365 * day;
  const fresh = now.getTime() - 30 * day;
  it('reports only the topmost folder whose newest file is older than the limit', async () => {
    const items: MemoryFile[] = [
      { path: 'archief/2015/a.txt', modified: old },
      { path: 'archief/2016/diep/b.txt', modified: old },
      { path: 'actueel/oud-deel/c.txt', modified: old },
      { path: 'actueel/nieuw/d.txt', modified: fresh },
    ];
    expect(await paths('stale-folder', items)).toEqual(['actueel/oud-deel', 'archief']);
  });
  it('does not call a folder stale at 4 years, nor a folder without files', async () => {
    expect(
      await paths('stale-folder', [{ path: 'bijna/a.txt', modified: now.getTime() - 4 * 365 * day }, 'leeg/']),
    ).toEqual([]);
    expect(
      await paths('stale-folder', [{ path: 'bijna/a.txt', modified: now.getTime() - 4 * 365 * day }], {
        thresholds: { staleYears: 3 },
      }),
    ).toEqual(['bijna']);
  });
});

describe('personal-data-in-name', () => {
  it('finds a BSN passing the 11-proef, a Dutch IBAN passing mod 97, an e-mail address and a phone number, masked', async () => {
    const items = [
      'a/Dossier 111222333.pdf',
      'a/Betaling NL91ABNA0417164300.pdf',
      'a/Mail van jan.jansen@groningen.nl.msg',
      'a/IBAN NL91 ABNA 0417 1643 00.txt',
      'a/Terugbellen +31 6 1234 5678.docx',
    ];
    const findings = await found('personal-data-in-name', items);
    expect(findings).toHaveLength(5);
    const all = JSON.stringify(findings);
    for (const secret of [
      '111222333',
      'NL91ABNA0417164300',
      'jan.jansen@',
      'NL91 ABNA 0417 1643 00',
      '0417164300',
      '1234 5678',
    ])
      expect(all).not.toContain(secret);
    expect(findings.find((f) => f.path.startsWith('a/Terugbellen'))).toMatchObject({
      path: 'a/Terugbellen 06-******78.docx',
      detail: 'De naam bevat een telefoonnummer (06-******78).',
    });
    expect(all).toContain('******333');
    expect(all).toContain('NL**ABNA******4300');
    expect(all).toContain('j***@groningen.nl');
  });
  it('ignores 9-digit numbers failing the 11-proef, invalid IBANs and non-addresses', async () => {
    expect(
      await paths('personal-data-in-name', [
        'a/Factuur 123456789.pdf',
        'a/NL91ABNA0417164301.pdf',
        'a/team@overleg.txt',
        'a/2024-01-15 verslag.docx',
      ]),
    ).toEqual([]);
  });
});

describe('anonymous-link', () => {
  it('flags items shared with an anyone link', async () => {
    expect(await paths('anonymous-link', [{ path: 'a/open.docx', anonymousLink: true }, 'a/dicht.docx'])).toEqual([
      'a/open.docx',
    ]);
  });
});

describe('root-clutter', () => {
  it('flags more than 25 loose files in the root, at path ""', async () => {
    const loose = (n: number) => Array.from({ length: n }, (_, i) => `los${i}.txt`);
    const findings = await found('root-clutter', [...loose(26), 'map/a.txt']);
    expect(findings.map((f) => f.path)).toEqual(['']);
    expect(findings[0]!.detail).toContain('26');
    expect(await found('root-clutter', [...loose(25), 'map/a.txt', 'map/b.txt', 'map/c.txt'])).toEqual([]);
  });
});

describe('temp-file', () => {
  it('flags Office owner files, LibreOffice lock files, .tmp, Thumbs.db, .DS_Store and desktop.ini only', async () => {
    const planted = [
      'a/~$rapport.docx',
      'a/bestand.tmp',
      'a/Thumbs.db',
      'a/.DS_Store',
      'a/desktop.ini',
      'a/X.TMP',
      'a/.~lock.Begroting 2026.ods#',
      'a/.~lock.notulen.docx#',
    ];
    const near = ['a/tmp-plan.docx', 'a/template.dotx', 'a/~notitie.txt', 'a/.~lock.txt', 'a/lock.docx#', 'a/.~lock#'];
    expect(await paths('temp-file', [...planted, ...near])).toEqual([...planted].sort());
    expect(await paths('invalid-name', planted)).toEqual([]);
  });
});

describe('large-file', () => {
  it('flags files over 15 GB', async () => {
    const gb = 1024 ** 3;
    expect(
      await paths('large-file', [
        { path: 'a/video.mp4', size: 16 * gb },
        { path: 'a/export.zip', size: 15 * gb },
      ]),
    ).toEqual(['a/video.mp4']);
  });
});
