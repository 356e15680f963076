import { jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { CheckResponse } from '../../src/api/checks.js';
import { ApiError } from '../../src/tab/api.js';
import { parseRoute, type CheckPrefill } from '../../src/tab/useHashRoute.js';
import { CheckWizard } from '../../src/tab/views/CheckWizard.js';
import { fakeApi, recorded, renderInFluent } from './check-fixtures.js';

function wizard(api = fakeApi(), prefill: CheckPrefill = {}, lang: 'nl' | 'en' = 'nl') {
  renderInFluent(<CheckWizard api={api} lang={lang} prefill={prefill} />);
  return api;
}

const progress = () => screen.getByTestId('progress').textContent;
const questionHeading = () => screen.getByRole('heading', { level: 3 });
const next = () => userEvent.click(screen.getByRole('button', { name: /^(Volgende|Bekijk het oordeel)$/ }));
const previous = () => userEvent.click(screen.getByRole('button', { name: 'Vorige' }));
const choose = (label: string) => userEvent.click(screen.getByRole('radio', { name: label }));

/** The answers after the tool and the purpose, in the order of the questions. */
const rest = [
  'tekst schrijven of herschrijven',
  'geen van deze',
  'nee, geen persoonsgegevens',
  'weet ik niet', // confidentialData: "weet ik niet" is the value 'unknown'
  'nee', // decisionAboutPerson
  'weet ik niet', // humanReview: "weet ik niet" counts as no review
  'intern',
  'nee', // syntheticMedia
  'experiment',
  'nee', // trainingDone
];

async function answerRest(answers = rest) {
  for (const label of answers) {
    await choose(label);
    await next();
  }
}

describe('Snelle check: the steps', () => {
  beforeEach(() => {
    window.location.hash = '#check';
  });

  it('asks one question per step with its explanation and the progress, and moves focus to each question', async () => {
    wizard();
    await screen.findByRole('heading', { level: 3, name: 'Welke AI-tool wil je gebruiken?' });
    expect(progress()).toBe('Vraag 1 van 12');
    expect(screen.getByText(/Noem de tool zoals je hem kent/)).toBeTruthy();
    expect(screen.getByRole('radiogroup').getAttribute('aria-describedby')).toContain(
      screen.getByText(/Noem de tool zoals je hem kent/).id,
    );
    expect(document.activeElement).toBe(questionHeading());
    expect(screen.queryByRole('button', { name: 'Vorige' })).toBeNull();
    await choose('Microsoft 365 Copilot Chat');
    await next();
    expect(progress()).toBe('Vraag 2 van 12');
    expect(questionHeading().textContent).toBe('Waarvoor wil je de tool gebruiken? Beschrijf het doel in een zin.');
    expect(document.activeElement).toBe(questionHeading());
    // The progress line is a live region: a screen reader hears the step.
    expect(screen.getByTestId('progress').getAttribute('role')).toBe('status');
  });

  it('goes back and forward without losing an answer', async () => {
    wizard();
    await screen.findByText('Vraag 1 van 12');
    await choose('DeepL Pro');
    await next();
    await userEvent.type(screen.getByRole('textbox'), 'een folder vertalen');
    await next();
    await choose('vertalen');
    await previous();
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('een folder vertalen');
    await previous();
    expect((screen.getByRole('radio', { name: 'DeepL Pro' }) as HTMLInputElement).checked).toBe(true);
    await next();
    await next();
    expect(progress()).toBe('Vraag 3 van 12');
    expect((screen.getByRole('radio', { name: 'vertalen' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says what is missing when a step has no answer, and stays there', async () => {
    wizard();
    await screen.findByText('Vraag 1 van 12');
    await next();
    expect(screen.getByRole('alert').textContent).toBe('Kies een antwoord. Weet je het niet, kies dan "weet ik niet".');
    expect(progress()).toBe('Vraag 1 van 12');
    expect(screen.getByRole('radiogroup').getAttribute('aria-invalid')).toBe('true');
    // Another tool needs its name.
    await choose('Een andere tool');
    await next();
    expect(screen.getByRole('alert').textContent).toBe('Typ de naam van de tool.');
    await userEvent.type(screen.getByRole('textbox', { name: /Naam van de tool/ }), 'Perplexity{Enter}');
    expect(progress()).toBe('Vraag 2 van 12');
    // A text question: the text, or "weet ik niet".
    await next();
    expect(screen.getByRole('alert').textContent).toBe('Vul dit in. Weet je het niet, vink dan "weet ik niet" aan.');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Weet ik niet' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('textbox') as HTMLInputElement).disabled).toBe(true);
    await next();
    expect(progress()).toBe('Vraag 3 van 12');
  });

  it('sends "weet ik niet" as what each question makes of it, and shows the verdict with reasons, sources, conditions and advice', async () => {
    const api = wizard();
    await screen.findByText('Vraag 1 van 12');
    await choose('Weet ik niet');
    await next();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Weet ik niet' }));
    await next();
    await answerRest();
    expect(api.check).toHaveBeenCalledTimes(1);
    expect(api.check.mock.calls[0]![0]).toEqual({
      tool: 'onbekende tool',
      purpose: '',
      task: 'text',
      prohibitedPractice: 'none',
      personalData: 'none',
      confidentialData: 'unknown',
      decisionAboutPerson: 'none',
      humanReview: false,
      audience: 'internal',
      syntheticMedia: false,
      phase: 'experiment',
      trainingDone: false,
    });
    const expected = await (api.check.mock.results[0]!.value as ReturnType<typeof api.check>);
    const record = await screen.findByTestId('check-record');
    const heading = within(record).getByRole('heading', { level: 3, name: 'Het oordeel' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const verdicts: Record<CheckResponse['verdict'], string> = {
      allowed: 'Ja, dit mag',
      conditional: 'Ja, onder voorwaarden',
      consult: 'Eerst overleggen',
      prohibited: 'Nee, dit mag niet',
    };
    expect(within(record).getByTestId('verdict').textContent).toContain(verdicts[expected.verdict]);
    expect(within(record).getByTestId('record-number').textContent).toMatch(
      new RegExp(`^Vastgelegd als check nr\\. ${expected.record.seq} op `),
    );
    for (const reason of expected.reasons) expect(within(record).getByText(reason.text)).toBeTruthy();
    // Each source: a vision source opens the reader at its section, a law its text.
    const vision = expected.reasons.flatMap((r) => r.sources).find((s) => s.kind === 'vision')!;
    expect(within(record).getAllByRole('link', { name: vision.title })[0]!.getAttribute('href')).toBe(
      `#visie/${vision.ref}`,
    );
    // The conditions are a checklist to tick, kept nowhere.
    expect(expected.conditions.length).toBeGreaterThan(0);
    const box = within(record).getByRole('checkbox', { name: new RegExp(expected.conditions[0]!.text.slice(0, 30)) });
    await userEvent.click(box);
    expect((box as HTMLInputElement).checked).toBe(true);
    for (const advice of expected.advice) expect(within(record).getByText(advice.text)).toBeTruthy();
    // The answers as given, "weet ik niet" included.
    expect(within(record).getByText('Welke AI-tool wil je gebruiken?').closest('div')!.textContent).toContain(
      'Weet ik niet',
    );
  });

  it('prints the record and starts again from the first question', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    wizard();
    await screen.findByText('Vraag 1 van 12');
    await choose('Microsoft 365 Copilot Chat');
    await next();
    await userEvent.type(screen.getByRole('textbox'), 'een notitie herschrijven{Enter}');
    await answerRest();
    await screen.findByTestId('check-record');
    await userEvent.click(screen.getByRole('button', { name: 'Afdrukken' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Naar mijn checks' }).getAttribute('href')).toBe('#checks');
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw' }));
    expect(progress()).toBe('Vraag 1 van 12');
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    print.mockRestore();
  });

  it('keeps every answer when recording fails, says so in plain words, and tries again', async () => {
    const api = fakeApi();
    api.check.mockRejectedValueOnce(
      new ApiError(
        'AI-wijzer kan dit nu niet opslaan. Er is niets vastgelegd; probeer het over een paar minuten opnieuw.',
        503,
      ),
    );
    wizard(api);
    await screen.findByText('Vraag 1 van 12');
    await choose('Microsoft 365 Copilot Chat');
    await next();
    await userEvent.type(screen.getByRole('textbox'), 'een notitie herschrijven{Enter}');
    await answerRest();
    const error = await screen.findByTestId('api-error');
    expect(error.textContent).toContain('Er is niets vastgelegd');
    expect(error.textContent).toContain('Je antwoorden zijn bewaard.');
    expect(progress()).toBe('Vraag 12 van 12');
    expect((screen.getByRole('radio', { name: 'nee' }) as HTMLInputElement).checked).toBe(true);
    await previous();
    expect((screen.getByRole('radio', { name: 'experiment' }) as HTMLInputElement).checked).toBe(true);
    await next();
    await next();
    expect(api.check).toHaveBeenCalledTimes(2);
    await screen.findByTestId('check-record');
    expect(api.check.mock.calls[1]![0]).toEqual(api.check.mock.calls[0]![0]);
    // The retry is the same submission: the same Idempotency-Key, so the server records it once whatever happened to the first.
    expect(api.check.mock.calls[0]![1]).toMatch(/^[0-9a-f]{32}$/);
    expect(api.check.mock.calls[1]![1]).toBe(api.check.mock.calls[0]![1]);
  });

  it('says when the questions cannot be loaded, and loads them on "Opnieuw proberen"', async () => {
    const api = fakeApi();
    api.checkQuestions.mockRejectedValueOnce(
      new ApiError('AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.', 0),
    );
    wizard(api);
    expect((await screen.findByTestId('api-error')).textContent).toContain('AI-wijzer is nu niet bereikbaar.');
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByText('Vraag 1 van 12');
  });
});

describe('Snelle check: prefilled from the route', () => {
  it('takes the tool and the task of #check?tool=&task=, does not ask them again, and shows them when asked', async () => {
    const api = wizard(fakeApi(), parseRoute('#check?tool=chatgpt-free&task=summarize') as CheckPrefill);
    await screen.findByText('Vraag 1 van 10');
    expect(screen.getByTestId('prefilled').textContent).toContain('tool: ChatGPT (gratis), taak: samenvatten');
    expect(questionHeading().textContent).toBe('Waarvoor wil je de tool gebruiken? Beschrijf het doel in een zin.');
    await userEvent.click(screen.getByRole('button', { name: 'Deze vragen toch tonen' }));
    expect(progress()).toBe('Vraag 1 van 12');
    expect((screen.getByRole('radio', { name: 'ChatGPT (gratis)' }) as HTMLInputElement).checked).toBe(true);
    await next();
    await userEvent.type(screen.getByRole('textbox'), 'een brief samenvatten{Enter}');
    expect((screen.getByRole('radio', { name: 'samenvatten' }) as HTMLInputElement).checked).toBe(true);
    await next();
    await answerRest(rest.slice(1));
    expect(api.check.mock.calls[0]![0]).toMatchObject({ tool: 'chatgpt-free', task: 'summarize' });
  });

  it('ignores a tool the register does not know and a task that is none', async () => {
    wizard(fakeApi(), parseRoute('#check?tool=bestaat-niet&task=poems') as CheckPrefill);
    await screen.findByText('Vraag 1 van 12');
    expect(screen.queryByTestId('prefilled')).toBeNull();
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });

  it('a name from the question box: the register entry it names, or another tool with that name', async () => {
    wizard(fakeApi(), { toolName: 'Perplexity', task: 'translate' });
    await screen.findByText('Vraag 1 van 10');
    expect(screen.getByTestId('prefilled').textContent).toContain('tool: Perplexity, taak: vertalen');
  });

  it('in English when the page is', async () => {
    const api = fakeApi();
    api.checkQuestions.mockImplementation(async () => (await import('./check-fixtures.js')).questions('en'));
    api.check.mockImplementation(async (body) => recorded(body, 'en'));
    wizard(api, {}, 'en');
    await screen.findByText('Question 1 of 12');
    expect(questionHeading().textContent).toBe('Which AI tool do you want to use?');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose an answer. If you do not know, choose "I do not know".');
  });
});
