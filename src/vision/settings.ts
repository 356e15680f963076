import { join } from 'node:path';
import { z } from 'zod';
import { srcDir } from '../paths.js';
import { parseYamlFile } from './lexicon.js';

const unit = z.number().min(0).max(1);
const perField = <T extends z.ZodType>(t: T) => z.object({ heading: t, questions: t, examples: t, body: t }).strict();

const settingsSchema = z
  .object({
    version: z.number().int().positive(),
    ranking: z
      .object({
        k1: z.number().positive(),
        weight: perField(z.number().min(0)),
        b: perField(unit),
        /** Factor on the score of a section whose own heading says exactly what the question asks ("Wat is AI"). */
        headingMatch: z.number().min(1),
      })
      .strict(),
    outcome: z
      .object({
        /** How much a question word the vision never uses weighs in coverage, relative to the rarest word it does use. */
        unknownWordWeight: unit,
        /** Share of the confidence that comes from the lead of the best section over the next one. */
        marginWeight: unit,
        /**
         * unknownWordWeight here replaces the one above for the answer decision only: a question word the vision never
         * uses may still lead to suggestions, but should not let a section be quoted as the answer.
         */
        answer: z.object({ confidence: unit, coverage: unit, unknownWordWeight: unit }).strict(),
        /** knownWords: the least share of a question's content words the vision uses, for any section to be offered. */
        suggest: z
          .object({
            coverage: unit,
            knownWords: unit,
            maxSections: z.number().int().min(1).max(3),
            relativeScore: unit,
          })
          .strict(),
        /** Out of scope by topic (topic.ts): a word the vision never uses and at most this many specific known words. */
        topic: z.object({ commonShare: unit, maxSpecificWords: z.number().int().min(0) }).strict(),
        /** Other sections shown under a direct answer ("zie ook"), chosen as suggestions are. */
        seeAlso: z.object({ maxSections: z.number().int().min(0).max(3) }).strict(),
      })
      .strict(),
    /** The optional semantic mode: the share of the order that comes from meaning rather than words. */
    semantic: z.object({ weight: unit }).strict(),
    quote: z.object({ maxSentences: z.number().int().min(1).max(3), maxChars: z.number().int().min(40) }).strict(),
  })
  .strict();

export type VisionSettings = z.infer<typeof settingsSchema>;
export const settingsPath = join(srcDir, 'vision', 'settings.yaml');

export function loadSettings(path = settingsPath): VisionSettings {
  return parseYamlFile(path, settingsSchema);
}
