import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootDir } from '../../src/paths.js';
import type { Entry, Gap } from '../../src/housekeeping/source.js';
import { filesystemSource } from '../../src/housekeeping/sources/filesystem.js';
import { walkInWorkers } from '../../src/housekeeping/sources/filesystem-threads.js';

type Walk = { entries: Entry[]; batches: number; skippedLinks: number; gaps: unknown[] };

async function walkOf(root: string, options: Parameters<typeof filesystemSource>[1]): Promise<Walk> {
  const source = filesystemSource(root, options);
  const entries: Entry[] = [];
  let batches = 0;
  for await (const batch of source.entries()) {
    batches++;
    entries.push(...batch);
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { entries, batches, skippedLinks: source.skippedLinks, gaps: source.gaps };
}

describe('file-system source on worker threads', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'hk-fs-threads-'));
    root = join(base, 'share');
    const outside = join(base, 'outside');
    mkdirSync(join(outside, 'geheim'), { recursive: true });
    writeFileSync(join(outside, 'geheim', 'buiten.txt'), 'outside the root');
    // More folders than one request carries, nested, with files of different sizes and times.
    for (let a = 0; a < 6; a++) {
      for (let b = 0; b < 12; b++) {
        const dir = join(root, `Afdeling ${a}`, `Dossier ${b}`);
        mkdirSync(dir, { recursive: true });
        for (let f = 0; f < 4; f++) {
          const file = join(dir, `stuk ${f}.docx`);
          writeFileSync(file, 'x'.repeat(a * 100 + b * 10 + f));
          utimesSync(file, new Date(Date.UTC(2015 + a, b, f + 1)), new Date(Date.UTC(2015 + a, b, f + 1)));
        }
      }
    }
    mkdirSync(join(root, 'Leeg'));
    writeFileSync(join(root, 'leeg.txt'), '');
    symlinkSync(outside, join(root, 'link-naar-buiten'));
    symlinkSync(join(outside, 'geheim', 'buiten.txt'), join(root, 'Afdeling 0', 'link-bestand.txt'));
    symlinkSync(root, join(root, 'Afdeling 1', 'Dossier 3', 'lus'));
    spawnSync('mkfifo', [join(root, 'Afdeling 2', 'pijp')]);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.each([
    ['in turn', false],
    ['at the same time (network shares)', true],
  ])(
    'yields the same entries, sizes, times, links skipped and batches per directory as the walk on this thread (reads %s)',
    async (_, parallelReads) => {
      const single = await walkOf(root, { threads: 0 });
      const threaded = await walkOf(root, { threads: 2, parallelReads, concurrency: 8 });
      expect(single.entries).toHaveLength(6 + 6 * 12 + 6 * 12 * 4 + 2);
      expect(threaded.entries).toEqual(single.entries);
      expect(threaded.skippedLinks).toBe(3);
      expect(threaded.skippedLinks).toBe(single.skippedLinks);
      expect(threaded.gaps).toEqual([]);
      // One batch per non-empty directory: the root, 6 departments, 72 dossiers.
      expect(threaded.batches).toBe(1 + 6 + 72);
      expect(threaded.entries.some((e) => /link|lus|buiten|pijp/.test(e.path))).toBe(false);
    },
  );

  it.each([1, 10, 100])(
    'yields every entry once when a worker goes on into subfolders and gives back those past %i entries',
    async (entriesPerRequest) => {
      const single = await walkOf(root, { threads: 0 });
      const entries: Entry[] = [];
      let batches = 0;
      let links = 0;
      const gaps: Gap[] = [];
      for await (const batch of walkInWorkers({
        absRoot: root,
        concurrency: 8,
        threads: 2,
        parallelReads: false,
        entriesPerRequest,
        gaps,
        onLinks: (n) => (links += n),
      })) {
        batches++;
        entries.push(...batch);
      }
      entries.sort((a, b) => (a.path < b.path ? -1 : 1));
      expect(entries).toEqual(single.entries);
      expect(batches).toBe(1 + 6 + 72);
      expect(links).toBe(3);
      expect(gaps).toEqual([]);
    },
  );

  it('keeps no more directories in flight than asked', async () => {
    let peak = 0;
    let entries = 0;
    const walk = walkInWorkers({
      absRoot: root,
      concurrency: 5,
      threads: 2,
      parallelReads: false,
      gaps: [],
      onLinks: () => {},
      onDispatch: (n) => (peak = Math.max(peak, n)),
    });
    for await (const batch of walk) entries += batch.length;
    expect(entries).toBe(6 + 6 * 12 + 6 * 12 * 4 + 2);
    expect(peak).toBe(5);
  });

  it('reports a root it cannot read (missing, or not a folder) as a gap at path ""', async () => {
    const missing = await walkOf(join(base, 'bestaat-niet'), { threads: 2 });
    expect(missing.entries).toEqual([]);
    expect(missing.gaps).toEqual([{ path: '', reason: 'ENOENT' }]);
    const gaps: { path: string; reason: string }[] = [];
    const file = join(base, 'geen-map.txt');
    writeFileSync(file, 'a file, not a folder');
    const entries: Entry[] = [];
    for await (const batch of walkInWorkers({
      absRoot: file,
      concurrency: 4,
      threads: 1,
      parallelReads: true,
      gaps,
      onLinks: () => {},
    }))
      entries.push(...batch);
    expect(entries).toEqual([]);
    expect(gaps).toEqual([{ path: '', reason: 'ENOTDIR' }]);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const source = filesystemSource(root, { threads: 2, concurrency: 2 });
    let batches = 0;
    for await (const batch of source.entries(controller.signal)) {
      expect(batch.length).toBeGreaterThan(0);
      batches++;
      controller.abort();
    }
    expect(batches).toBe(1);
    expect(source.stats.items).toBeLessThan(6 * 12 * 5);
  });

  it("reads samples and whole-file hashes on its threads as this thread does, and refuses a link in a file's place", async () => {
    const dir = join(base, 'inhoud');
    mkdirSync(dir, { recursive: true });
    // Small (the sample is the whole file), large with the same head and tail but another middle, and a link.
    writeFileSync(join(dir, 'klein.txt'), 'klein bestand');
    const large = (middle: string) =>
      Buffer.concat([Buffer.alloc(5000, 'a'), Buffer.from(middle), Buffer.alloc(5000, 'z')]);
    writeFileSync(join(dir, 'groot-1.bin'), large('een'));
    writeFileSync(join(dir, 'groot-2.bin'), large('twee'));
    symlinkSync(join(base, 'outside', 'geheim', 'buiten.txt'), join(dir, 'link.txt'));
    const threaded = filesystemSource(dir, { threads: 2 });
    const here = filesystemSource(dir, { threads: 0 });
    const files = ['klein.txt', 'groot-1.bin', 'groot-2.bin'];
    const samples = await Promise.all(files.map((f) => threaded.sample!(f)));
    const hashes = await Promise.all(files.map((f) => threaded.hash!(f)));
    expect(samples).toEqual(await Promise.all(files.map((f) => here.sample!(f))));
    expect(hashes).toEqual(await Promise.all(files.map((f) => here.hash!(f))));
    expect(samples[1]).toBe(samples[2]); // the same first and last 4 kB
    expect(hashes[1]).not.toBe(hashes[2]);
    await expect(threaded.sample!('link.txt')).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(here.sample!('link.txt')).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(threaded.hash!('bestaat-niet.txt')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets the process end after reading samples on its threads', () => {
    const code = `(async () => {
      const { filesystemSource } = await import(${JSON.stringify(join(rootDir, 'src', 'housekeeping', 'sources', 'filesystem.ts'))});
      const source = filesystemSource(${JSON.stringify(root)}, { threads: 2 });
      console.log((await source.sample('leeg.txt')).length);
    })();`;
    const started = Date.now();
    const child = spawnSync(join(rootDir, 'node_modules', '.bin', 'tsx'), ['-e', code], {
      cwd: rootDir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.signal).toBeNull();
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('40'); // a sha1 in hex
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.each([
    ['the signal aborts', 'controller.abort();'],
    ['the reader stops early', 'break;'],
  ])('ends its threads when %s, so they do not keep the process alive', (_, stop) => {
    // A worker left running would keep the child process alive until the timeout kills it.
    const code = `(async () => {
      const { filesystemSource } = await import(${JSON.stringify(join(rootDir, 'src', 'housekeeping', 'sources', 'filesystem.ts'))});
      const controller = new AbortController();
      let batches = 0;
      for await (const batch of filesystemSource(${JSON.stringify(root)}, { threads: 2 }).entries(controller.signal)) { batches++; ${stop} }
      console.log(batches);
    })();`;
    const child = spawnSync(join(rootDir, 'node_modules', '.bin', 'tsx'), ['-e', code], {
      cwd: rootDir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.signal).toBeNull();
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('1');
    expect(child.status).toBe(0);
  });
});
