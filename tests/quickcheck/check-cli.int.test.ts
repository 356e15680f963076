import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkVerdictSchema } from '../../src/api/checks.js';
import { rootDir } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import { baseCase } from './cases.js';
import { cli } from './records.js';

const dir = mkdtempSync(join(tmpdir(), 'quickcheck-cli-'));
const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const recorded = async () => {
  const store = await openStore({ dataDir: env.DATA_DIR });
  try {
    return Number((await store.query<{ n: number }>('select count(*)::int as n from quickcheck_records'))[0]!.n);
  } finally {
    await store.close();
  }
};

describe('ai-wijzer check', () => {
  it('prints exactly one JSON object with --json, and records the check', async () => {
    const run = await cli(
      ['check', '--case', file('case.json', { ...baseCase, tool: 'DeepL gratis', task: 'translate' }), '--json'],
      env,
    );
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'advice',
      'conditions',
      'reasons',
      'registerVersion',
      'rulesVersion',
      'tool',
      'verdict',
    ]);
    const verdict = checkVerdictSchema.parse(body);
    expect(verdict).toMatchObject({
      verdict: 'conditional',
      tool: { id: 'deepl-free', name: 'DeepL Translator (gratis)' },
    });
    expect(verdict.reasons[0]).toMatchObject({
      ruleId: 'not-contracted-public-only',
      sources: expect.arrayContaining([expect.objectContaining({ id: 'gov-voorlopig-standpunt-2023' })]),
    });
    expect(await recorded()).toBe(1);
  });

  it('prints the verdict in Dutch with reasons, a checklist and advice', async () => {
    const run = await cli(['check', '--case', file('case2.json', { ...baseCase, trainingDone: false })], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ja, onder voorwaarden.');
    expect(run.stdout).toContain('[ ] Volg de training AI-geletterdheid van de gemeente.');
    expect(run.stdout).toMatch(/Vastgelegd als record \d+\./);
  });

  it('uses another register with --register', async () => {
    const register = file(
      'register.yaml',
      'version: "eigen-1"\ntools:\n  - id: eigen-gpt\n    name: Eigen GPT\n    vendor: Gemeente\n    aliases: [chatgpt]\n    contracted: true\n    hosting: own\n    maxData: personal\n    dpia: [summarize]\n',
    );
    const run = await cli(
      [
        'check',
        '--case',
        file('case3.json', { ...baseCase, tool: 'ChatGPT', personalData: 'ordinary', task: 'summarize' }),
        '--register',
        register,
        '--json',
        '--dry-run',
      ],
      env,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      verdict: 'conditional',
      registerVersion: expect.stringMatching(/^eigen-1\+[0-9a-f]{8}$/),
      tool: { id: 'eigen-gpt' },
    });
  });

  it('stops a bad case file with exit 2, a Dutch message naming the field and the allowed values, and records nothing', async () => {
    const before = await recorded();
    const bad = await cli(['check', '--case', file('bad.json', { ...baseCase, audience: 'iedereen' })], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('veld audience: Ongeldige optie: verwacht één van "internal"|"citizens"|"published"');
    expect(bad.stderr).toContain('Er is niets vastgelegd.');
    expect(bad.stdout).toBe('');
    expect((await cli(['check', '--case', file('broken.json', '{"tool": ')], env)).code).toBe(2);
    expect((await cli(['check', '--case', join(dir, 'nope.json')], env)).stderr).toMatch(/bestaat niet/);
    expect(await recorded()).toBe(before);
  });

  it('stops a bad register file with exit 2, naming the file, line and field, and records nothing', async () => {
    const before = await recorded();
    const register = file(
      'bad-register.yaml',
      'version: "x"\ntools:\n  - id: een\n    name: Een\n    vendor: V\n    contracted: true\n    hosting: mars\n    maxData: none\n',
    );
    const run = await cli(['check', '--case', file('case4.json', baseCase), '--register', register], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-register\.yaml/);
    expect(run.stderr).toContain(
      'regel 7, tools[0].hosting: Ongeldige optie: verwacht één van "own"|"nl"|"eu"|"non-eu"',
    );
    expect(await recorded()).toBe(before);
  });

  it('asks the questions interactively when there is no --case, with "weet ik niet" and explanations', async () => {
    // tool, purpose, task, practice, personal data, confidential, decision, review, audience, synthetic, phase, training
    const answers = [
      'chat gpt',
      'een brief samenvatten',
      '2',
      '?',
      'weet ik niet',
      '1',
      '1',
      '1',
      '1',
      '1',
      'kies',
      '1',
      '1',
      '1',
      '1',
    ].join('\n');
    const run = await cli(['check', '--dry-run'], env, `${answers}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1/12 Welke AI-tool wil je gebruiken?');
    expect(run.stdout).toContain('-> herkend als ChatGPT (gratis)');
    expect(run.stdout).toContain('De AI-verordening (artikel 5) verbiedt');
    expect(run.stdout).toContain('Kies een nummer van 1 tot 3, ? voor uitleg, of 0 voor de vorige vraag.');
    expect(run.stdout).toContain('Eerst overleggen.');
    expect(run.stdout).toMatch(/verboden AI-praktijk is/);
  });

  it('goes back a question with 0 ("Vorige vraag"), keeping the answers given, and names the entry it used and why', async () => {
    // tool (0 at the first question: there is none before it), purpose, task, practice, personal data (ordinary),
    // then at "confidential" back twice, keep the practice with Enter, change personal data to none, and go on.
    const answers = ['0', 'ChatGPT', 'een brief samenvatten', '2', '1', '2', '0', '0', '', '1'];
    const rest = ['1', '1', '1', '1', '1', '1', '1'];
    const run = await cli(['check', '--dry-run'], env, `${[...answers, ...rest].join('\n')}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dit is de eerste vraag.');
    expect(run.stdout).toContain('  0. Vorige vraag');
    expect(run.stdout).toContain('Nu: ja, gewone persoonsgegevens');
    expect(run.stdout).toContain('Nu: geen van deze. Enter houdt dit antwoord.');
    // Asked again after going back: the questions 4 and 5 appear twice, question 6 once more than it was left.
    expect(run.stdout.match(/\n5\/12 /g)).toHaveLength(3);
    // Personal data changed to none: public information in free ChatGPT is "yes, under conditions", not "no".
    expect(run.stdout).toContain('Ja, onder voorwaarden.');
    expect(run.stdout).toContain("Tool: ChatGPT (gratis) uit het register, herkend aan de alias 'chatgpt'");
  });

  it('asks in English throughout with --lang en: prompts, "don\'t know", tool names, contact lines', async () => {
    // "copilot" fits three entries: the check asks which one (2: Copilot Chat); personal data "don't know".
    const answers = ['copilot', '2', 'summarise a memo', '2', '1', "don't know", '1', '1', '1', '1', '1', '1', '1'];
    const run = await cli(['check', '--dry-run', '--lang', 'en'], env, `${answers.join('\n')}\n`);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('In the register: Microsoft 365 Copilot, Microsoft 365 Copilot Chat, ChatGPT (free)');
    expect(out).toContain('Local language model (own server)');
    expect(out).toContain('don\'t know: type "don\'t know"; previous question: type 0');
    expect(out).toContain('  0. Previous question');
    expect(out).toContain("'copilot' fits several tools in the register. Which one do you mean?");
    expect(out).toContain('Consult first.');
    expect(out).toContain("Tool: Microsoft 365 Copilot Chat from the register, recognised by its id 'copilot-chat'");
    expect(out).toContain('Consult: the privacy officer (the AI and privacy team, privacy@groningen.nl)');
    expect(out).not.toMatch(/weet ik niet|vorige|gratis|eigen server|het register|privacyteam|herkend|Kies /i);
    for (const line of out.split('\n')) expect(line).not.toMatch(/\([^()]*\(/);
    // "don't know" at the tool fills in the unknown tool in English, as the verdict then names it.
    const unknown = await cli(
      ['check', '--dry-run', '--lang', 'en', '--json'],
      env,
      `don't know\n\n${'1\n'.repeat(10)}`,
    );
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toContain('-> unknown tool is not in the register');
    expect(JSON.parse(unknown.stdout)).toMatchObject({ tool: { id: null, name: 'unknown tool' } });
  });

  it('refuses a case file whose tool fits several entries, naming them, and records nothing', async () => {
    const before = await recorded();
    const run = await cli(['check', '--case', file('copilot.json', { ...baseCase, tool: 'copilot' })], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "veld tool: 'copilot' past bij meer tools in het register: Microsoft 365 Copilot, Microsoft 365 Copilot Chat of GitHub Copilot (gratis). Kies welke je bedoelt.",
    );
    const flag = await cli(['check', '--tool', 'deepl', '--lang', 'en', '--dry-run'], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(
      "--tool: 'deepl' fits 2 tools in the register; choose one: deepl-free: DeepL Translator (free); deepl-pro: DeepL Pro.",
    );
    expect(await recorded()).toBe(before);
  });

  it('stops with exit 2 and records nothing when the answers run out', async () => {
    const before = await recorded();
    const run = await cli(['check'], env, 'copilot\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('er is niets vastgelegd');
    expect(await recorded()).toBe(before);
  });

  it('runs as a process fed through stdin, with the JSON on stdout and the questions on stderr', async () => {
    const answers = ['Perplexity', 'notulen uitschrijven', '4', '1', '1', '1', '1', '1', '1', '1', '1', '1'].join('\n');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(rootDir, 'src', 'cli', 'main.ts'), 'check', '--json', '--dry-run'],
      {
        cwd: rootDir,
        env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.end(`${answers}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(err).toContain('Perplexity staat niet in het register');
    expect(JSON.parse(out)).toMatchObject({ verdict: 'consult', tool: { id: null, name: 'Perplexity' } });
  }, 60_000);
});
