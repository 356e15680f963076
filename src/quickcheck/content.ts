import { fingerprint } from './content-file.js';
import type { RuleSet } from './evaluate.js';
import { defaultLegalDatesPath, loadLegalDates } from './legal-dates.js';
import { defaultQuestionsPath, loadQuestions, type Questions } from './questions.js';
import { defaultRegisterPath, loadRegister, type ToolRegister } from './register.js';
import { defaultRulesPath, loadRules } from './rules.js';

export interface QuickcheckContent extends RuleSet {
  rulesVersion: string;
  questions: Questions;
  register: ToolRegister;
}

export interface ContentPaths {
  rules?: string;
  legalDates?: string;
  questions?: string;
  /** The tool register; the shipped example when not given. */
  register?: string;
}

/** Loads and validates the four content files; any broken file throws a ContentError naming the file, line and field. */
export function loadQuickcheckContent(paths: ContentPaths = {}): QuickcheckContent {
  const legalDates = loadLegalDates(paths.legalDates ?? defaultLegalDatesPath);
  const rules = loadRules(new Set(Object.keys(legalDates.dates)), paths.rules ?? defaultRulesPath);
  const questions = loadQuestions(paths.questions ?? defaultQuestionsPath);
  const register = loadRegister(paths.register ?? defaultRegisterPath);
  return {
    rules,
    legalDates,
    rulesVersion: `${rules.version}+${fingerprint({ rules, legalDates })}`,
    questions,
    register,
  };
}
