import { MessageFactory, type Activity } from 'botbuilder';
import type { MyScan, ScanFinished, StoredReference } from '../app/index.js';
import type { Lang } from '../lang.js';
import { tabLink, type LinkTargets } from './deep-link.js';
import { texts } from './texts.js';

/**
 * Where the person of a personal chat can be told something later (a scan that finished): what a proactive message
 * needs, and no name. Only a personal chat: a notice about one's own scan does not belong in a team channel.
 */
export function referenceOf(activity: Partial<Activity>): StoredReference | undefined {
  const { conversation, serviceUrl, channelId, recipient, from } = activity;
  if (conversation?.conversationType !== 'personal' || !serviceUrl || !channelId || !recipient?.id || !from?.id)
    return undefined;
  return {
    channelId,
    serviceUrl,
    conversation: {
      id: conversation.id,
      conversationType: 'personal',
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    },
    bot: { id: recipient.id },
    user: { id: from.id, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}) },
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** The notice of a finished scan: label, score, the three biggest problems and a link to the report; or why it failed. */
export function scanNotice(finished: ScanFinished, links: LinkTargets): Partial<Activity> {
  const t = texts[finished.lang];
  const lines =
    finished.status === 'failed' || finished.label === undefined || finished.score === undefined
      ? [t.scanFailed(finished.error ?? '')]
      : [
          t.scanDone(finished.label, finished.score),
          ...(finished.complete === false ? [t.scanIncomplete] : []),
          '',
          ...(finished.problems.length > 0
            ? [t.biggest, ...finished.problems.map((p) => t.problem(p.title, p.count))]
            : [t.noProblems]),
          ...(finished.scanId ? ['', t.openReport(tabLink(links, `scan/${finished.scanId}`))] : []),
        ];
  const message = MessageFactory.text(lines.join('\n'));
  message.textFormat = 'markdown';
  return message;
}

/** The person's recent scans, for "scan" in a personal chat, and where a scan is started (the tab). */
export function myScansMessage(scans: MyScan[], lang: Lang, links: LinkTargets): string {
  const t = texts[lang];
  const start = t.startInTab(tabLink(links, 'scan'));
  if (scans.length === 0) return `${t.noScans} ${start}`;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date(iso));
  return [t.myScans, ...scans.map((s) => t.scanLine(s.root, s.label, s.score, date(s.finishedAt))), '', start].join(
    '\n',
  );
}

/** In a team channel, "scan" offers to scan that team's files: the person starts it in the tab (their own sign-in). */
export function teamScanMessage(lang: Lang, links: LinkTargets): string {
  return texts[lang].teamScan(tabLink(links, 'scan'));
}
