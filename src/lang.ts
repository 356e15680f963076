/** Dutch first: every message to a user is in Dutch unless the user asked for English. */
export type Lang = 'nl' | 'en';

export const langValues = ['nl', 'en'] as const satisfies readonly Lang[];

/** English only when the locale (Teams, the browser) says so; Dutch is the default. */
export function languageOf(locale?: string): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** "en" when an Accept-Language header (or a locale) prefers English over Dutch; otherwise "nl". */
export function preferredLang(header: string | undefined | null): Lang {
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.tag.startsWith('nl') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'nl';
}
