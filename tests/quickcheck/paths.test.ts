import {
  checkVerdictSchema,
  decideCase,
  evaluateCase,
  loadQuickcheckContent,
  prohibitedPracticeValues,
  severity,
  taskValues,
  verdictValues,
  type CheckCase,
  type VerdictValue,
} from '../../src/quickcheck/index.js';
import { dataClassValues, hostingValues, registerSchema, type ToolRegister } from '../../src/quickcheck/register.js';
import { baseCase, fieldValues, product } from './cases.js';

/**
 * Every path through the rules. The full product of all answer values is 6,635,520 cases (9 tools x 10 tasks x
 * 8 practices x ...). By default the six prohibited practices, which one label rule treats alike, are represented
 * by one of them (2,488,320 cases) and each of the six is checked against base cases; QUICKCHECK_FULL=1 runs the
 * whole product. Every case: no exception, exactly one verdict, the strictest of its rules, no conflicting labels,
 * "allowed" only when nothing else applies. Over all cases: every verdict, every rule and every label reachable.
 */
const content = loadQuickcheckContent();
const { rules, register } = content;
const full = process.env.QUICKCHECK_FULL === '1';

describe('every path through the rules', () => {
  const reachedVerdicts = new Set<VerdictValue>();
  const reachedRules = new Set<string>();
  const reachedLabelRules = new Set<string>();
  const reachedLabels = new Set<string>();
  const reachedAdvice = new Set<string>();
  let count = 0;

  const exclusive = rules.exclusive;
  const problems: string[] = [];
  const note = (c: CheckCase, message: string) => {
    if (problems.length < 20) problems.push(`${message}: ${JSON.stringify(c)}`);
  };

  function checkOne(c: CheckCase) {
    const d = decideCase(rules, register, c);
    count++;
    reachedVerdicts.add(d.verdict);
    for (const r of d.rules) reachedRules.add(r.id);
    for (const l of d.labelRules) reachedLabelRules.add(l);
    for (const l of d.labels) reachedLabels.add(l);
    for (const a of d.advice) reachedAdvice.add(a.id);
    if (d.rules.length === 0) note(c, 'no rule fired');
    if (severity[d.verdict] !== Math.max(...d.rules.map((r) => severity[r.verdict])))
      note(c, 'verdict is not the strictest');
    if (d.rules.some((r) => r.verdict === 'allowed') && d.rules.length !== 1)
      note(c, '"allowed" together with another reason');
    const labels = new Set(d.labels);
    for (const group of exclusive)
      if (group.filter((l) => labels.has(l)).length > 1) note(c, `conflicting labels ${group.join('/')}`);
  }

  it(`runs ${full ? 'the full product' : 'the product'} of every answer value without a dead end or conflict`, () => {
    const values = fieldValues(register);
    const practices = full ? values.prohibitedPractice : (['none', 'social-scoring', 'unknown'] as const);
    for (const c of product({ ...values, prohibitedPractice: practices })) checkOne(c);
    expect(problems).toEqual([]);
    expect(count).toBe(full ? 6_635_520 : 2_488_320);
    console.log(`quick check paths: ${count} combinations`);
  }, 600_000);

  it('treats every prohibited practice of article 5 as prohibited, whatever else the case says', () => {
    for (const practice of prohibitedPracticeValues) {
      for (const tool of fieldValues(register).tool) {
        const c = { ...baseCase, tool, prohibitedPractice: practice };
        checkOne(c);
        const d = decideCase(rules, register, c);
        if (practice === 'none') expect(d.rules.map((r) => r.id)).not.toContain('prohibited-practice');
        else if (practice === 'unknown') expect(d.rules.map((r) => r.id)).toContain('practice-unknown');
        else expect(d.verdict).toBe('prohibited');
      }
    }
  });

  it('reaches every verdict, every rule, every label rule, every label and every advice', () => {
    expect([...reachedVerdicts].sort()).toEqual([...verdictValues].sort());
    expect(rules.verdictRules.map((r) => r.id).filter((id) => !reachedRules.has(id))).toEqual([]);
    expect(rules.labelRules.map((r) => r.id).filter((id) => !reachedLabelRules.has(id))).toEqual([]);
    expect(rules.adviceRules.map((r) => r.id).filter((id) => !reachedAdvice.has(id))).toEqual([]);
    const produced = new Set(rules.labelRules.flatMap((r) => r.set));
    expect([...produced].filter((l) => !reachedLabels.has(l))).toEqual([]);
  });

  it('renders every value of every field against base cases: a valid verdict, a source on every reason, conditions only when they apply', () => {
    const values = fieldValues(register);
    const bases: CheckCase[] = [
      baseCase,
      { ...baseCase, tool: 'chatgpt-free' },
      { ...baseCase, tool: 'Perplexity', personalData: 'ordinary' },
      { ...baseCase, tool: 'm365-copilot', personalData: 'ordinary', task: 'summarize' },
      {
        ...baseCase,
        tool: 'lokaal-taalmodel',
        personalData: 'sensitive',
        decisionAboutPerson: 'benefits',
        audience: 'citizens',
        phase: 'production',
      },
    ];
    let rendered = 0;
    for (const base of bases) {
      for (const [field, list] of Object.entries(values)) {
        for (const value of list as readonly unknown[]) {
          const c = { ...base, [field]: value } as CheckCase;
          const result = evaluateCase(content, register, c, { today: new Date('2026-11-23') });
          rendered++;
          expect(checkVerdictSchema.safeParse(result).success).toBe(true);
          expect(result.reasons.length).toBeGreaterThan(0);
          for (const reason of result.reasons) {
            expect(reason.sources.length).toBeGreaterThan(0);
            expect(reason.text).not.toMatch(/\{[A-Za-z]+\}/);
            if (reason.verdict === 'consult') expect(reason.consult?.who).toBeTruthy();
          }
          expect(result.verdict).toBe(result.reasons[0]!.verdict);
          if (result.verdict === 'conditional') expect(result.conditions.length).toBeGreaterThan(0);
          if (result.verdict === 'prohibited' || result.verdict === 'allowed') expect(result.conditions).toEqual([]);
          for (const a of result.advice) expect(a.sources.length).toBeGreaterThan(0);
        }
      }
    }
    expect(rendered).toBe(
      bases.length * Object.values(values).reduce((n, list) => n + (list as readonly unknown[]).length, 0),
    );
  });
});

