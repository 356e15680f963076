import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { askResponseSchema } from '../../src/api/ask.js';
import { rootDir } from '../../src/paths.js';
import { runCli } from '../../src/cli/run.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return {
    io: { stdout, stderr, stdin: new PassThrough(), env: { NODE_ENV: 'test', PRIVACY_CONTACT: 'het AI-team' } },
    out: () => out,
    err: () => err,
  };
}

describe('ai-wijzer ask', () => {
  it('prints the quote, its section and link', async () => {
    const t = io();
    expect(await runCli(['ask', 'Wat is kunstmatige intelligentie?'], t.io)).toBe(0);
    expect(t.out()).toContain('Artificiële Intelligentie (AI) omvat technologieën');
    expect(t.out()).toContain('AI-visie, Wat is AI (/tab/#visie/wat-is-ai)');
  });

  it('prints exactly one JSON object with --json, and honours --lang', async () => {
    const t = io();
    expect(await runCli(['ask', 'DPIA', '--json', '--lang', 'en'], t.io)).toBe(0);
    const result = askResponseSchema.parse(JSON.parse(t.out()));
    expect(result.language).toBe('en');
    expect(result.outcome).toBe('answer');
    expect(result.answer).toContain('impact assessments (DPIA');
  });

  it('explains for editors which words matched which sections, as text or as a JSON field', async () => {
    const t = io();
    expect(await runCli(['ask', 'Wat zegt de visie over het energieverbruik van AI?', '--explain'], t.io)).toBe(0);
    expect(t.out()).toMatch(/Uitleg \(nl\): inhoudswoorden .*energieverbruik \[/);
    expect(t.out()).toMatch(/\n {2}duurzaamheid +score +[\d.]+ +dekking [\d.]+ +treft: .*energieverbruik/);
    const j = io();
    expect(
      await runCli(['ask', 'Wat zegt de visie over het energieverbruik van AI?', '--explain', '--json'], j.io),
    ).toBe(0);
    const parsed = JSON.parse(j.out());
    expect(askResponseSchema.parse(parsed).outcome).toBe('answer');
    expect(parsed.explanation.sections[0]).toMatchObject({
      sectionId: 'duurzaamheid',
      matched: expect.arrayContaining(['energieverbruik']),
    });
  });

  it('exits 2 with a Dutch message on a missing question or a wrong flag', async () => {
    const t = io();
    expect(await runCli(['ask'], t.io)).toBe(2);
    expect(t.err()).toMatch(/Geef een vraag/);
    const u = io();
    expect(await runCli(['ask', 'Wat is AI?', '--lang', 'fr'], u.io)).toBe(2);
    expect(u.err()).toMatch(/--lang/);
  });

  it('works as a process: stdout is one JSON object and nothing else', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'src/cli/main.ts', 'ask', 'Hoe verleng ik mijn rijbewijs?', '--json'],
      { cwd: rootDir, env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' } },
    );
    const result = askResponseSchema.parse(JSON.parse(stdout));
    expect(result.outcome).toBe('abstain');
    expect(stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
