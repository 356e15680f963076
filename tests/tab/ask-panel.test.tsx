import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { CheckOutcome } from '../../src/api/ask.js';
import { ApiError } from '../../src/tab/api.js';
import { texts } from '../../src/tab/texts.js';
import { AskPanel } from '../../src/tab/views/AskPanel.js';
import { fakeApi, renderInFluent } from './check-fixtures.js';

const outcome = (check: CheckOutcome['check']): CheckOutcome => ({
  question: 'Mag ik ChatGPT gebruiken om een brief samen te vatten?',
  language: 'nl',
  answer: 'Dit is een vraag voor de AI-check "Mag ik dit gebruiken?".',
  outcome: 'check',
  check,
});

async function ask(api: ReturnType<typeof fakeApi>, question: string) {
  renderInFluent(<AskPanel api={api} t={texts.nl} />);
  await userEvent.type(screen.getByRole('textbox', { name: /Je vraag over de AI-visie/ }), question);
  await userEvent.click(screen.getByRole('button', { name: 'Vraag het' }));
}

describe('Vraag: a question that starts the check', () => {
  beforeEach(() => {
    window.location.hash = '#vraag';
  });

  it('opens the check with the tool and the task filled in', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(
      outcome({ tool: { id: 'chatgpt-free', name: 'ChatGPT (gratis)' }, task: 'summarize', open: ['purpose'] }),
    );
    await ask(api, 'Mag ik ChatGPT gebruiken om een brief samen te vatten?');
    expect(window.location.hash).toBe('#check?tool=chatgpt-free&task=summarize');
  });

  it('asks on Enter; Shift+Enter is a new line', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(
      outcome({ tool: { id: 'chatgpt-free', name: 'ChatGPT (gratis)' }, task: 'summarize', open: ['purpose'] }),
    );
    renderInFluent(<AskPanel api={api} t={texts.nl} />);
    const box = screen.getByRole('textbox', { name: /Je vraag over de AI-visie/ });
    await userEvent.type(box, 'Mag ik ChatGPT{Shift>}{Enter}{/Shift}gebruiken?');
    expect((box as HTMLTextAreaElement).value).toBe('Mag ik ChatGPT\ngebruiken?');
    expect(api.ask).not.toHaveBeenCalled();
    await userEvent.type(box, '{Enter}');
    expect(api.ask).toHaveBeenCalledWith('Mag ik ChatGPT\ngebruiken?');
  });

  it('a tool the register does not know goes by its name', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(
      outcome({ tool: { id: null, name: 'Perplexity' }, task: 'translate', open: ['purpose'] }),
    );
    await ask(api, 'Mag ik Perplexity gebruiken om te vertalen?');
    expect(window.location.hash).toBe('#check?name=Perplexity&task=translate');
  });

  it('asks which tool first when the name fits several', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(
      outcome({
        tool: {
          candidates: [
            { id: 'm365-copilot', name: 'Microsoft 365 Copilot' },
            { id: 'copilot-chat', name: 'Microsoft 365 Copilot Chat' },
          ],
        },
        task: 'text',
        open: ['tool', 'purpose'],
      }),
    );
    await ask(api, 'Mag ik Copilot gebruiken voor een brief?');
    expect(window.location.hash).toBe('#vraag');
    await screen.findByText(texts.nl.checkChoose);
    expect(screen.getByRole('link', { name: 'Microsoft 365 Copilot Chat' }).getAttribute('href')).toBe(
      '#check?tool=copilot-chat&task=text',
    );
  });

  it('keeps the question when the call fails, and asks again on "Opnieuw proberen"', async () => {
    const api = fakeApi();
    api.ask.mockRejectedValueOnce(new ApiError('AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.', 0));
    api.ask.mockResolvedValueOnce(
      outcome({ tool: { id: 'copilot-chat', name: 'Microsoft 365 Copilot Chat' }, task: 'text', open: ['purpose'] }),
    );
    await ask(api, 'Mag ik Copilot Chat gebruiken voor een brief?');
    expect((await screen.findByTestId('api-error')).textContent).toContain('AI-wijzer is nu niet bereikbaar.');
    expect((screen.getByRole('textbox', { name: /Je vraag over de AI-visie/ }) as HTMLTextAreaElement).value).toBe(
      'Mag ik Copilot Chat gebruiken voor een brief?',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(api.ask).toHaveBeenLastCalledWith('Mag ik Copilot Chat gebruiken voor een brief?');
    expect(window.location.hash).toBe('#check?tool=copilot-chat&task=text');
  });
});

