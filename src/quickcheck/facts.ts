import {
  audienceValues,
  decisionAboutPersonValues,
  personalDataValues,
  phaseValues,
  prohibitedPracticeValues,
  taskValues,
  type CheckCase,
} from './case.js';
import {
  dataClassRank,
  hostingValues,
  type DataClass,
  type MatchedOn,
  type RegisteredTool,
  type ToolRegister,
} from './register.js';
import { matchTool } from './tool-names.js';

/**
 * A case whose tool fits several register entries ("copilot"): the check never picks one for the person, so it is
 * not evaluated; the surface asks which one is meant (src/app/checks.ts turns this into a problem with the tool field).
 */
export class AmbiguousToolError extends Error {
  constructor(
    readonly given: string,
    readonly candidates: RegisteredTool[],
  ) {
    super(`the tool name fits ${candidates.length} register entries`);
    this.name = 'AmbiguousToolError';
  }
}

const bools = ['true', 'false'] as const;

/**
 * What label rules may read: the answers of the case and what the register says about the tool. Every value
 * is a string, so that rules.yaml can be checked against these domains when it is loaded.
 */
export const factDomains = {
  task: taskValues,
  prohibitedPractice: prohibitedPracticeValues,
  personalData: personalDataValues,
  confidentialData: ['true', 'false', 'unknown'],
  decisionAboutPerson: decisionAboutPersonValues,
  humanReview: bools,
  audience: audienceValues,
  syntheticMedia: bools,
  phase: phaseValues,
  trainingDone: bools,
  purposeGiven: bools,
  toolRegistered: bools,
  toolContracted: bools,
  toolHosting: [...hostingValues, 'unknown'],
  dataVsMax: ['within', 'above', 'maybe-above', 'unregistered'],
  dpiaCoversTask: bools,
} as const satisfies Record<string, readonly string[]>;

export type FactName = keyof typeof factDomains;
export type Facts = { [K in FactName]: (typeof factDomains)[K][number] };

export interface DerivedFacts {
  facts: Facts;
  tool: RegisteredTool | null;
  toolName: string;
  /** Why the register entry was taken: what in the name matched. */
  matched?: MatchedOn;
  /** The data class the answers make certain (unknown parts count as nothing here). */
  dataClass: DataClass;
}

function knownDataClass(input: CheckCase): DataClass {
  if (input.personalData === 'sensitive') return 'sensitive';
  if (input.personalData === 'ordinary') return 'personal';
  return input.confidentialData === true ? 'internal' : 'none';
}

/** The worst the data could be, when some answers were "weet ik niet". */
function possibleDataClass(input: CheckCase, known: DataClass): DataClass {
  if (input.personalData === 'unknown') return 'sensitive';
  if (input.confidentialData === 'unknown' && dataClassRank(known) < dataClassRank('internal')) return 'internal';
  return known;
}

export function deriveFacts(register: ToolRegister, input: CheckCase): DerivedFacts {
  const match = matchTool(register, input.tool);
  if (match.kind === 'ambiguous') throw new AmbiguousToolError(match.name, match.candidates);
  const tool = match.kind === 'registered' ? match.tool : null;
  const dataClass = knownDataClass(input);
  let dataVsMax: Facts['dataVsMax'] = 'unregistered';
  if (tool) {
    const max = dataClassRank(tool.maxData);
    if (dataClassRank(dataClass) > max) dataVsMax = 'above';
    else if (dataClassRank(possibleDataClass(input, dataClass)) > max) dataVsMax = 'maybe-above';
    else dataVsMax = 'within';
  }
  const facts: Facts = {
    task: input.task,
    prohibitedPractice: input.prohibitedPractice,
    personalData: input.personalData,
    confidentialData: String(input.confidentialData) as Facts['confidentialData'],
    decisionAboutPerson: input.decisionAboutPerson,
    humanReview: String(input.humanReview) as Facts['humanReview'],
    audience: input.audience,
    syntheticMedia: String(input.syntheticMedia) as Facts['syntheticMedia'],
    phase: input.phase,
    trainingDone: String(input.trainingDone) as Facts['trainingDone'],
    purposeGiven: input.purpose.trim() === '' ? 'false' : 'true',
    toolRegistered: tool ? 'true' : 'false',
    toolContracted: tool?.contracted ? 'true' : 'false',
    toolHosting: tool?.hosting ?? 'unknown',
    dataVsMax,
    dpiaCoversTask: tool?.dpia.includes(input.task) ? 'true' : 'false',
  };
  return match.kind === 'registered'
    ? { facts, tool, toolName: match.tool.name, matched: match.matched, dataClass }
    : { facts, tool, toolName: match.name, dataClass };
}
