import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { srcDir } from '../../src/paths.js';
import { ContentError, loadQuickcheckContent, loadRegister } from '../../src/quickcheck/index.js';
import { defaultRulesPath } from '../../src/quickcheck/rules.js';
import { defaultRegisterPath, lookupTool } from '../../src/quickcheck/register.js';

const dir = mkdtempSync(join(tmpdir(), 'quickcheck-content-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error('expected a ContentError');
};

const tool = (fields: string) =>
  `version: "1"\ntools:\n  - id: een\n    name: Een\n    vendor: V\n    contracted: true\n    hosting: eu\n    maxData: internal\n${fields}`;

describe('quick check content', () => {
  it('loads the shipped content, with versions that every verdict records', () => {
    const content = loadQuickcheckContent();
    expect(content.rulesVersion).toMatch(new RegExp(`^${content.rules.version.replace(/\./g, '\\.')}\\+[0-9a-f]{8}$`));
    expect(content.register.version).toMatch(/^voorbeeld-2026-11-23\+[0-9a-f]{8}$/);
    expect(content.register.example).toBe(true);
    expect(content.legalDates.dates['ai-act-art50']?.date).toBe('2026-08-02');
    expect(content.legalDates.dates['ai-act-annex-iii']).toMatchObject({
      date: '2027-12-02',
      previously: '2026-08-02',
    });
    expect(content.legalDates.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names only vision sections that exist in src/vision/content/visie.nl.md', () => {
    const vision = readFileSync(join(srcDir, 'vision', 'content', 'visie.nl.md'), 'utf8');
    const ids = new Set([...vision.matchAll(/^#{1,6} .*\{#([a-z0-9-]+)\}\s*$/gm)].map((m) => m[1]));
    expect(ids.size).toBeGreaterThan(10);
    const { rules } = loadQuickcheckContent();
    const visionRefs = Object.values(rules.sources)
      .filter((s) => s.kind === 'vision')
      .map((s) => s.ref);
    expect(visionRefs.length).toBeGreaterThan(5);
    expect(visionRefs.filter((ref) => !ids.has(ref))).toEqual([]);
  });

  it('gives no source a reference in parentheses: the pages show "title (ref)", never nested parentheses', () => {
    const { rules } = loadQuickcheckContent();
    const nested = Object.entries(rules.sources)
      .filter(([, s]) => s.kind !== 'vision' && s.ref && /[()]/.test(s.ref))
      .map(([id]) => id);
    expect(nested).toEqual([]);
  });

  it("quotes the vision's own words verbatim from the section it names, in Dutch and in English", () => {
    const sectionText = (lang: 'nl' | 'en', id: string) => {
      const text = readFileSync(join(srcDir, 'vision', 'content', `visie.${lang}.md`), 'utf8');
      const start = text.search(new RegExp(`^#{1,6} .*\\{#${id}\\}\\s*$`, 'm'));
      expect(start).toBeGreaterThanOrEqual(0);
      const rest = text.slice(start).split('\n').slice(1).join('\n');
      const end = rest.search(/^#{1,6} /m);
      return (end < 0 ? rest : rest.slice(0, end)).replace(/\s+/g, ' ');
    };
    const { rules } = loadQuickcheckContent();
    const vision = Object.values(rules.sources).filter((s) => s.kind === 'vision');
    for (const source of vision) {
      expect(source.quote).toBeDefined();
      expect(sectionText('nl', source.ref)).toContain(source.quote!.nl);
      expect(sectionText('en', source.ref)).toContain(source.quote!.en);
    }
  });

  it('has a question with an explanation and "weet ik niet" for every field of the case', () => {
    const { questions } = loadQuickcheckContent();
    expect(questions.questions.map((q) => q.field).sort()).toEqual(
      [
        'tool',
        'purpose',
        'task',
        'prohibitedPractice',
        'personalData',
        'confidentialData',
        'decisionAboutPerson',
        'humanReview',
        'audience',
        'syntheticMedia',
        'phase',
        'trainingDone',
      ].sort(),
    );
    for (const q of questions.questions) {
      expect(q.explanation.nl.length).toBeGreaterThan(20);
      if (q.type === 'choice')
        expect(q.options.filter((o) => o.unknown).map((o) => o.label.nl)).toEqual(['weet ik niet']);
    }
  });

  it('finds a tool by id, name or alias, whatever the case, spaces, punctuation or diacritics', () => {
    const register = loadRegister();
    for (const name of [
      'chatgpt-free',
      'ChatGPT',
      'chat gpt',
      'Chat-GPT',
      ' CHATGPT ',
      'ChatGPT (gratis)',
      'chätgpt',
    ]) {
      expect(lookupTool(register, name).tool?.id).toBe('chatgpt-free');
    }
    expect(lookupTool(register, 'Copilot').tool?.id).toBe('copilot-chat');
    expect(lookupTool(register, 'Microsoft 365 Copilot').tool?.id).toBe('m365-copilot');
    expect(lookupTool(register, 'Perplexity')).toEqual({ tool: null, name: 'Perplexity' });
  });

  describe('a broken register stops with the file, the line and the field', () => {
    it('duplicate id', () => {
      const path = write(
        'dup.yaml',
        `${tool('')}  - id: een\n    name: Twee\n    vendor: V\n    contracted: true\n    hosting: eu\n    maxData: internal\n`,
      );
      const problems = problemsOf(() => loadRegister(path));
      expect(problems).toEqual([expect.stringMatching(/^regel 9, tools\[1\]\.id: id 'een' komt twee keer voor/)]);
      expect(() => loadRegister(path)).toThrow(/dup\.yaml/);
    });

    it('unknown hosting, naming the allowed values', () => {
      const path = write('hosting.yaml', tool('').replace('hosting: eu', 'hosting: usa'));
      expect(problemsOf(() => loadRegister(path))).toEqual([
        expect.stringMatching(/^regel 7, tools\[0\].hosting: .*"own"\|"nl"\|"eu"\|"non-eu"/),
      ]);
    });

    it('missing field', () => {
      const path = write('missing.yaml', tool('').replace('    vendor: V\n', ''));
      expect(problemsOf(() => loadRegister(path))).toEqual([
        expect.stringMatching(/tools\[0\]\.vendor: .*verwacht string/),
      ]);
    });

    it('the same alias for two tools, and personal data allowed without a contract', () => {
      const path = write(
        'alias.yaml',
        `${tool('    aliases: [bot]\n')}  - id: twee\n    name: Twee\n    vendor: V\n    aliases: [B-O-T]\n    contracted: false\n    hosting: eu\n    maxData: personal\n`,
      );
      const problems = problemsOf(() => loadRegister(path));
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/tools\[1\]\.maxData: moet 'none' zijn/),
          expect.stringMatching(/tools\[1\]\.aliases: 'B-O-T' noemt ook tool 'een'/),
        ]),
      );
    });

    it('not YAML at all, or no file', () => {
      expect(problemsOf(() => loadRegister(write('bad.yaml', 'tools: [\n')))).toEqual([
        expect.stringMatching(/^regel \d+: geen geldige YAML/),
      ]);
      expect(problemsOf(() => loadRegister(join(dir, 'nope.yaml')))).toEqual(['het bestand bestaat niet']);
    });

    it('the shipped register itself is valid', () => {
      expect(() => loadRegister(defaultRegisterPath)).not.toThrow();
    });
  });

  describe('a broken rules file stops with the rule and the field', () => {
    const rules = readFileSync(defaultRulesPath, 'utf8');
    const load = (text: string) => problemsOf(() => loadQuickcheckContent({ rules: write('rules.yaml', text) }));

    it('gives edited rules another recorded version, even when the editor forgot to change it', () => {
      const edited = loadQuickcheckContent({
        rules: write('edited.yaml', rules.replace('Dat mag niet, met geen enkele tool.', 'Dat mag nooit.')),
      });
      const shipped = loadQuickcheckContent();
      expect(edited.rules.version).toBe(shipped.rules.version);
      expect(edited.rulesVersion).not.toBe(shipped.rulesVersion);
      expect(
        loadQuickcheckContent({ rules: write('same.yaml', `# alleen een opmerking\n${rules}`) }).rulesVersion,
      ).toBe(shipped.rulesVersion);
    });

    it('a label that no label rule sets', () => {
      expect(load(rules.replace('if: { all: [practice:prohibited] }', 'if: { all: [practice:forbidden] }'))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /verdictRules\[0\]\.if\.all\[0\]: label 'practice:forbidden' wordt door geen enkele labelregel gezet/,
          ),
        ]),
      );
    });

    it('a fact value that does not exist', () => {
      expect(load(rules.replace('when: { personalData: ordinary }', 'when: { personalData: ordnary }'))).toEqual([
        expect.stringMatching(
          /labelRules\[4\]\.when\.personalData: onbekende waarde 'ordnary' voor personalData; kies uit none, ordinary, sensitive, unknown/,
        ),
      ]);
    });

    it('a rule without sources, an unknown source and an unknown legal date', () => {
      const broken = rules
        .replace('sources: [ai-act-art5, vision-rechtvaardigheid, vision-privacy]', 'sources: []')
        .replace('sources: [ai-act-art4, vision-ai-geletterdheid]', 'sources: [ai-act-art99]')
        .replace('appliesFrom: ai-act-art50\n  ai-act-art50-2', 'appliesFrom: ai-act-art51\n  ai-act-art50-2');
      const problems = load(broken);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/verdictRules\[0\]\.sources: elke regel noemt minstens één bron/),
          expect.stringMatching(/sources\[0\]: onbekende bron 'ai-act-art99'/),
          expect.stringMatching(/sources\.ai-act-art50-1\.appliesFrom: onbekende datum 'ai-act-art51'/),
        ]),
      );
    });

    it('a consult rule that does not say with whom', () => {
      const broken = rules.replace(/( {2}- id: practice-unknown\n(?:.*\n)*?) {4}consult:\n.*\n.*\n/, '$1');
      expect(load(broken)).toEqual([
        expect.stringMatching(/verdictRules\[4\]\.consult: een regel met 'consult' zegt met wie je overlegt/),
      ]);
    });
  });
});