describe('Vraag: a question that asks for the scan', () => {
  const scanOutcome = (graphScans: boolean) => ({
    question: 'Kun je onze teamsite scannen?',
    language: 'nl' as const,
    answer: 'Je wilt weten hoe netjes de bestanden van je team zijn: dat laat de datahygiëne-scan zien.',
    outcome: 'scan' as const,
    scan: { graphScans },
  });

  it('links to Datahygiëne where this installation can scan Microsoft 365', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(scanOutcome(true));
    await ask(api, 'Kun je onze teamsite scannen?');
    expect((await screen.findByRole('link', { name: /Naar Datahygiëne/ })).getAttribute('href')).toBe('#scan');
  });

  it('promises no page where it cannot', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(scanOutcome(false));
    await ask(api, 'Kun je onze teamsite scannen?');
    await screen.findByText(/datahygiëne-scan/);
    expect(screen.queryByRole('link', { name: /Naar Datahygiëne/ })).toBeNull();
  });
});

describe('Vraag: a vision answer', () => {
  const section = {
    id: 'privacy',
    path: ['AI-visie'],
    heading: 'Privacy',
    level: 2,
    body: 'Privacy gaat voor.\n\nWe beschermen de persoonlijke levenssfeer van Groningers bij alle AI-toepassingen.\n\nEen andere alinea.',
  };
  const quote = 'We beschermen de persoonlijke levenssfeer van Groningers bij alle AI-toepassingen.';
  const answer = {
    question: 'Hoe zit het met privacy?',
    language: 'nl' as const,
    outcome: 'answer' as const,
    answer: quote,
    citations: [{ sectionId: 'privacy', heading: 'Privacy', quote }],
    confidence: 0.9,
    visionVersion: '1',
    link: '/tab/#visie/privacy',
    generated: false,
  };

  it('shows the quote once, marked in the paragraph of its section, with the source', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(answer);
    api.vision.mockResolvedValue({
      title: 'AI-visie',
      version: '1',
      date: '2025-01-01',
      language: 'nl',
      sections: [section],
    });
    await ask(api, 'Hoe zit het met privacy?');
    const mark = await screen.findByText(quote, { selector: 'mark' });
    expect(mark.closest('blockquote')).not.toBeNull();
    expect(screen.getAllByText(quote)).toHaveLength(1);
    expect(screen.queryByText('Een andere alinea.')).toBeNull();
    expect(api.vision).toHaveBeenCalledWith('nl');
    expect(screen.getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe('#visie/privacy');
  });

  it('shows the quote on its own when the vision cannot be read', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(answer);
    api.vision.mockRejectedValue(new ApiError('weg', 0));
    await ask(api, 'Hoe zit het met privacy?');
    await screen.findByText(quote);
    expect(screen.getAllByText(quote)).toHaveLength(1);
    expect(screen.queryByText(quote, { selector: 'mark' })).toBeNull();
  });

  it('lists the other sections that also match under the answer as "Zie ook"; opening one tells the choice', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue({
      ...answer,
      seeAlso: [{ sectionId: 'wetgeving', heading: 'Wetgeving en richtlijnen', link: '/tab/#visie/wetgeving' }],
    });
    api.vision.mockRejectedValue(new ApiError('weg', 0));
    api.choice.mockResolvedValue(undefined);
    await ask(api, 'Hoe zit het met privacy?');
    await screen.findByText(quote);
    expect(screen.getByText('Zie ook:')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Wetgeving en richtlijnen' });
    expect(link.getAttribute('href')).toBe('#visie/wetgeving');
    await userEvent.click(link);
    expect(api.choice).toHaveBeenCalledWith({ question: answer.question, sectionId: 'wetgeving', language: 'nl' });
  });

  it('shows no "Zie ook" when no other section comes close', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(answer);
    api.vision.mockRejectedValue(new ApiError('weg', 0));
    await ask(api, 'Hoe zit het met privacy?');
    await screen.findByText(quote);
    expect(screen.queryByText('Zie ook:')).toBeNull();
  });

  it('lists each part of a whole with its quote and a link to its section', async () => {
    const api = fakeApi();
    const part = { sectionId: 'nuchterheid', heading: 'Nuchterheid', quote: 'We laten ons niet meeslepen.' };
    api.ask.mockResolvedValue({
      ...answer,
      answer: `${quote}\n- Nuchterheid: ${part.quote}`,
      citations: [...answer.citations, part],
    });
    api.vision.mockRejectedValue(new ApiError('weg', 0));
    await ask(api, 'Wat zijn de kernwaarden?');
    const parts = await screen.findByTestId('answer-parts');
    expect(parts.textContent).toContain(part.quote);
    expect(screen.getByRole('link', { name: 'Nuchterheid' }).getAttribute('href')).toBe('#visie/nuchterheid');
  });
});
