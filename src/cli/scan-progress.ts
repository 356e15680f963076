import { SingleBar } from 'cli-progress';
import type { ScanProgress } from '../housekeeping/report.js';
import type { Lang } from '../lang.js';

/** How a running scan shows its progress on stderr: a redrawn bar on a terminal, plain lines elsewhere. */
export interface ProgressView {
  update(p: ScanProgress): void;
  stop(): void;
}

export interface ProgressOptions {
  lang: Lang;
  /** Graph scans also count requests and the time waited on throttling. */
  graph: boolean;
  /** Plain lines: least time between two (ms); default 2 s. */
  intervalMs?: number;
  /** The clock of plain lines (tests give their own). */
  now?: () => number;
}

/**
 * A count with its thousands grouped as nl-NL (12.345) and en-GB (12,345) write it. By hand, not toLocaleString:
 * loading the locale data took 15-30 ms of the CLI's start, on the thread that takes in the walk.
 */
function grouped(count: number, separator: string): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** "12.345 bestanden, 678 mappen gelezen", with a Graph scan's requests and waiting. */
export function progressText(p: ScanProgress, lang: Lang, graph: boolean): string {
  const nl = lang === 'nl';
  const n = (value: number) => grouped(value, nl ? '.' : ',');
  const files = p.files ?? p.items;
  const folders = p.folders ?? 0;
  const counted = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;
  let text = nl
    ? `${counted(files, 'bestand', 'bestanden')}, ${counted(folders, 'map', 'mappen')} gelezen`
    : `${counted(files, 'file', 'files')}, ${counted(folders, 'folder', 'folders')} read`;
  if (graph)
    text += nl
      ? `, ${n(p.requests)} verzoeken, ${n(Math.round(p.throttledSeconds))} s gewacht (throttling)`
      : `, ${n(p.requests)} requests, ${n(Math.round(p.throttledSeconds))} s waited (throttling)`;
  return text;
}

/** A bar redrawn in place, for a person watching a terminal. */
export function barProgress(stream: NodeJS.WriteStream, options: ProgressOptions): ProgressView {
  const label = options.lang === 'nl' ? 'Scannen' : 'Scanning';
  const bar = new SingleBar({ stream, format: `${label} | {text}`, hideCursor: true, clearOnComplete: true });
  bar.start(0, 0, { text: progressText({ items: 0, requests: 0, throttledSeconds: 0 }, options.lang, options.graph) });
  return {
    update: (p) => bar.update(p.items, { text: progressText(p, options.lang, options.graph) }),
    stop: () => bar.stop(),
  };
}

/**
 * Plain lines, for a log or a pipe (stderr not a terminal): the first progress at once, then at most one line per
 * interval, and the last count when the scan ends; no redrawing, no escape codes.
 */
export function lineProgress(stream: NodeJS.WritableStream, options: ProgressOptions): ProgressView {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 2000;
  const label = options.lang === 'nl' ? 'Scannen' : 'Scanning';
  let last: ScanProgress | undefined;
  let written: ScanProgress | undefined;
  let at = -Infinity;
  const write = (p: ScanProgress) => {
    written = p;
    stream.write(`${label}: ${progressText(p, options.lang, options.graph)}\n`);
  };
  return {
    update(p) {
      last = p;
      const t = now();
      if (t - at < interval) return;
      at = t;
      write(p);
    },
    stop() {
      if (last && last !== written) write(last);
    },
  };
}
