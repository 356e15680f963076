import type { CheckCase } from '../../src/quickcheck/index.js';

/**
 * One ordinary check, as the tab's steps make it (tests/e2e/tab-check.test.ts answers them by keyboard): Copilot
 * Chat rewriting an internal note, no personal data, confidentiality unknown, a person reviewing, an experiment.
 */
export const sampleCheckCase: CheckCase = {
  tool: 'copilot-chat',
  purpose: 'een interne notitie herschrijven',
  task: 'text',
  prohibitedPractice: 'none',
  personalData: 'none',
  confidentialData: 'unknown',
  decisionAboutPerson: 'none',
  humanReview: true,
  audience: 'internal',
  syntheticMedia: false,
  phase: 'experiment',
  trainingDone: false,
};

/**
 * A check as an API caller sends it, the tool by its register name ("ChatGPT (gratis)"), no confidential data,
 * training done: the valid body the token matrix and the fuzz suites start from.
 */
export const namedToolCheckCase = {
  tool: 'ChatGPT (gratis)',
  purpose: 'een nieuwsbrief schrijven',
  task: 'text',
  prohibitedPractice: 'none',
  personalData: 'none',
  confidentialData: false,
  decisionAboutPerson: 'none',
  humanReview: true,
  audience: 'internal',
  syntheticMedia: false,
  phase: 'experiment',
  trainingDone: true,
};
