import type { Lang } from '../../lang.js';
import { adviceTexts, formatBytes } from '../advice.js';
import { shownPath, unreadParts } from '../gaps.js';
import { adviceGroups, isUnread, scoreCategories, type ScanResult } from '../report.js';
import { categoryNames, groupNames, unreadNames } from './labels.js';

const shown = 15;

/** What could not be read, one line each (the first `shown`). */
function gapLines(all: { path: string; reason: string }[], lang: Lang): string[] {
  const gaps = unreadParts(all);
  if (gaps.length === 0) return [];
  const lines = [`${unreadNames[lang].heading} (${gaps.length}${gaps.length >= 1000 ? '+' : ''}):`];
  for (const g of gaps.slice(0, shown)) lines.push(`  - ${shownPath(g.path, lang)}: ${g.reason}`);
  if (gaps.length > shown)
    lines.push(
      lang === 'nl'
        ? '  ... de volledige lijst staat in --json, --csv en --xlsx.'
        : '  ... the full list is in --json, --csv and --xlsx.',
    );
  return lines;
}

/**
 * The report as a terminal reads it: score and label, sub-scores, trend, advice per group, the first findings, and
 * what could not be read. A scan that read nothing says so, without a score or a label.
 */
export function formatSummary(report: ScanResult, lang: Lang): string {
  const nl = lang === 'nl';
  const texts = adviceTexts();
  const lines: string[] = [];
  lines.push(`${nl ? 'Datahygiëne-scan van' : 'Data-readiness scan of'} ${report.root}`);
  if (isUnread(report)) {
    lines.push(`${nl ? 'NIET GELEZEN' : 'NOT READ'}: ${report.incompleteReason}`);
    lines.push(unreadNames[lang].noScore);
    // The root's own gap is the reason already; parts below it are listed.
    const below = report.gaps.filter((g) => g.path !== '');
    if (below.length > 0) lines.push('', ...gapLines(below, lang));
    return lines.join('\n') + '\n';
  }
  lines.push(
    `${report.stats.files.toLocaleString(nl ? 'nl-NL' : 'en-GB')} ${nl ? 'bestanden' : 'files'}, ${report.stats.folders.toLocaleString(nl ? 'nl-NL' : 'en-GB')} ${nl ? 'mappen' : 'folders'}, ${formatBytes(report.stats.bytes, lang)}` +
      (report.source === 'graph' ? `, ${report.stats.graphRequests} ${nl ? 'Graph-verzoeken' : 'Graph requests'}` : ''),
  );
  if (!report.complete)
    lines.push(
      `${nl ? 'LET OP: niet volledig gelezen.' : 'NOTE: not read completely.'} ${report.incompleteReason ?? ''}`,
    );
  lines.push('');
  lines.push(
    `Score: ${report.score}/100   Label: ${report.label}${report.complete ? '' : `  (${unreadNames[lang].labelNote})`}${report.capped ? (nl ? '  (begrensd op D: persoonsgegevens of anonieme links)' : '  (capped at D: personal data or anonymous links)') : ''}`,
  );
  if (report.subScores)
    for (const c of scoreCategories) lines.push(`  ${categoryNames[lang][c].padEnd(32)} ${report.subScores[c]}`);
  if (report.trend) {
    const d = report.trend.scoreDelta;
    lines.push('');
    lines.push(
      `${nl ? 'Sinds de vorige scan' : 'Since the previous scan'} (${report.trend.previousFinishedAt.slice(0, 10)}): score ${report.trend.previousScore} → ${report.score} (${d >= 0 ? '+' : ''}${d}), label ${report.trend.previousLabel} → ${report.label}`,
    );
    for (const r of report.trend.rules) {
      if (r.delta === 0) continue;
      lines.push(
        `  ${texts.rules[r.rule].title[lang].padEnd(32)} ${r.before} → ${r.now} (${r.delta > 0 ? '+' : ''}${r.delta})`,
      );
    }
  } else {
    lines.push(nl ? '(Eerste scan van deze bron: nog geen trend.)' : '(First scan of this source: no trend yet.)');
  }
  for (const group of adviceGroups) {
    const items = report.advice?.[group] ?? [];
    if (items.length === 0) continue;
    lines.push('');
    lines.push(`${groupNames[lang][group]}:`);
    for (const a of items) lines.push(`  - ${a.title} (${a.count}×): ${a.advice}`);
  }
  if (report.findings.length > 0) {
    lines.push('');
    lines.push(
      nl
        ? `Bevindingen (${report.findings.length}, de eerste ${Math.min(shown, report.findings.length)}):`
        : `Findings (${report.findings.length}, the first ${Math.min(shown, report.findings.length)}):`,
    );
    for (const f of report.findings.slice(0, shown))
      lines.push(
        `  [${texts.rules[f.rule].title[lang]}] ${f.path === '' ? (nl ? '(hoofdmap)' : '(root)') : f.path}: ${f.detail}`,
      );
    if (report.findings.length > shown)
      lines.push(
        nl
          ? '  ... gebruik --csv, --xlsx of --json voor de volledige lijst.'
          : '  ... use --csv, --xlsx or --json for the full list.',
      );
  }
  const unread = gapLines(report.gaps ?? [], lang);
  if (unread.length > 0) lines.push('', ...unread);
  return lines.join('\n') + '\n';
}
