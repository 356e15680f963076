import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopwords } from '@orama/stopwords/dutch';
import { z } from 'zod';
import { srcDir } from '../paths.js';
import { splitCompound } from './analysis/compounds.js';
import { fold } from './analysis/fold.js';
import { compoundCandidates, documentWords } from './analysis/vocabulary.js';
import { VisionContentError, type VisionDocument } from './document.js';
import type { ContentWarning } from './examples.js';

export const compoundsPath = join(srcDir, 'vision', 'generated', 'compounds.json');
/** How messages name it: relative to src/vision, like the content files. */
const compoundsFile = 'generated/compounds.json';

export const compoundsSchema = z
  .object({
    version: z.literal(2),
    /** The candidate words of the Dutch vision these splits were computed for (a word not in splits is no compound). */
    words: z.array(z.string().min(1)),
    splits: z.record(z.string(), z.array(z.string().min(1)).min(2)),
  })
  .strict();

export type CompoundsData = z.infer<typeof compoundsSchema>;

/** Reads the compound splits written by `npm run vision:compounds`; none yet means no splitting, not a failure. */
export function loadCompounds(path = compoundsPath): CompoundsData | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new VisionContentError(
      compoundsFile,
      1,
      `geen geldige JSON (${(error as Error).message}); voer npm run vision:compounds uit`,
    );
  }
  const result = compoundsSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new VisionContentError(
      compoundsFile,
      1,
      `veld '${issue.path.join('.')}': ${issue.message}; voer npm run vision:compounds uit`,
    );
  }
  return result.data;
}

/**
 * The compound splits for the Dutch vision: the precomputed ones. When the vision has long words they were not
 * computed for (a new version loaded without `npm run vision:compounds`), those words are split against the
 * vision's own words, the way a question's words are, and a warning says so: the new version still loads, its new
 * compounds are still found, and the administrator learns that the word-list splits are out of date.
 */
export function compoundsFor(
  document: VisionDocument,
  data: CompoundsData | undefined,
): { splits: Record<string, string[]>; warning?: ContentWarning } {
  const checked = new Set(data?.words);
  const fresh = compoundCandidates(document).filter((w) => !checked.has(w));
  if (data && fresh.length === 0) return { splits: data.splits };
  const stops = new Set(stopwords.map(fold));
  const words = documentWords(document);
  const splits: Record<string, string[]> = { ...data?.splits };
  let added = 0;
  for (const word of fresh) {
    const parts = splitCompound(word, (w) => words.has(w) && !stops.has(w));
    if (parts) {
      splits[word] = parts;
      added++;
    }
  }
  const state = data ? 'hoort bij een eerdere versie van de visie' : 'ontbreekt';
  const problem = `${state}: ${fresh.length} lange woord(en) van de visie staan er niet in, ${added} daarvan gesplitst met de woorden van de visie zelf. Voer npm run vision:compounds uit om ze met de woordenlijst te splitsen.`;
  return { splits, warning: { file: compoundsFile, line: 1, problem } };
}
