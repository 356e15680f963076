// The names of the question kinds and features (no imports: the model file's schema is built from them).

/**
 * The kind of a question by its first words (Dutch and English): "wat"/"what", "waarom"/"why", "wie"/"who", "mag"/
 * "may" (and "is het toegestaan"), "hoe"/"how", "kan"/"can", "moet"/"should", "welke"/"which"; "janee" for other
 * yes/no questions ("Is ...", "Heeft ...", "Does ..."), "trefwoord" for a few words without a question word
 * ("definitie ai"), "anders" for the rest ("wanneer", "waar").
 */
export const questionTypes = [
  'wat',
  'waarom',
  'wie',
  'mag',
  'hoe',
  'kan',
  'moet',
  'welke',
  'janee',
  'trefwoord',
  'anders',
] as const;
export type QuestionType = (typeof questionTypes)[number];

/**
 * The features of a candidate section, by name. Candidate: its word score (log, relative to the best, its lead over
 * the best other candidate), its coverage of the question (loose and strict), the heading (its topic is the
 * question's, the share of the question it covers), each field's own BM25 score, its nearest alternate and example
 * question (word overlap, F1), its rank and its kind (level, a parent of parts, a heading of the question's kind).
 * Question: the share of its words the vision uses, its length and its kind (one-hot), and the kind crossed with the
 * section's level and with being a parent.
 */
export const featureNames = [
  'logScore',
  'relScore',
  'lead',
  'coverage',
  'strictCoverage',
  'confidence',
  'confidenceAndCoverage',
  'headingMatch',
  'headingCoverage',
  'fieldHeading',
  'fieldQuestions',
  'fieldExamples',
  'fieldBody',
  'nearestQuestion',
  'nearestExample',
  'nearestRecall',
  'first',
  'level1',
  'level2',
  'level3',
  'parent',
  'typeInHeading',
  'knownShare',
  'inverseWords',
  ...questionTypes.map((t) => `type:${t}` as const),
  ...questionTypes.map((t) => `type:${t}*level3` as const),
  ...questionTypes.map((t) => `type:${t}*parent` as const),
] as const;
export type FeatureName = (typeof featureNames)[number];
export type Features = Record<FeatureName, number>;
