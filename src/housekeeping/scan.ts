import type { Lang } from '../lang.js';
import { adviceTexts, fill, groupOf } from './advice.js';
import { cancelledReason, describeGaps, describeNothingRead, reasonText } from './gaps.js';
import { maskPersonalData } from './personal-data.js';
import {
  adviceGroups,
  ruleIds,
  type AdviceGroup,
  type AdviceLine,
  type Finding,
  type FolderScore,
  type RuleId,
  type ScanProgress,
  type ScanReport,
  type UnreadScan,
} from './report.js';
import {
  createRules,
  isTempName,
  ruleMeta,
  type EntryView,
  type Report,
  type Rule,
  type RuleContext,
} from './rules/index.js';
import { computeScore } from './score.js';
import type { Entry, Gap, Source } from './source.js';
import { mergeThresholds, type Thresholds, type ThresholdsFile } from './thresholds.js';

export interface ScanOptions {
  /** Overrides of the default limits (a config file's content, already validated). */
  thresholds?: Partial<Thresholds> | ThresholdsFile;
  onProgress?(p: ScanProgress): void;
  signal?: AbortSignal;
  lang?: Lang;
  /** "Now" for staleness (tests fix it); defaults to the start of the scan. */
  now?: Date;
  /** Least time between two progress calls (ms); default 100. */
  progressIntervalMs?: number;
}

/**
 * Thrown by runScan when nothing could be read (the root unreadable, every part of it unreadable, or cancelled
 * first): there is nothing to score. `scan` says what and why, masked; the message holds no path (it may be logged).
 */
export class NothingReadError extends Error {
  constructor(readonly scan: UnreadScan) {
    super('the scan read nothing: its root could not be read');
    this.name = 'NothingReadError';
  }
}

const ruleIndex = new Map<RuleId, number>(ruleIds.map((r, i) => [r, i]));
const groupOrder: Record<AdviceGroup, number> = { urgent: 0, 'within-a-year': 1, desirable: 2 };

/** What the scan keeps per folder: counts only, so a million entries fit in little memory. */
class FolderAgg {
  children = 0;
  files = 0;
  newest = 0;
  reported = 0;
  readable = true;
  subtreeComplete = true;
  constructor(readonly depth: number) {}
}

/** A folder near the top whose subtree gets a score of its own. */
class ScopeAgg {
  items = 0;
  findings = 0;
  complete = true;
  readonly affected = new Float64Array(ruleIds.length);
}

function depthOf(path: string): number {
  if (path === '') return 0;
  let depth = 1;
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) depth++;
  return depth;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Runs every rule over a source's entries in one pass: per-entry rules see each batch once, folder rules
 * work on small per-folder aggregates after the walk, duplicates are compared at the end. Findings are
 * masked as they are made, so nothing downstream (reports, database, logs) ever sees personal data whole.
 * A scan that read nothing has no score: it throws NothingReadError, which carries what could not be read.
 */
