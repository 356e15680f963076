import {
  checkOutcomeSchema,
  frontDoorResponseSchema,
  helpOutcomeSchema,
  scanOutcomeSchema,
} from '../../../src/api/ask.js';
import { visionFeedbackStore } from '../../../src/store/repositories/vision.js';
import { runCaptured } from '../../helpers/cli.js';
import { startTestServer } from '../../helpers/server.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the front door over HTTP: POST /api/ask', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ ASK_STORE_QUESTION_TEXT: 'true' });
  });
  afterAll(async () => server.dispose());
  const ask = async (question: string, headers: Record<string, string> = {}) => {
    const res = await post(`${server.url}/api/ask`, { question }, headers);
    expect(res.status).toBe(200);
    return frontDoorResponseSchema.parse(await res.json());
  };

  it('starts the check for "mag ik ChatGPT gebruiken om een brief aan een inwoner te schrijven?"', async () => {
    const body = checkOutcomeSchema.parse(
      await ask('Mag ik ChatGPT gebruiken om een brief aan een inwoner te schrijven?'),
    );
    expect(body.check).toMatchObject({ tool: { id: 'chatgpt-free', name: 'ChatGPT (gratis)' }, task: 'text' });
    expect(body.check.open).toEqual([
      'purpose',
      'prohibitedPractice',
      'personalData',
      'confidentialData',
      'decisionAboutPerson',
      'humanReview',
      'audience',
      'syntheticMedia',
      'phase',
      'trainingDone',
    ]);
    expect(body.check.vision).toBeUndefined();
    expect(body.answer).toContain('AI-check');
    // Not a question the vision could not answer: nothing is kept for the AI team.
    expect(await visionFeedbackStore(server.store).list()).toEqual([]);
  });

  it('gives the Copilot entries to choose from for "May I use Copilot for meeting notes?", in English', async () => {
    const body = checkOutcomeSchema.parse(await ask('May I use Copilot for meeting notes?'));
    expect(body.language).toBe('en');
    expect(body.check.tool).toEqual({
      candidates: [
        { id: 'm365-copilot', name: 'Microsoft 365 Copilot' },
        { id: 'copilot-chat', name: 'Microsoft 365 Copilot Chat' },
        { id: 'github-copilot-free', name: 'GitHub Copilot (gratis)' },
      ],
    });
    expect(body.check.task).toBe('transcribe');
    expect(body.check.open[0]).toBe('tool');
  });

  it("brings the vision's answer along with a check about a tool that names no task", async () => {
    const body = checkOutcomeSchema.parse(await ask('kan ik een BSN in chatgpt zetten'));
    expect(body.check.tool).toEqual({ id: 'chatgpt-free', name: 'ChatGPT (gratis)' });
    expect(body.check.vision).toMatchObject({ outcome: 'answer', citations: [{ sectionId: 'privacy' }] });
  });

  it.each(['check', '/check', 'AI-check'])('starts an empty check for "%s"', async (command) => {
    const body = checkOutcomeSchema.parse(await ask(command));
    expect(body.check.tool).toBeUndefined();
    expect(body.check.open).toHaveLength(12);
  });

  it.each(['scan', 'datahygiëne', 'check onze mappen', 'scan our files'])('starts the scan for "%s"', async (text) => {
    const body = scanOutcomeSchema.parse(await ask(text));
    // No Microsoft 365 access is configured in this test: the answer says so.
    expect(body.scan.graphScans).toBe(false);
    expect(body.answer).toMatch(/niet ingesteld|not set up/);
  });

  it('keeps a vision question that names a tool with the vision', async () => {
    const body = await ask('wat zegt de visie over ChatGPT?');
    expect(['answer', 'suggest']).toContain(body.outcome);
  });

  it('gives help in the language of the request', async () => {
    expect(helpOutcomeSchema.parse(await ask('help', { 'accept-language': 'en' })).answer).toContain('Ask the vision');
    expect(helpOutcomeSchema.parse(await ask('help')).answer).toContain('Vraag het de visie');
  });

  it('refuses an empty question with a Dutch message and the field, and keeps nothing', async () => {
    const before = await visionFeedbackStore(server.store).list();
    const res = await post(`${server.url}/api/ask`, { question: '   ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; problems: { field: string }[] } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.problems[0]!.field).toBe('question');
    expect(await visionFeedbackStore(server.store).list()).toEqual(before);
  });
});

describe('the front door in the CLI', () => {
  it('ai-wijzer ask prints the prefilled check and the command that finishes it', async () => {
    const run = await runCaptured(['ask', 'Mag ik ChatGPT gebruiken om een brief te schrijven?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Al ingevuld: tool ChatGPT (gratis), taak: tekst schrijven of herschrijven.');
    expect(run.stdout).toContain('Maak de check af met: ai-wijzer check --tool chatgpt-free --task text');
  });

  it('ai-wijzer ask --json gives the same object as POST /api/ask', async () => {
    const run = await runCaptured(['ask', '--json', 'May I use Copilot for meeting notes?']);
    const body = checkOutcomeSchema.parse(JSON.parse(run.stdout));
    expect(body.check.tool).toMatchObject({ candidates: expect.any(Array) });
  });

  it('ai-wijzer check --tool --task asks only the other questions, and shows the given ones as filled in', async () => {
    const answers = ['een brief aan een inwoner', ...Array(10).fill('1')].join('\n');
    const run = await runCaptured(['check', '--tool', 'chatgpt', '--task', 'text', '--dry-run', '--json'], {}, answers);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('-> ChatGPT (gratis) (al ingevuld)');
    expect(run.stderr).toContain('-> tekst schrijven of herschrijven (al ingevuld)');
    expect(JSON.parse(run.stdout)).toMatchObject({ tool: { id: 'chatgpt-free' } });
  });

  it('ai-wijzer check --tool with a name that fits several entries asks which one, and records nothing', async () => {
    const run = await runCaptured(['check', '--tool', 'copilot', '--dry-run']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'copilot' past bij 3 tools in het register; kies er een: m365-copilot");
  });

  it('ai-wijzer check refuses an unknown --task with the values it takes', async () => {
    const run = await runCaptured(['check', '--task', 'brieven', '--dry-run']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--task: moet een van text, summarize');
  });
});
