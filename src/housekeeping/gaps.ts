import type { Lang } from '../lang.js';
import type { Gap } from './source.js';

/** The reason a scan gives for a cancelled run (scan.ts), told apart from what could not be read. */
export const cancelledReason = 'cancelled';

/** What the file system's error codes mean to a person; Graph gives sentences of its own, kept as they are. */
const codeTexts: Record<string, Record<Lang, string>> = {
  EACCES: { nl: 'geen toegang', en: 'access denied' },
  EPERM: { nl: 'geen toegang', en: 'access denied' },
  ENOENT: { nl: 'bestaat niet of niet meer', en: 'does not exist or no longer exists' },
  ENOTDIR: { nl: 'is geen map', en: 'is not a folder' },
  ELOOP: { nl: 'te veel koppelingen achter elkaar', en: 'too many links in a row' },
  EIO: { nl: 'leesfout', en: 'read error' },
  EBUSY: { nl: 'in gebruik', en: 'in use' },
  EMFILE: { nl: 'te veel open bestanden', en: 'too many open files' },
  ENFILE: { nl: 'te veel open bestanden', en: 'too many open files' },
  ETIMEDOUT: { nl: 'de netwerkverbinding antwoordde niet op tijd', en: 'the network connection timed out' },
  EHOSTDOWN: { nl: 'de server is niet bereikbaar', en: 'the server cannot be reached' },
  EHOSTUNREACH: { nl: 'de server is niet bereikbaar', en: 'the server cannot be reached' },
  ENOTCONN: { nl: 'de netwerkverbinding is verbroken', en: 'the network connection was lost' },
  ECONNRESET: { nl: 'de netwerkverbinding is verbroken', en: 'the network connection was lost' },
  ESTALE: { nl: 'de netwerkmap is verlopen', en: 'the network handle went stale' },
  unreadable: { nl: 'onleesbaar', en: 'unreadable' },
};

/** A gap's reason as a person reads it: "geen toegang" for EACCES; sentences and unknown codes as they are. */
export function reasonText(reason: string, lang: Lang): string {
  return codeTexts[reason]?.[lang] ?? reason;
}

/** The parts that could not be read: the gaps without the marker of a cancelled run. */
export function unreadParts<T extends Gap>(gaps: readonly T[] | undefined): T[] {
  return (gaps ?? []).filter((g) => g.reason !== cancelledReason);
}

const rootName = { nl: '(hoofdmap)', en: '(root)' } as const;
export const shownPath = (path: string, lang: Lang) => (path === '' ? rootName[lang] : path);

/** Why a scan that read something is not complete: cancelled, and how many parts could not be read, with examples. */
export function describeGaps(gaps: Gap[], cancelled: boolean, lang: Lang): string {
  const unread = unreadParts(gaps);
  const parts: string[] = [];
  if (cancelled)
    parts.push(
      lang === 'nl'
        ? 'De scan is afgebroken voordat alles gelezen was.'
        : 'The scan was cancelled before everything was read.',
    );
  if (unread.length > 0) {
    const examples = unread
      .slice(0, 3)
      .map((g) => `${shownPath(g.path, lang)}: ${trimStop(reasonText(g.reason, lang))}`)
      .join('; ');
    const more = unread.length > 3 ? (lang === 'nl' ? '; ...' : '; ...') : '';
    parts.push(
      lang === 'nl'
        ? `${unread.length} onderde${unread.length === 1 ? 'el kon' : 'len konden'} niet worden gelezen. ${examples}${more}.`
        : `${unread.length} part${unread.length === 1 ? '' : 's'} could not be read. ${examples}${more}.`,
    );
  }
  return parts.join(' ');
}

/** Why a scan read nothing at all: "De map kon niet worden gelezen: geen toegang." */
export function describeNothingRead(gaps: Gap[], cancelled: boolean, kind: 'filesystem' | 'graph', lang: Lang): string {
  const nl = lang === 'nl';
  const rootGap = gaps.find((g) => g.path === '' && g.reason !== cancelledReason);
  if (rootGap) {
    const what = kind === 'filesystem' ? (nl ? 'De map' : 'The folder') : nl ? 'De locatie' : 'The location';
    return `${what} ${nl ? 'kon niet worden gelezen' : 'could not be read'}: ${trimStop(reasonText(rootGap.reason, lang))}.`;
  }
  if (cancelled && gaps.every((g) => g.reason === cancelledReason))
    return nl
      ? 'De scan is afgebroken voordat er iets gelezen was.'
      : 'The scan was cancelled before anything was read.';
  return `${nl ? 'Er kon niets worden gelezen.' : 'Nothing could be read.'} ${describeGaps(gaps, cancelled, lang)}`;
}

const trimStop = (text: string) => text.replace(/\.\s*$/, '');
