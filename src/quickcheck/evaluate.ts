import type { CheckCase } from './case.js';
import type { CheckAdvice, CheckCondition, CheckReason, CheckSource, CheckVerdict, VerdictValue } from './verdict.js';
import type { Lang } from '../lang.js';
import { deriveFacts, type DerivedFacts, type Facts } from './facts.js';
import type { LegalDates } from './legal-dates.js';
import { alternativesFor, toolName, type ToolRegister } from './register.js';
import type { AdviceRule, Rules, VerdictRule } from './rules.js';

/** Strictest first: the verdict of a check is the strictest that any of its rules gives. */
export const severity: Record<VerdictValue, number> = { prohibited: 3, consult: 2, conditional: 1, allowed: 0 };

export interface RuleSet {
  rules: Rules;
  legalDates: LegalDates;
  /** The rules' version with the fingerprint of rules and legal dates ("2026.11.1+1a2b3c4d"); rules.version when absent. */
  rulesVersion?: string;
}

/**
 * The rules compiled once per loaded file: labels become indexes into a flag array, so that evaluating a
 * case is a few array look-ups (the tests evaluate every combination of answers, millions of cases).
 */
interface Compiled {
  labelNames: string[];
  labelRules: {
    id: string;
    when: [keyof Facts, ReadonlySet<string>][];
    unless: [keyof Facts, ReadonlySet<string>][];
    set: number[];
  }[];
  verdictRules: { rule: VerdictRule; test: CompiledTest }[];
  adviceRules: { rule: AdviceRule; test: CompiledTest }[];
}

interface CompiledTest {
  all: number[];
  any: number[];
  none: number[];
}

const compiledRules = new WeakMap<Rules, Compiled>();

function compile(rules: Rules): Compiled {
  let result = compiledRules.get(rules);
  if (result) return result;
  const labelNames: string[] = [];
  const indexOf = new Map<string, number>();
  const index = (label: string) => {
    let i = indexOf.get(label);
    if (i === undefined) {
      i = labelNames.push(label) - 1;
      indexOf.set(label, i);
    }
    return i;
  };
  const pairs = (cond: Record<string, string[]> | undefined) =>
    Object.entries(cond ?? {}).map(([k, v]) => [k as keyof Facts, new Set(v)] as [keyof Facts, ReadonlySet<string>]);
  const test = (t: { all: string[]; any: string[]; none: string[] }): CompiledTest => ({
    all: t.all.map(index),
    any: t.any.map(index),
    none: t.none.map(index),
  });
  result = {
    labelNames,
    labelRules: rules.labelRules.map((r) => ({
      id: r.id,
      when: pairs(r.when),
      unless: pairs(r.unless),
      set: r.set.map(index),
    })),
    verdictRules: rules.verdictRules.map((rule) => ({ rule, test: test(rule.if) })),
    adviceRules: rules.adviceRules.map((rule) => ({ rule, test: test(rule.if) })),
  };
  compiledRules.set(rules, result);
  return result;
}

export interface LabelFlags {
  flags: Uint8Array;
  /** The label rules that fired, by index in labelRules. */
  fired: number[];
}

function labelFlags(compiled: Compiled, facts: Facts): LabelFlags {
  const flags = new Uint8Array(compiled.labelNames.length);
  const fired: number[] = [];
  const rules = compiled.labelRules;
  outer: for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    for (const [fact, values] of rule.when) if (!values.has(facts[fact])) continue outer;
    if (rule.unless.length > 0 && rule.unless.every(([fact, values]) => values.has(facts[fact]))) continue;
    fired.push(r);
    for (const l of rule.set) flags[l] = 1;
  }
  return { flags, fired };
}

function passes(test: CompiledTest, flags: Uint8Array): boolean {
  for (const l of test.all) if (!flags[l]) return false;
  if (test.any.length > 0 && !test.any.some((l) => flags[l])) return false;
  for (const l of test.none) if (flags[l]) return false;
  return true;
}

/** Part 1 of the rules: answers (facts) -> labels. Returns the labels and the label rules that fired. */
export function assignLabels(rules: Rules, facts: Facts): { labels: Set<string>; fired: string[] } {
  const compiled = compile(rules);
  const { flags, fired } = labelFlags(compiled, facts);
  return {
    labels: new Set(compiled.labelNames.filter((_, i) => flags[i])),
    fired: fired.map((r) => compiled.labelRules[r]!.id),
  };
}

