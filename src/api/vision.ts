import { z } from 'zod';
import { langValues } from '../lang.js';

/** The vision as the tab shows it: every section with its heading path and body, for reading and for links. */
export const visionSectionSchema = z.object({
  id: z.string(),
  heading: z.string(),
  level: z.number().int().min(1).max(6),
  path: z.array(z.string()),
  body: z.string(),
});

export const visionDocumentSchema = z.object({
  title: z.string(),
  language: z.enum(langValues),
  version: z.string(),
  date: z.string(),
  sections: z.array(visionSectionSchema),
});

export const visionQuerySchema = z.object({ lang: z.enum(langValues).optional() });

export type VisionSectionView = z.infer<typeof visionSectionSchema>;
export type VisionDocumentView = z.infer<typeof visionDocumentSchema>;
