import { randomUUID } from 'node:crypto';
import { maskPersonalData } from '../../housekeeping/personal-data.js';
import type { Label, RuleId, ScanReport, ScanTrend } from '../../housekeeping/report.js';
import { computeTrend, ruleCountsOf, type ScanSummary } from '../../housekeeping/trend.js';
import type { Queryable } from '../store.js';

export { computeTrend, type ScanSummary } from '../../housekeeping/trend.js';

/**
 * Scans of the data-readiness check. `sourceKey` says what was scanned ("fs:<host>:<absolute path>",
 * "graph:drive:<id>", "graph:site:<id>", "graph:team:<id>"); the trend compares scans with the same key.
 * Reports arrive masked; the key is masked here too, so no personal data reaches the database.
 */
export interface StoredScan extends ScanSummary {
  sourceKey: string;
  owner?: string;
  report: ScanReport;
}

interface ScanRow extends Record<string, unknown> {
  id: string;
  source_key: string;
  owner: string | null;
  finished_at: Date | string;
  score: number;
  label: string;
  rule_counts: Record<string, number> | string;
}

const summaryColumns = 'id, source_key, owner, finished_at, score, label, rule_counts';

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function toSummary(row: ScanRow): ScanSummary & { sourceKey: string; owner?: string } {
  return {
    id: row.id,
    sourceKey: row.source_key,
    ...(row.owner ? { owner: row.owner } : {}),
    finishedAt: iso(row.finished_at),
    score: Number(row.score),
    label: row.label as Label,
    ruleCounts: json<Partial<Record<RuleId, number>>>(row.rule_counts),
  };
}

/** Stores a finished scan with its statistics; returns its id. */
export async function saveScanReport(
  store: Queryable,
  sourceKey: string,
  report: ScanReport,
  options: { owner?: string } = {},
): Promise<{ id: string }> {
  const id = randomUUID();
  const { trend: _trend, ...stored } = report;
  await store.query(
    `insert into housekeeping_scans (id, source_key, owner, source, root, complete, incomplete_reason, started_at, finished_at,
       files, folders, bytes, graph_requests, score, label, rule_counts, report)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      id,
      maskPersonalData(sourceKey),
      options.owner ?? null,
      report.source,
      maskPersonalData(report.root),
      report.complete,
      report.incompleteReason ?? null,
      report.startedAt,
      report.finishedAt,
      report.stats.files,
      report.stats.folders,
      report.stats.bytes,
      report.stats.graphRequests,
      report.score,
      report.label,
      JSON.stringify(ruleCountsOf(report)),
      JSON.stringify(stored),
    ],
  );
  return { id };
}

/**
 * The latest scan of a source, or the latest one stored before `beforeId`. With `owner` (null: scans without one),
 * only that owner's scans count: a person's trend compares with their own earlier scan, never someone else's.
 */
export async function previousScan(
  store: Queryable,
  sourceKey: string,
  beforeId?: string,
  owner?: string | null,
): Promise<(ScanSummary & { sourceKey: string; owner?: string }) | undefined> {
  const params: unknown[] = [maskPersonalData(sourceKey)];
  let where = 'source_key = $1';
  if (beforeId) {
    params.push(beforeId);
    where += ` and seq < (select seq from housekeeping_scans where id = $${params.length})`;
  }
  if (owner !== undefined) {
    params.push(owner);
    where += ` and owner is not distinct from $${params.length}::text`;
  }
  const rows = await store.query<ScanRow>(
    `select ${summaryColumns} from housekeeping_scans where ${where} order by seq desc limit 1`,
    params,
  );
  return rows[0] ? toSummary(rows[0]) : undefined;
}

/** A stored scan with its report (the trend against the same owner's scan of the same source before it filled in). */
export async function getScan(store: Queryable, id: string): Promise<StoredScan | undefined> {
  const rows = await store.query<ScanRow & { report: ScanReport | string }>(
    `select ${summaryColumns}, report from housekeeping_scans where id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const summary = toSummary(row);
  const report = json<ScanReport>(row.report);
  const before = await previousScan(store, summary.sourceKey, id, summary.owner ?? null);
  return { ...summary, report: before ? { ...report, trend: computeTrend(report, before) } : report };
}

/** The scans of one source, newest first (summaries only). */
export async function listScans(
  store: Queryable,
  sourceKey: string,
  limit = 20,
): Promise<(ScanSummary & { sourceKey: string })[]> {
  const rows = await store.query<ScanRow>(
    `select ${summaryColumns} from housekeeping_scans where source_key = $1 order by seq desc limit $2`,
    [maskPersonalData(sourceKey), limit],
  );
  return rows.map(toSummary);
}

/** Stores a report and returns its id with the trend against the previous scan of the same source. */
export async function saveWithTrend(
  store: Queryable,
  sourceKey: string,
  report: ScanReport,
  options: { owner?: string } = {},
): Promise<{ id: string; trend?: ScanTrend }> {
  const before = await previousScan(store, sourceKey, undefined, options.owner ?? null);
  const { id } = await saveScanReport(store, sourceKey, report, options);
  return { id, ...(before ? { trend: computeTrend(report, before) } : {}) };
}

/** The scans one person started (by their pseudonym), newest first: summaries with what was scanned (masked). */
export async function listScansOf(
  store: Queryable,
  owner: string,
  limit = 5,
): Promise<(ScanSummary & { sourceKey: string; root: string })[]> {
  const rows = await store.query<ScanRow & { root: string }>(
    `select ${summaryColumns}, root from housekeeping_scans where owner = $1 order by seq desc limit $2`,
    [owner, limit],
  );
  return rows.map((row) => ({ ...toSummary(row), root: row.root }));
}

/** A stored scan as a list shows it: what was scanned (masked), by whom (a pseudonym or 'agent'), when, how it did. */
export interface ScanListing extends ScanSummary {
  sourceKey: string;
  owner?: string;
  source: ScanReport['source'];
  root: string;
  complete: boolean;
}

/**
 * The scans one person may see, newest first: their own (by pseudonym) and, with `shared`, those of that owner too
 * (the on-premises agents' uploads are stored with owner 'agent').
 */
export async function listScansVisibleTo(
  store: Queryable,
  owner: string,
  shared: string | undefined,
  limit = 20,
): Promise<ScanListing[]> {
  const rows = await store.query<ScanRow & { root: string; source: string; complete: boolean }>(
    `select ${summaryColumns}, root, source, complete from housekeeping_scans
     where owner in ($1, $2) order by seq desc limit $3`,
    [owner, shared ?? owner, limit],
  );
  return rows.map((row) => ({
    ...toSummary(row),
    source: row.source === 'graph' ? 'graph' : 'filesystem',
    root: row.root,
    complete: Boolean(row.complete),
  }));
}