export interface Decision {
  verdict: VerdictValue;
  /** The verdict rules that fired, strictest first (rule file order within one verdict). */
  rules: VerdictRule[];
  advice: AdviceRule[];
}

function decideFlags(compiled: Compiled, flags: Uint8Array): Decision {
  let fired: VerdictRule[] = [];
  for (const { rule, test } of compiled.verdictRules) if (!rule.fallback && passes(test, flags)) fired.push(rule);
  if (fired.length === 0)
    fired = compiled.verdictRules
      .filter(({ rule, test }) => rule.fallback && passes(test, flags))
      .map(({ rule }) => rule);
  fired.sort((a, b) => severity[b.verdict] - severity[a.verdict]);
  const verdict = fired[0]?.verdict;
  if (!verdict) {
    // A dead end in the rules: the tests generate every case so that this cannot ship.
    throw new Error(`no verdict rule applies to labels ${compiled.labelNames.filter((_, i) => flags[i]).join(', ')}`);
  }
  const advice: AdviceRule[] = [];
  for (const { rule, test } of compiled.adviceRules) if (passes(test, flags)) advice.push(rule);
  return { verdict, rules: fired, advice };
}

/** Part 2 of the rules: labels -> the verdict rules that apply, and the strictest verdict among them. */
export function decide(rules: Rules, labels: ReadonlySet<string>): Decision {
  const compiled = compile(rules);
  return decideFlags(
    compiled,
    Uint8Array.from(compiled.labelNames, (l) => (labels.has(l) ? 1 : 0)),
  );
}

export interface CaseDecision extends Decision {
  labels: string[];
  labelRules: string[];
  derived: DerivedFacts;
}

/** Both parts for one case, without the texts: what the path tests run for every combination of answers. */
export function decideCase(rules: Rules, register: ToolRegister, input: CheckCase): CaseDecision {
  const compiled = compile(rules);
  const derived = deriveFacts(register, input);
  const { flags, fired } = labelFlags(compiled, derived.facts);
  const decision = decideFlags(compiled, flags);
  const labels: string[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i]) labels.push(compiled.labelNames[i]!);
  return { ...decision, labels, labelRules: fired.map((r) => compiled.labelRules[r]!.id), derived };
}

export interface EvaluateOptions {
  lang?: Lang;
  /** The day of the check: obligations that start later say from when. */
  today?: Date;
  /** Who to consult about privacy (PRIVACY_CONTACT). */
  contact?: string;
}

export interface Evaluation extends CheckVerdict {
  labels: string[];
  labelRules: string[];
}

const dateFormat: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatDate(iso: string, lang: Lang): string {
  return dateFormat[lang].format(new Date(`${iso}T00:00:00Z`));
}

