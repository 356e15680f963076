import { join } from 'node:path';
import { z } from 'zod';
import { srcDir } from '../paths.js';
import { loadContentFile } from './content-file.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'moet een datum zijn als 2026-08-02');
const bilingual = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });

export const legalDatesSchema = z.strictObject({
  version: z.string().min(1),
  /** The day these dates were last checked against the law (the Omnibus moved several). */
  asOf: isoDate,
  note: bilingual.optional(),
  dates: z.record(
    z.string().regex(/^[a-z0-9-]+$/, 'moet bestaan uit kleine letters, cijfers en streepjes'),
    z.strictObject({ date: isoDate, label: bilingual, previously: isoDate.nullable().optional() }),
  ),
});
export type LegalDates = z.infer<typeof legalDatesSchema>;

export const defaultLegalDatesPath = join(srcDir, 'quickcheck', 'content', 'legal-dates.yaml');

export function loadLegalDates(path: string = defaultLegalDatesPath): LegalDates {
  return loadContentFile(path, legalDatesSchema);
}
