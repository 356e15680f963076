import type { Lang } from '../../lang.js';
import { adviceTexts, formatBytes } from '../advice.js';
import { adviceGroups, scoreCategories, type ScanReport } from '../report.js';
import { categoryNames, groupNames } from './labels.js';

const shown = 15;

/** The report as a terminal reads it: score and label, sub-scores, trend, advice per group, the first findings. */
export function formatSummary(report: ScanReport, lang: Lang): string {
  const nl = lang === 'nl';
  const texts = adviceTexts();
  const lines: string[] = [];
  lines.push(`${nl ? 'Datahygiëne-scan van' : 'Data-readiness scan of'} ${report.root}`);
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
    `Score: ${report.score}/100   Label: ${report.label}${report.capped ? (nl ? '  (begrensd op D: persoonsgegevens of anonieme links)' : '  (capped at D: personal data or anonymous links)') : ''}`,
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
  return lines.join('\n') + '\n';
}
