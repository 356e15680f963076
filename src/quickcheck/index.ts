/** "Mag ik dit gebruiken?": the domain API that the application layer (src/app/checks.ts) and the CLI call. */
export {
  taskValues,
  prohibitedPracticeValues,
  personalDataValues,
  confidentialDataValues,
  decisionAboutPersonValues,
  audienceValues,
  phaseValues,
  booleanValues,
  checkCaseSchema,
  type CheckCase,
  type CaseField,
  type Task,
} from './case.js';
export {
  verdictValues,
  sourceKindValues,
  checkSourceSchema,
  checkReasonSchema,
  checkConditionSchema,
  checkAdviceSchema,
  checkToolSchema,
  checkVerdictSchema,
  recordedCheckSchema,
  type VerdictValue,
  type CheckSource,
  type CheckReason,
  type CheckCondition,
  type CheckAdvice,
  type CheckVerdict,
  type RecordedCheck,
  type CheckTool,
} from './verdict.js';
export { loadQuickcheckContent, type QuickcheckContent, type ContentPaths } from './content.js';
export { ContentError } from './content-file.js';
export { evaluateCase, decideCase, severity, type Evaluation, type EvaluateOptions, type RuleSet } from './evaluate.js';
export { findToolAndTask, type SentenceMatch } from './sentence.js';
export { matchTool, type ToolMatchOf } from './tool-names.js';
export { AmbiguousToolError } from './facts.js';
export {
  lookupTool,
  toolName,
  loadRegister,
  defaultRegisterPath,
  editedRegisterVersion,
  registerSchema,
  registerSchemaIn,
  toolSchemaIn,
  type ToolRegister,
  type RegisteredTool,
} from './register.js';
export { runCheck, publicVerdict, RequestKeyReusedError } from './service.js';
export {
  verifyChain,
  recordHash,
  canonicalJson,
  genesisHash,
  RecordOutcomeUnknownError,
  type CheckRecord,
  type CheckRecordStore,
  type AppendOptions,
  type ChainCheck,
  type ChainHead,
  type ChainScheme,
} from './record.js';
export { isErased, erasureMac, type ChainRecord, type ErasedCheckRecord } from './erasure.js';
export { signHead, readSignedHead, signedHeadSchema, type SignedHead, type HeadReading } from './signed-head.js';
export { localisedQuestions, type CheckQuestions, type CheckQuestion, type CheckQuestionOption } from './localise.js';
export { formatVerdict, verdictHeadline, toolLine } from './format.js';
export { recordsToCsv } from './export.js';
