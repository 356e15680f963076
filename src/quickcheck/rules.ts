import { join } from 'node:path';
import { z } from 'zod';
import { sourceKindValues, verdictValues } from './verdict.js';
import { langValues } from '../lang.js';
import { srcDir } from '../paths.js';
import { loadContentFile } from './content-file.js';
import { factDomains, type FactName } from './facts.js';
import { dataClassValues } from './register.js';

export const defaultRulesPath = join(srcDir, 'quickcheck', 'content', 'rules.yaml');

const bilingual = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'moet bestaan uit kleine letters, cijfers en streepjes');
const label = z
  .string()
  .regex(/^[a-z0-9-]+:[a-z0-9-]+$/, "moet de vorm 'soort:waarde' hebben, bijvoorbeeld personal-data:ordinary");
// YAML reads `true` as a boolean; facts are strings, so both are accepted and compared as text.
const factValue = z.union([z.string(), z.boolean()]).transform(String);
const factCondition = z.record(
  z.string(),
  z.union([factValue, z.array(factValue).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
);
const labelCondition = z.strictObject({
  all: z.array(label).default([]),
  any: z.array(label).default([]),
  none: z.array(label).default([]),
});

/** Placeholders a text may use; the evaluator fills them in. */
export const placeholders = [
  'tool',
  'maxData',
  'dataClass',
  'alternatives',
  'sovereignAlternatives',
  'contact',
] as const;

const sourceSchema = z.strictObject({
  kind: z.enum(sourceKindValues),
  /** For the vision: the section id in src/vision/content/visie.nl.md; otherwise the article or document. */
  ref: z.string().min(1),
  title: bilingual,
  url: z.url().optional(),
  /** A date id in legal-dates.yaml: from when this obligation applies. */
  appliesFrom: id.optional(),
  /** For the vision: its own words, verbatim from the section (Dutch and English rendering). */
  quote: bilingual.optional(),
});

const labelRuleSchema = z.strictObject({
  id,
  when: factCondition,
  unless: factCondition.optional(),
  set: z.array(label).min(1),
});

const conditionSchema = z.strictObject({ text: bilingual, appliesFrom: id.optional() });

const verdictRuleSchema = z.strictObject({
  id,
  if: labelCondition,
  verdict: z.enum(verdictValues),
  /** Applies only when no other verdict rule applies (the "otherwise" of the rules). */
  fallback: z.boolean().default(false),
  reason: bilingual,
  consult: z.strictObject({ who: bilingual, assessment: bilingual }).optional(),
  conditions: z.array(conditionSchema).default([]),
  sources: z.array(id).min(1, 'elke regel noemt minstens één bron'),
});

const adviceRuleSchema = z.strictObject({
  id,
  if: labelCondition,
  text: bilingual,
  sources: z.array(id).min(1, 'elk advies noemt minstens één bron'),
});

const rulesShape = z.strictObject({
  version: z.string().min(1),
  texts: z.strictObject({
    dataClass: z.strictObject(
      Object.fromEntries(dataClassValues.map((c) => [c, bilingual])) as Record<
        (typeof dataClassValues)[number],
        typeof bilingual
      >,
    ),
    noAlternative: bilingual,
    /** What {alternatives} says for a prohibited practice (AI Act art. 5): no tool makes it allowed. */
    noToolForProhibited: bilingual,
    appliesFrom: bilingual,
  }),
  sources: z.record(id, sourceSchema),
  labelRules: z.array(labelRuleSchema).min(1),
  exclusive: z.array(z.array(label).min(2)).default([]),
  verdictRules: z.array(verdictRuleSchema).min(1),
  adviceRules: z.array(adviceRuleSchema).default([]),
});
export type Rules = z.infer<typeof rulesShape>;
export type LabelRule = Rules['labelRules'][number];
export type VerdictRule = Rules['verdictRules'][number];
export type AdviceRule = Rules['adviceRules'][number];
export type RuleSource = Rules['sources'][string];

/** The rules' schema, including every cross-reference: facts and their values, labels, sources, legal dates. */
export function rulesSchema(legalDateIds: ReadonlySet<string>) {
  return rulesShape.superRefine((rules, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    // Label rules and verdict/advice rules are two separate parts, each with its own ids.
    const labelIds = new Set<string>();
    const ids = new Set<string>();
    const unique = (ruleId: string, path: (string | number)[], seen = ids) => {
      if (seen.has(ruleId)) issue(path, `regel-id '${ruleId}' komt twee keer voor`);
      seen.add(ruleId);
    };

    const produced = new Set<string>();
    const checkFacts = (cond: Record<string, string[]>, path: (string | number)[]) => {
      for (const [fact, values] of Object.entries(cond)) {
        const domain = (factDomains as Record<string, readonly string[]>)[fact];
        if (!domain) {
          issue([...path, fact], `onbekend feit '${fact}'; kies uit ${Object.keys(factDomains).join(', ')}`);
          continue;
        }
        for (const v of values)
          if (!domain.includes(v))
            issue([...path, fact], `onbekende waarde '${v}' voor ${fact as FactName}; kies uit ${domain.join(', ')}`);
      }
    };
    rules.labelRules.forEach((rule, i) => {
      unique(rule.id, ['labelRules', i, 'id'], labelIds);
      checkFacts(rule.when, ['labelRules', i, 'when']);
      if (rule.unless) checkFacts(rule.unless, ['labelRules', i, 'unless']);
      rule.set.forEach((l) => produced.add(l));
    });

    const read = new Set<string>();
    const checkLabels = (cond: z.infer<typeof labelCondition>, path: (string | number)[]) => {
      for (const key of ['all', 'any', 'none'] as const) {
        cond[key].forEach((l, j) => {
          read.add(l);
          if (!produced.has(l)) issue([...path, key, j], `label '${l}' wordt door geen enkele labelregel gezet`);
        });
      }
    };
    const checkSources = (list: string[], path: (string | number)[]) =>
      list.forEach((s, j) => {
        if (!rules.sources[s]) issue([...path, j], `onbekende bron '${s}'; bronnen staan onder 'sources'`);
      });
    const checkPlaceholders = (text: { nl: string; en: string }, path: (string | number)[]) => {
      for (const lang of langValues) {
        for (const m of text[lang].matchAll(/\{([^}]*)\}/g)) {
          if (!(placeholders as readonly string[]).includes(m[1]!))
            issue(
              [...path, lang],
              `onbekende invulplek {${m[1]}}; kies uit ${placeholders.map((p) => `{${p}}`).join(', ')}`,
            );
        }
      }
    };

    let fallbacks = 0;
    rules.verdictRules.forEach((rule, i) => {
      const path = ['verdictRules', i];
      unique(rule.id, [...path, 'id']);
      checkLabels(rule.if, [...path, 'if']);
      if (rule.if.all.length + rule.if.any.length + rule.if.none.length === 0)
        issue([...path, 'if'], 'een oordeelregel heeft minstens één label nodig');
      checkSources(rule.sources, [...path, 'sources']);
      checkPlaceholders(rule.reason, [...path, 'reason']);
      if (rule.verdict === 'consult' && !rule.consult)
        issue([...path, 'consult'], "een regel met 'consult' zegt met wie je overlegt en welke beoordeling nodig is");
      if (rule.verdict !== 'consult' && rule.consult)
        issue([...path, 'consult'], "alleen een regel met 'consult' heeft een 'consult'-deel");
      if (rule.verdict === 'conditional' && rule.conditions.length === 0)
        issue([...path, 'conditions'], "een regel met 'conditional' noemt zijn voorwaarden");
      if (rule.consult) {
        checkPlaceholders(rule.consult.who, [...path, 'consult', 'who']);
        checkPlaceholders(rule.consult.assessment, [...path, 'consult', 'assessment']);
      }
      rule.conditions.forEach((c, j) => {
        checkPlaceholders(c.text, [...path, 'conditions', j, 'text']);
        if (c.appliesFrom && !legalDateIds.has(c.appliesFrom))
          issue(
            [...path, 'conditions', j, 'appliesFrom'],
            `onbekende datum '${c.appliesFrom}'; data staan in legal-dates.yaml`,
          );
      });
      if (rule.fallback) {
        fallbacks++;
        if (rule.verdict !== 'allowed')
          issue([...path, 'fallback'], "alleen de regel 'allowed' kan de terugvalregel zijn");
      }
    });
    if (fallbacks > 1) issue(['verdictRules'], 'er is hoogstens één terugvalregel (fallback)');

    rules.adviceRules.forEach((rule, i) => {
      unique(rule.id, ['adviceRules', i, 'id']);
      checkLabels(rule.if, ['adviceRules', i, 'if']);
      checkSources(rule.sources, ['adviceRules', i, 'sources']);
      checkPlaceholders(rule.text, ['adviceRules', i, 'text']);
    });
    rules.exclusive.forEach((group, i) =>
      group.forEach((l, j) => {
        if (!produced.has(l)) issue(['exclusive', i, j], `label '${l}' wordt door geen enkele labelregel gezet`);
      }),
    );
    // A label nobody reads is a rule that does nothing: probably a typo on one side.
    for (const l of produced) {
      const inExclusive = rules.exclusive.some((g) => g.includes(l));
      if (!read.has(l) && !inExclusive)
        issue(['labelRules'], `label '${l}' wordt gezet maar door geen enkele regel gelezen`);
    }
    for (const [sourceId, source] of Object.entries(rules.sources)) {
      if (source.appliesFrom && !legalDateIds.has(source.appliesFrom))
        issue(
          ['sources', sourceId, 'appliesFrom'],
          `onbekende datum '${source.appliesFrom}'; data staan in legal-dates.yaml`,
        );
      if (source.kind === 'vision' && !/^[a-z0-9-]+$/.test(source.ref))
        issue(
          ['sources', sourceId, 'ref'],
          'moet een sectie-id van de AI-visie zijn, bijvoorbeeld menselijke-tussenkomst',
        );
      if (source.kind === 'vision' && !source.quote)
        issue(['sources', sourceId, 'quote'], 'een bron uit de AI-visie citeert de visie letterlijk');
    }
  });
}

export function loadRules(legalDateIds: ReadonlySet<string>, path: string = defaultRulesPath): Rules {
  return loadContentFile(path, rulesSchema(legalDateIds));
}