/**
 * An admin's own register may hold tools unlike any in the example (a contracted tool that allows nothing,
 * hosting in NL, a contracted tool outside the EU). Every tool profile the register schema accepts, against
 * the answers that interact with the tool, must still lead to exactly one verdict.
 */
describe('every tool profile an admin can register', () => {
  const tools = [];
  for (const contracted of [true, false]) {
    for (const hosting of hostingValues) {
      for (const maxData of contracted ? dataClassValues : (['none'] as const)) {
        for (const dpia of [[...taskValues], []]) {
          tools.push({
            id: `t-${tools.length}`,
            name: `Tool ${tools.length}`,
            vendor: 'V',
            contracted,
            hosting,
            maxData,
            dpia,
            aliases: [],
            notes: '',
          });
        }
      }
    }
  }
  const register: ToolRegister = registerSchema.parse({ version: 'profielen', tools });

  it(`gives one verdict for each of ${tools.length} profiles (and an unregistered tool) against the interacting answers`, () => {
    let count = 0;
    const problems: string[] = [];
    const values = {
      ...fieldValues(register),
      // These answers do not interact with the tool; the full product above covers them.
      purpose: ['doel'],
      trainingDone: [true],
      syntheticMedia: [false],
      prohibitedPractice: ['none', 'unknown'],
      decisionAboutPerson: ['none', 'other', 'benefits', 'unknown'],
      task: ['summarize', 'decision-about-people', 'chatbot-citizens'],
    } as const;
    for (const c of product(values)) {
      count++;
      try {
        const d = decideCase(rules, register, c as CheckCase);
        if (d.verdict === 'allowed' && d.rules.length !== 1) problems.push(JSON.stringify(c));
      } catch (error) {
        if (problems.length < 10) problems.push(`${(error as Error).message}: ${JSON.stringify(c)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBe((tools.length + 1) * 4 * 3 * 3 * 4 * 2 * 3 * 2 * 2);
    console.log(`quick check tool profiles: ${count} combinations`);
  }, 600_000);
});
