import type { CleanupResult, DeleteCounts } from '../app/privacy.js';
import type { Lang } from '../lang.js';

/** What a delete erases (or would), one line: `ai-wijzer privacy delete`. */
export function countsText(counts: DeleteCounts, lang: Lang): string {
  return lang === 'en'
    ? `${counts.checks} checks (to tombstones in the audit chain), ${counts.scanJobs} scan jobs, ${counts.scanReports} scan reports, ` +
        `${counts.teamReportsKept} team scan reports kept for the team without the pseudonym, ${counts.botState} bot state rows, ` +
        `${counts.driveStates} drive delta states.`
    : `${counts.checks} checks (tot grafsteen in de auditketen), ${counts.scanJobs} scantaken, ${counts.scanReports} scanrapporten, ` +
        `${counts.teamReportsKept} scanrapporten van een team die voor het team blijven zonder pseudoniem, ${counts.botState} rijen botstand, ` +
        `${counts.driveStates} deltastanden van drives.`;
}

/** What one clean-up did: `ai-wijzer privacy cleanup`. */
export function cleanupText(r: CleanupResult, lang: Lang): string {
  const since = (cutoff: string | undefined) =>
    cutoff
      ? lang === 'en'
        ? `before ${cutoff.slice(0, 10)}`
        : `van voor ${cutoff.slice(0, 10)}`
      : lang === 'en'
        ? 'kept (retention 0)'
        : 'bewaard (termijn 0)';
  const lines =
    lang === 'en'
      ? [
          `Checks ${since(r.cutoffs.checks)}: ${r.checksErased} erased to tombstones (the audit chain stays whole).`,
          `Scans ${since(r.cutoffs.scans)}: ${r.scanReports} reports, ${r.scanJobs} finished jobs, ${r.driveStates} drive delta states removed.`,
          `Feedback on the vision ${since(r.cutoffs.feedback)}: ${r.feedback} removed.`,
          `Bot state ${since(r.cutoffs.botState)}: ${r.botState} removed.`,
        ]
      : [
          `Checks ${since(r.cutoffs.checks)}: ${r.checksErased} gewist tot grafsteen (de auditketen blijft heel).`,
          `Scans ${since(r.cutoffs.scans)}: ${r.scanReports} rapporten, ${r.scanJobs} afgeronde taken, ${r.driveStates} deltastanden verwijderd.`,
          `Feedback op de visie ${since(r.cutoffs.feedback)}: ${r.feedback} verwijderd.`,
          `Botstand ${since(r.cutoffs.botState)}: ${r.botState} verwijderd.`,
        ];
  if (r.checksSkipped > 0)
    lines.push(
      lang === 'en'
        ? `${r.checksSkipped} checks were not erased: their hash does not match (run ai-wijzer audit verify).`
        : `${r.checksSkipped} checks zijn niet gewist: hun hash klopt niet (draai ai-wijzer audit verify).`,
    );
  return `${lines.join('\n')}\n`;
}
