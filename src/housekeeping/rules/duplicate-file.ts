import { formatBytes } from '../advice.js';
import { maskPersonalData } from '../personal-data.js';
import { PathArena } from './path-arena.js';
import type { Rule } from './rule.js';

/** A candidate: its path, or its path and the hash the source gave for free. */
type Candidate = string | { path: string; hash: string };
const pathOf = (c: Candidate) => (typeof c === 'string' ? c : c.path);
const candidateOf = (record: { path: string; hash?: string }): Candidate =>
  record.hash === undefined ? record.path : { path: record.path, hash: record.hash };

/** Copies named in a finding's detail; the rest are counted. */
const namedCopies = 10;
const wholeSampleLimit = 8 * 1024;
/** Reads in flight per size, and sizes compared at once (a file-system source reads them on its threads). */
const hashConcurrency = 16;
const sizeConcurrency = 16;

/**
 * The same content more than once. Files are grouped by size while walking (one map entry per size, so
 * a million unique sizes cost little); only sizes seen twice are hashed (the file system) or compared by
 * the source's hash (quickXorHash on Graph). Empty files are never duplicates. A group is one finding, at its
 * first copy, listing the copies and the bytes the extra ones take; every copy counts for the score and for its
 * folder's score. Paths wait in a compact arena.
 */
export function duplicateFileRule(): Rule {
  // Size -> candidate record(s) in the arena: numbers only, so a million files stay small in memory.
  const arena = new PathArena();
  const bySize = new Map<number, number | number[]>();
  return {
    id: 'duplicate-file',
    severity: 'medium',
    category: 'findability',
    visit({ entry, parent, name }) {
      if (entry.kind !== 'file' || entry.size <= 0) return;
      const candidate = arena.add(parent, name, entry.hash);
      const seen = bySize.get(entry.size);
      if (seen === undefined) bySize.set(entry.size, candidate);
      else if (Array.isArray(seen)) seen.push(candidate);
      else bySize.set(entry.size, [seen, candidate]);
    },
    async finish(report, ctx) {
      const groups: { size: number; paths: string[] }[] = [];
      // Only the sizes seen more than once; never a copy of the whole map (a million pairs at the peak).
      const sizes: [number, number[]][] = [];
      for (const [size, refs] of bySize) if (Array.isArray(refs)) sizes.push([size, refs]);
      bySize.clear();
      // Several sizes at a time, so that a source reading contents on threads has enough requests to share out.
      await eachLimited(sizes, sizeConcurrency, async ([size, refs]) => {
        if (ctx.signal?.aborted) return;
        const candidates = refs.map((ref) => candidateOf(arena.get(ref)));
        // With a sample (file system): up to 8 kB it is the digest of the whole file; larger files are first
        // split by it and only files whose first and last 4 kB agree are read whole.
        const sampled = ctx.sample && typeof candidates[0] === 'string';
        const wholeBySample = sampled && size <= wholeSampleLimit;
        const groupsToHash =
          sampled && !wholeBySample ? await splitBy(candidates, (c) => ctx.sample!(pathOf(c)), ctx) : [candidates];
        const byHash = new Map<string, string[]>();
        for (const group of groupsToHash) {
          if (group.length < 2) continue;
          await eachLimited(group, hashConcurrency, async (c) => {
            let hash: string | undefined;
            if (typeof c !== 'string') hash = c.hash;
            else if (wholeBySample || ctx.hash) {
              try {
                hash = wholeBySample ? await ctx.sample!(c) : await ctx.hash!(c);
              } catch (error) {
                ctx.gap(c, (error as NodeJS.ErrnoException).code ?? 'unreadable');
              }
            }
            if (hash === undefined) return;
            const list = byHash.get(hash);
            if (list) list.push(pathOf(c));
            else byHash.set(hash, [pathOf(c)]);
          });
        }
        for (const paths of byHash.values()) if (paths.length > 1) groups.push({ size, paths: paths.sort() });
      });
      if (ctx.signal?.aborted) return;
      arena.clear();
      groups.sort(
        (a, b) => b.size * (b.paths.length - 1) - a.size * (a.paths.length - 1) || (a.paths[0]! < b.paths[0]! ? -1 : 1),
      );
      for (const { size, paths } of groups) {
        const masked = paths.map(maskPersonalData);
        const named = masked.slice(0, namedCopies).join(', ');
        const rest = masked.length - namedCopies;
        report(
          paths[0]!,
          {
            size: formatBytes(size, ctx.lang),
            paths: rest > 0 ? `${named} ${ctx.term('more', { count: rest })}` : named,
            copies: paths.length,
            wasted: formatBytes(size * (paths.length - 1), ctx.lang),
          },
          paths.length,
          paths,
        );
      }
    },
  };
}

/** Splits candidates by a key (a sample fingerprint), all asked at once; unreadable ones become gaps. */
async function splitBy(
  candidates: Candidate[],
  key: (c: Candidate) => Promise<string>,
  ctx: { gap(path: string, reason: string): void },
): Promise<Candidate[][]> {
  const keys = await Promise.all(
    candidates.map(async (c) => {
      try {
        return await key(c);
      } catch (error) {
        ctx.gap(pathOf(c), (error as NodeJS.ErrnoException).code ?? 'unreadable');
        return undefined;
      }
    }),
  );
  const groups = new Map<string, Candidate[]>();
  candidates.forEach((c, i) => {
    const k = keys[i];
    if (k === undefined) return;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  });
  return [...groups.values()];
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
