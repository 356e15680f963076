import type { RuleId } from '../report.js';
import { anonymousLinkRule } from './anonymous-link.js';
import { deepNestingRule } from './deep-nesting.js';
import { duplicateFileRule } from './duplicate-file.js';
import { emptyFolderRule } from './empty-folder.js';
import { genericNameRule } from './generic-name.js';
import { invalidNameRule } from './invalid-name.js';
import { largeFileRule } from './large-file.js';
import { largeFolderRule } from './large-folder.js';
import { pathTooLongRule } from './path-too-long.js';
import { personalDataInNameRule } from './personal-data-in-name.js';
import { rootClutterRule } from './root-clutter.js';
import type { Rule } from './rule.js';
import { staleFolderRule } from './stale-folder.js';
import { tempFileRule } from './temp-file.js';
import { versionInNameRule } from './version-in-name.js';

/** Fresh instances of every rule (some keep state during one scan). */
export function createRules(disabled: readonly RuleId[] = []): Rule[] {
  return [
    pathTooLongRule(),
    invalidNameRule(),
    deepNestingRule(),
    largeFolderRule(),
    emptyFolderRule(),
    duplicateFileRule(),
    versionInNameRule(),
    genericNameRule(),
    staleFolderRule(),
    personalDataInNameRule(),
    anonymousLinkRule(),
    rootClutterRule(),
    tempFileRule(),
    largeFileRule(),
  ].filter((rule) => !disabled.includes(rule.id));
}

/** Severity and category of each rule, for scoring without instances. */
export const ruleMeta = Object.fromEntries(
  createRules().map((r) => [r.id, { severity: r.severity, category: r.category }]),
) as Record<RuleId, { severity: Rule['severity']; category: Rule['category'] }>;

export type { Rule, EntryView, FolderFacts, RuleContext, Report } from './rule.js';
export { isTempName } from './temp-file.js';
