/** "Mag ik dit gebruiken?": the domain API that the server, the bot and the CLI share. */
export { loadQuickcheckContent, type QuickcheckContent, type ContentPaths } from './content.js';
export { ContentError } from './content-file.js';
export { evaluateCase, decideCase, severity, type Evaluation, type EvaluateOptions, type RuleSet } from './evaluate.js';
export { findToolAndTask, type SentenceMatch } from './sentence.js';
export { lookupTool, loadRegister, defaultRegisterPath, type ToolRegister, type RegisteredTool } from './register.js';
export { runCheck, publicVerdict } from './service.js';
export {
  verifyChain,
  recordHash,
  canonicalJson,
  genesisHash,
  type CheckRecord,
  type CheckRecordStore,
  type ChainCheck,
} from './record.js';
export { localisedQuestions } from './localise.js';
export { formatVerdict } from './format.js';