/** Evaluates a case against the rules and a tool register: the verdict, every reason with its sources, conditions, advice. */
export function evaluateCase(
  ruleSet: RuleSet,
  register: ToolRegister,
  input: CheckCase,
  options: EvaluateOptions = {},
): Evaluation {
  const { rules, legalDates } = ruleSet;
  const lang = options.lang ?? 'nl';
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const decision = decideCase(rules, register, input);
  const derived = decision.derived;
  const fill = filler(ruleSet, register, input, derived, lang, options.contact);

  const dateOf = (dateId: string | undefined) => (dateId ? legalDates.dates[dateId]?.date : undefined);
  const later = (date: string | undefined) =>
    date && date > today
      ? ` (${rules.texts.appliesFrom[lang].replace('{date}', formatDate(date, lang)).replace('{asOf}', formatDate(legalDates.asOf, lang))})`
      : '';
  const sourcesOf = (ids: string[]): CheckSource[] =>
    ids.map((sourceId) => {
      const s = rules.sources[sourceId]!;
      const appliesFrom = dateOf(s.appliesFrom);
      return {
        id: sourceId,
        kind: s.kind,
        title: s.title[lang],
        ref: s.ref,
        ...(s.url ? { url: s.url } : {}),
        ...(s.quote ? { quote: s.quote[lang] } : {}),
        ...(appliesFrom ? { appliesFrom, asOf: legalDates.asOf } : {}),
      };
    });

  const reasons: CheckReason[] = decision.rules.map((rule) => ({
    ruleId: rule.id,
    verdict: rule.verdict,
    text: fill(rule.reason[lang]),
    sources: sourcesOf(rule.sources),
    ...(rule.consult
      ? { consult: { who: fill(rule.consult.who[lang]), assessment: fill(rule.consult.assessment[lang]) } }
      : {}),
  }));

  // Conditions are what to do before use: moot when the answer is no.
  const conditions: CheckCondition[] = [];
  if (decision.verdict !== 'prohibited') {
    const seen = new Set<string>();
    for (const rule of decision.rules) {
      for (const c of rule.conditions) {
        const date = dateOf(c.appliesFrom);
        const text = fill(c.text[lang]) + later(date);
        if (seen.has(text)) continue;
        seen.add(text);
        conditions.push({ ruleId: rule.id, text, ...(date ? { appliesFrom: date } : {}) });
      }
    }
  }

  const advice: CheckAdvice[] = decision.advice.map((rule) => ({
    id: rule.id,
    text: fill(rule.text[lang]),
    sources: sourcesOf(rule.sources),
  }));

  return {
    verdict: decision.verdict,
    reasons,
    conditions,
    advice,
    rulesVersion: ruleSet.rulesVersion ?? rules.version,
    registerVersion: register.version,
    tool: {
      id: derived.tool?.id ?? null,
      name: derived.tool ? toolName(derived.tool, lang) : derived.toolName,
      ...(derived.matched ? { matched: derived.matched } : {}),
    },
    labels: decision.labels,
    labelRules: decision.labelRules,
  };
}

/** A prohibited practice (AI Act art. 5) is not allowed with any tool: the check then names no alternative. */
function prohibitedPractice(input: CheckCase): boolean {
  return input.prohibitedPractice !== 'none' && input.prohibitedPractice !== 'unknown';
}

/** The default contact when none is configured, and the default's Dutch name as English says it. */
const defaultContact: Record<Lang, string> = { nl: 'het AI- en privacyteam', en: 'the AI and privacy team' };

/**
 * The contact as a rule's text names it, usually inside parentheses ("de privacy officer ({contact})"): a contact
 * with its address in parentheses ("het AI- en privacyteam (privacy@groningen.nl)") becomes "name, address", so that
 * parentheses never nest; the default team's name is said in English in an English verdict.
 */
export function contactText(contact: string | undefined, lang: Lang): string {
  if (!contact) return defaultContact[lang];
  const parts = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(contact.trim());
  const name = (parts ? parts[1]! : contact).trim();
  const said = name.toLowerCase() === defaultContact.nl.toLowerCase() ? defaultContact[lang] : name;
  return parts ? `${said}, ${parts[2]!.trim()}` : said;
}

function filler(
  ruleSet: RuleSet,
  register: ToolRegister,
  input: CheckCase,
  derived: DerivedFacts,
  lang: Lang,
  contact: string | undefined,
) {
  const { texts } = ruleSet.rules;
  let alternatives: string | undefined;
  let sovereign: string | undefined;
  const names = (sovereignOnly: boolean) => {
    if (prohibitedPractice(input)) return texts.noToolForProhibited[lang];
    const list = alternativesFor(register, {
      exclude: derived.tool?.id,
      dataClass: derived.dataClass,
      task: input.task,
      sovereignOnly,
    }).slice(0, 3);
    return list.length > 0
      ? list.map((t) => toolName(t, lang)).join(lang === 'nl' ? ' of ' : ' or ')
      : texts.noAlternative[lang];
  };
  const values: Record<string, () => string> = {
    tool: () => (derived.tool ? toolName(derived.tool, lang) : derived.toolName),
    maxData: () => (derived.tool ? texts.dataClass[derived.tool.maxData][lang] : '-'),
    dataClass: () => texts.dataClass[derived.dataClass][lang],
    alternatives: () => (alternatives ??= names(false)),
    sovereignAlternatives: () => (sovereign ??= names(true)),
    contact: () => contactText(contact, lang),
  };
  return (text: string) => text.replace(/\{([A-Za-z]+)\}/g, (whole, key: string) => values[key]?.() ?? whole);
}
