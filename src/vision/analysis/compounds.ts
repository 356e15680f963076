/**
 * Dutch compound splitting: the fewest parts of at least `minPart` letters, each a known word, with the
 * linking -s-, -e- or -en- allowed after a non-final part ("gegevensbescherming" -> gegevens, bescherming).
 * The build-time script runs it against the OpenTaal word list; at query time it runs against the index's own
 * vocabulary, so a compound the document writes apart ("de bescherming van gegevens") is still found.
 */
export interface SplitOptions {
  minPart?: number;
  minWord?: number;
  /**
   * Longer "words" are not split: the longest compounds in use have some 40 letters ("gegevensbeschermingseffect-
   * beoordeling" 37), and the search is cubic in the length, so a pasted 500-letter string would hold up every answer.
   */
  maxWord?: number;
  /** Suffixes a final part may carry (plural, inflection) when only its base form is a known word. */
  finalSuffixes?: readonly string[];
  /** Whether a word may open or sit inside a compound (Hunspell's compound flags); defaults to isWord. */
  canBegin?: (w: string) => boolean;
  /** Whether a word may close a compound; defaults to isWord. */
  canEnd?: (w: string) => boolean;
}

const linkers = ['', 's', 'e', 'en'] as const;
// Derivational endings that happen to be words in the list: "menselijke" is not mens + lijke.
const notAFinalPart = new Set([
  'lijk',
  'lijke',
  'lijken',
  'matig',
  'matige',
  'baar',
  'bare',
  'heid',
  'eren',
  'sing',
  'taat',
  'isch',
  'ische',
  'achtig',
  'achtige',
  'loos',
  'loze',
  'zaam',
  'zame',
  'schap',
  'elijk',
  'elijke',
  'ling',
  'lingen',
  'ende',
  'enden',
  'tie',
  'ties',
  'ering',
  'eringen',
  'heden',
  'lende',
  'lenden',
]);
const defaultFinalSuffixes = ['en', 's', 'e', 'n', "'s"] as const;

export function splitCompound(
  word: string,
  isWord: (w: string) => boolean,
  options: SplitOptions = {},
): string[] | undefined {
  const minPart = options.minPart ?? 4;
  const minWord = options.minWord ?? 8;
  const maxWord = options.maxWord ?? 40;
  const finalSuffixes = options.finalSuffixes ?? defaultFinalSuffixes;
  const canBegin = options.canBegin ?? isWord;
  const canEnd = options.canEnd ?? isWord;
  if (word.length < minWord || word.length > maxWord || !/^\p{L}+$/u.test(word)) return undefined;
  const n = word.length;
  // best[i]: fewest parts covering word[i..]; undefined when word[i..] cannot be covered.
  const best: (string[] | undefined)[] = new Array(n + 1).fill(undefined);
  // The base form of an inflected last part: "bedrijven" -> bedrijf, "pakketten" -> pakket.
  const bases = (stem: string) => [
    stem,
    stem.replace(/v$/, 'f'),
    stem.replace(/z$/, 's'),
    stem.replace(/([bdfgklmnprst])\1$/, '$1'),
  ];
  const isFinal = (piece: string) =>
    notAFinalPart.has(piece)
      ? false
      : canEnd(piece) ||
        finalSuffixes.some(
          (s) =>
            piece.endsWith(s) && piece.length - s.length >= minPart && bases(piece.slice(0, -s.length)).some(canEnd),
        );
  for (let i = n - minPart; i >= 0; i--) {
    let choice: string[] | undefined;
    const consider = (parts: string[]) => {
      if (
        !choice ||
        parts.length < choice.length ||
        (parts.length === choice.length && parts[0]!.length > choice[0]!.length)
      )
        choice = parts;
    };
    const tail = word.slice(i);
    // The whole word is never its own split: a listed compound ("gegevensbescherming") is still split.
    if (i > 0 && tail.length >= minPart && isFinal(tail)) consider([tail]);
    for (let j = i + minPart; j <= n - minPart; j++) {
      const part = word.slice(i, j);
      if (!canBegin(part)) continue;
      for (const link of linkers) {
        const next = j + link.length;
        if (word.slice(j, next) !== link) continue;
        const rest = best[next];
        if (rest) consider([part, ...rest]);
      }
    }
    best[i] = choice;
  }
  const parts = best[0];
  return parts && parts.length > 1 ? parts : undefined;
}
