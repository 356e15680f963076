import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { srcDir } from '../paths.js';
import { VisionContentError } from './document.js';

export const compoundsPath = join(srcDir, 'vision', 'generated', 'compounds.json');

export const compoundsSchema = z
  .object({
    version: z.literal(1),
    /** sha256 of the candidate words of the Dutch vision these splits were computed for. */
    vocabularyHash: z.string().regex(/^[0-9a-f]{64}$/),
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
    throw new VisionContentError('generated/compounds.json', 1, `geen geldige JSON (${(error as Error).message}); voer npm run vision:compounds uit`);
  }
  const result = compoundsSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new VisionContentError('generated/compounds.json', 1, `veld '${issue.path.join('.')}': ${issue.message}; voer npm run vision:compounds uit`);
  }
  return result.data;
}