export async function runScan(source: Source, options: ScanOptions = {}): Promise<ScanReport> {
  const started = new Date();
  const lang: Lang = options.lang ?? 'nl';
  const thresholds = mergeThresholds(options.thresholds);
  // The source starts first (a file-system walk starts its threads), so that it reads while the texts are parsed.
  const batches = source.entries(options.signal)[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<Entry[]>> | undefined = batches.next();
  first.catch(() => {}); // awaited below; a rejection is handled there
  let texts: ReturnType<typeof adviceTexts>;
  try {
    texts = adviceTexts();
  } catch (error) {
    await batches.return?.();
    throw error;
  }
  const now = (options.now ?? started).getTime();
  const scopeDepth = thresholds.folderScoreDepth;
  const rules = createRules(thresholds.disabledRules);
  const visitors = rules.filter((r) => r.visit);
  const extraGaps: Gap[] = [];

  const ctx: RuleContext = {
    thresholds,
    target: source.target,
    pathPrefixLength: thresholds.pathPrefixLength ?? (source.kind === 'filesystem' ? source.root.length : 0),
    now,
    lang,
    term: (name, params = {}) => fill(texts.terms[name]?.[lang] ?? name, params),
    hash: source.hash ? (path) => source.hash!(path) : undefined,
    sample: source.sample ? (path) => source.sample!(path) : undefined,
    gap: (path, reason) => extraGaps.push({ path, reason }),
    signal: options.signal,
  };

  const folders = new Map<string, FolderAgg>([['', new FolderAgg(0)]]);
  const scopes = new Map<string, ScopeAgg>();
  const findings: Finding[] = [];
  const affected = new Float64Array(ruleIds.length);
  const counts = new Float64Array(ruleIds.length);
  let files = 0;
  let folderCount = 0;
  let bytes = 0;

  const folderAgg = (path: string): FolderAgg => {
    let agg = folders.get(path);
    if (!agg) folders.set(path, (agg = new FolderAgg(depthOf(path))));
    return agg;
  };
  /** The scopes a path counts in: its ancestors (and itself when a folder) down to the score depth. */
  const scopesOf = (path: string, includeSelf: boolean): ScopeAgg[] => {
    const list: ScopeAgg[] = [];
    if (scopeDepth === 0 || path === '') return list;
    let at = path.indexOf('/');
    for (let d = 1; d <= scopeDepth; d++) {
      const prefix = at < 0 ? path : path.slice(0, at);
      if (at < 0 && !includeSelf) break;
      let scope = scopes.get(prefix);
      if (!scope) scopes.set(prefix, (scope = new ScopeAgg()));
      list.push(scope);
      if (at < 0) break;
      at = path.indexOf('/', at + 1);
    }
    return list;
  };

  /** The same, for a finding: only scopes that exist (a file is never a scope of its own). */
  const existingScopesOf = (path: string): ScopeAgg[] => {
    const list: ScopeAgg[] = [];
    let at = path.indexOf('/');
    for (let d = 1; d <= scopeDepth; d++) {
      const scope = scopes.get(at < 0 ? path : path.slice(0, at));
      if (scope) list.push(scope);
      if (at < 0) break;
      at = path.indexOf('/', at + 1);
    }
    return list;
  };

  const reporters = new Map<RuleId, Report>();
  for (const rule of rules) reporters.set(rule.id, makeReporter(rule));
  function makeReporter(rule: Rule): Report {
    const index = ruleIndex.get(rule.id)!;
    const { detail, advice } = texts.rules[rule.id];
    const group = groupOf(rule.severity);
    return (path, params, weight = 1, members) => {
      const safe: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(params)) safe[k] = typeof v === 'string' ? maskPersonalData(v) : v;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        path: maskPersonalData(path),
        detail: fill(detail[lang], safe),
        advice: advice[lang],
        group,
      });
      affected[index]! += weight;
      counts[index]! += 1;
      if (members) {
        // Each member counts in its own folders; the finding once in every folder that holds one.
        const touched = new Set<ScopeAgg>();
        for (const member of members)
          for (const scope of existingScopesOf(member)) {
            scope.affected[index]! += 1;
            touched.add(scope);
          }
        for (const scope of touched) scope.findings++;
      } else if (path !== '') {
        for (const scope of existingScopesOf(path)) {
          scope.affected[index]! += weight;
          scope.findings++;
        }
      }
    };
  }

  let lastProgress = 0;
  const progress = (force: boolean) => {
    if (!options.onProgress) return;
    const t = Date.now();
    if (!force && t - lastProgress < (options.progressIntervalMs ?? 100)) return;
    lastProgress = t;
    options.onProgress({
      items: Math.max(source.stats.items, files + folderCount),
      requests: source.stats.requests,
      throttledSeconds: source.stats.throttledSeconds,
      files,
      folders: folderCount,
    });
  };

  const visitorReports = visitors.map((rule) => reporters.get(rule.id)!);
  let cancelled = false;
  let failure: string | undefined;
  let lastParent: string | undefined;
  let lastParentAgg = folderAgg('');
  let lastParentDepth = 0;
  let lastScopes: ScopeAgg[] = [];
  try {
    for (;;) {
      const next = await (first ?? batches.next());
      first = undefined;
      if (next.done) break;
      const batch = next.value;
      for (const entry of batch) {
        const path = entry.path;
        if (path === '') {
          folderAgg('').reported = entry.childCount ?? 0;
          continue;
        }
        const slash = path.lastIndexOf('/');
        // Entries come a folder at a time: the same parent as the last entry is known without a new string.
        const sameParent =
          lastParent !== undefined &&
          (slash < 0 ? lastParent === '' : slash === lastParent.length && path.startsWith(lastParent));
        const parent = sameParent ? lastParent! : slash < 0 ? '' : path.slice(0, slash);
        if (!sameParent) {
          lastParent = parent;
          lastParentAgg = folderAgg(parent);
          lastParentDepth = lastParentAgg.depth;
          lastScopes = scopesOf(parent, true);
        }
        const depth = lastParentDepth + 1;
        lastParentAgg.children++;
        if (entry.kind === 'file') {
          files++;
          bytes += entry.size;
          lastParentAgg.files++;
          if (entry.modified > lastParentAgg.newest) lastParentAgg.newest = entry.modified;
        } else {
          folderCount++;
          const own = folderAgg(path);
          if (entry.childCount !== undefined) own.reported = entry.childCount;
        }
        for (const scope of lastScopes) scope.items++;
        if (entry.kind === 'folder' && depth <= scopeDepth) {
          let own = scopes.get(path);
          if (!own) scopes.set(path, (own = new ScopeAgg()));
          own.items++;
        }
        if (visitors.length === 0) continue;
        const name = slash < 0 ? path : path.slice(slash + 1);
        const view: EntryView = { entry, name, depth, parent, temp: entry.kind === 'file' && isTempName(name) };
        for (let i = 0; i < visitors.length; i++) visitors[i]!.visit!(view, visitorReports[i]!, ctx);
      }
      progress(false);
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
    }
    await batches.return?.();
  } catch (error) {
    await batches.return?.().catch(() => {});
    if (options.signal?.aborted) cancelled = true;
    else failure = maskPersonalData((error as Error).message);
  }

  for (const gap of source.gaps) {
    const agg = folders.get(gap.path);
    if (agg) agg.readable = agg.subtreeComplete = false;
  }
  // Newest file per subtree: deepest folders first, each passes its newest (and unread parts) to its parent.
  const ordered = [...folders.entries()].sort((a, b) => b[1].depth - a[1].depth);
  for (const [path, agg] of ordered) {
    if (path === '') continue;
    const parent = folders.get(parentOf(path)) ?? folderAgg(parentOf(path));
    if (agg.newest > parent.newest) parent.newest = agg.newest;
    if (!agg.subtreeComplete) parent.subtreeComplete = false;
  }
  const folderRules = rules.filter((r) => r.folder);
  for (const [path, agg] of ordered.reverse()) {
    const parentNewest = path === '' ? agg.newest : (folders.get(parentOf(path))?.newest ?? 0);
    const facts = {
      path,
      depth: agg.depth,
      children: Math.max(agg.children, agg.reported),
      files: agg.files,
      newestFile: agg.newest,
      parentNewestFile: parentNewest,
      readable: agg.readable,
      subtreeComplete: agg.subtreeComplete,
    };
    for (const rule of folderRules) rule.folder!(facts, reporters.get(rule.id)!, ctx);
  }
  folders.clear();
  if (!cancelled) for (const rule of rules) if (rule.finish) await rule.finish(reporters.get(rule.id)!, ctx);
  if (options.signal?.aborted) cancelled = true;
  progress(true);

  const gaps: Gap[] = [...source.gaps, ...extraGaps];
  if (failure) gaps.push({ path: '', reason: failure });
  if (cancelled) gaps.push({ path: '', reason: cancelledReason });
  const items = files + folderCount;
  const maskedGaps = gaps.map((g) => ({
    path: maskPersonalData(g.path),
    reason: maskPersonalData(reasonText(g.reason, lang)),
  }));
  const base = {
    source: source.kind,
    root: maskPersonalData(source.root),
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    stats: { files, folders: folderCount, bytes, graphRequests: source.stats.requests },
  };
  if (items === 0 && gaps.length > 0)
    throw new NothingReadError({
      ...base,
      complete: false,
      read: false,
      incompleteReason: describeNothingRead(maskedGaps, cancelled, source.kind, lang),
      gaps: maskedGaps.slice(0, 1000),
      lang,
      rulesVersion: texts.version,
      target: source.target,
    });
  // A folder score covers what was read: one with an unread part in its subtree says so.
  for (const gap of gaps) {
    if (gap.path === '') for (const scope of scopes.values()) scope.complete = false;
    else for (const scope of existingScopesOf(gap.path)) scope.complete = false;
  }

  findings.sort(
    (a, b) =>
      groupOrder[a.group!] - groupOrder[b.group!] ||
      ruleIndex.get(a.rule)! - ruleIndex.get(b.rule)! ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const affectedOf = (values: Float64Array) =>
    Object.fromEntries(ruleIds.map((r, i) => [r, values[i]!])) as Record<RuleId, number>;
  const summary = computeScore(affectedOf(affected), items);
  const ruleCounts = Object.fromEntries(ruleIds.map((r, i) => [r, counts[i]!])) as Record<RuleId, number>;

  const folderScores: FolderScore[] = [...scopes.entries()]
    .map(([path, scope]) => ({
      path: maskPersonalData(path),
      items: scope.items,
      findings: scope.findings,
      ...computeScore(affectedOf(scope.affected), scope.items),
      ...(scope.complete ? {} : { complete: false }),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));

  const advice = Object.fromEntries(adviceGroups.map((g) => [g, [] as AdviceLine[]])) as Record<
    AdviceGroup,
    AdviceLine[]
  >;
  for (const rule of ruleIds) {
    const count = ruleCounts[rule];
    if (count === 0) continue;
    const t = texts.rules[rule];
    advice[groupOf(ruleMeta[rule].severity)].push({ rule, title: t.title[lang], count, advice: t.advice[lang] });
  }

  const complete = maskedGaps.length === 0;
  return {
    source: base.source,
    root: base.root,
    complete,
    ...(complete ? {} : { incompleteReason: describeGaps(maskedGaps, cancelled, lang) }),
    startedAt: base.startedAt,
    finishedAt: base.finishedAt,
    stats: base.stats,
    score: summary.score,
    label: summary.label,
    findings,
    subScores: summary.subScores,
    capped: summary.capped,
    ruleCounts,
    folders: folderScores,
    advice,
    gaps: maskedGaps.slice(0, 1000),
    lang,
    rulesVersion: texts.version,
    target: source.target,
  };
}
