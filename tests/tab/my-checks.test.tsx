import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { CheckSummary } from '../../src/api/checks.js';
import { ApiError } from '../../src/tab/api.js';
import { MyChecks } from '../../src/tab/views/MyChecks.js';
import { baseCase } from '../quickcheck/cases.js';
import { fakeApi, recorded, renderInFluent } from './check-fixtures.js';

const now = { rulesVersion: 'rules-2', registerVersion: 'register-2' };
const summary = (seq: number, versions: { rulesVersion: string; registerVersion: string }): CheckSummary => ({
  seq,
  at: '2026-11-20T09:30:00.000Z',
  tool: { id: 'chatgpt-free', name: 'ChatGPT (gratis)' },
  task: 'summarize',
  purpose: 'een brief samenvatten',
  verdict: 'conditional',
  ruleIds: ['training-missing'],
  ...versions,
});

describe('Mijn checks', () => {
  beforeEach(() => {
    window.location.hash = '#checks';
  });

  it('lists my checks with date, tool, task, verdict and number; only a check judged by other rules offers a reassessment', async () => {
    const api = fakeApi();
    api.myChecks.mockResolvedValue({
      checks: [
        summary(12, now),
        summary(11, { ...now, registerVersion: 'register-1' }),
        summary(10, { ...now, rulesVersion: 'rules-1' }),
      ],
      current: now,
    });
    renderInFluent(<MyChecks api={api} lang="nl" />);
    const table = await screen.findByRole('table', { name: 'Je eerdere checks' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const cells = within(rows[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // In the browser's own time zone.
    expect(cells[0]).toMatch(/^20 november 2026 om \d\d:30$/);
    expect(cells.slice(1, 4)).toEqual(['ChatGPT (gratis)', 'samenvatten', 'Ja, onder voorwaarden']);
    expect(within(rows[0]!).getByRole('link', { name: 'Check nr. 12' }).getAttribute('href')).toBe('#checks/12');
    const reassess = (row: HTMLElement) =>
      within(row).queryByRole('button', { name: 'Opnieuw beoordelen met de huidige regels' });
    expect(reassess(rows[0]!)).toBeNull();
    expect(reassess(rows[1]!)).not.toBeNull();
    expect(reassess(rows[2]!)).not.toBeNull();
    expect(rows[1]!.textContent).toContain('De regels of het register zijn sinds deze check veranderd.');
  });

  it('offers no reassessment when the server does not say which versions hold now', async () => {
    const api = fakeApi();
    api.myChecks.mockResolvedValue({ checks: [summary(3, { rulesVersion: 'old', registerVersion: 'old' })] });
    renderInFluent(<MyChecks api={api} lang="nl" />);
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: /Opnieuw beoordelen/ })).toBeNull();
  });

  it('says so when there are none, with the way to a check', async () => {
    renderInFluent(<MyChecks api={fakeApi()} lang="nl" />);
    await screen.findByText('Je hebt nog geen checks gedaan.');
    expect(screen.getByRole('link', { name: 'Doe een snelle check' }).getAttribute('href')).toBe('#check');
  });

  it('reassesses a check with the current rules and opens the new record', async () => {
    const api = fakeApi();
    api.myChecks.mockResolvedValue({ checks: [summary(11, { ...now, registerVersion: 'register-1' })], current: now });
    const again = recorded({ ...baseCase, tool: 'chatgpt-free', task: 'summarize' });
    api.reassess.mockResolvedValue(again);
    renderInFluent(<MyChecks api={api} lang="nl" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Opnieuw beoordelen met de huidige regels' }));
    expect(api.reassess).toHaveBeenCalledWith(11);
    await waitFor(() => expect(window.location.hash).toBe(`#checks/${again.record.seq}`));
  });

  it('says in plain words when reassessing fails, with a retry', async () => {
    const api = fakeApi();
    api.myChecks.mockResolvedValue({ checks: [summary(11, { ...now, registerVersion: 'register-1' })], current: now });
    api.reassess.mockRejectedValueOnce(new ApiError('AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.', 0));
    api.reassess.mockResolvedValueOnce(recorded(baseCase));
    renderInFluent(<MyChecks api={api} lang="nl" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Opnieuw beoordelen met de huidige regels' }));
    expect((await screen.findByTestId('api-error')).textContent).toContain('niet bereikbaar');
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(api.reassess).toHaveBeenCalledTimes(2);
  });

  it('says when the list cannot be loaded, and loads it on "Opnieuw proberen"', async () => {
    const api = fakeApi();
    api.myChecks.mockRejectedValueOnce(new ApiError('AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.', 0));
    renderInFluent(<MyChecks api={api} lang="nl" />);
    await screen.findByTestId('api-error');
    await userEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByText('Je hebt nog geen checks gedaan.');
  });
});

describe('one of my checks, at #checks/<record>', () => {
  const detail = (versions: { rulesVersion?: string; registerVersion?: string }) => {
    const result = recorded({ ...baseCase, tool: 'chatgpt-free', personalData: 'ordinary' });
    return {
      ...result,
      case: { ...baseCase, tool: 'chatgpt-free', personalData: 'ordinary' as const },
      current: { rulesVersion: result.rulesVersion, registerVersion: result.registerVersion, ...versions },
    };
  };

  it('shows its record with the answers it judged, and no reassessment while the rules are the same', async () => {
    const api = fakeApi();
    const check = detail({});
    api.myCheck.mockResolvedValue(check);
    renderInFluent(<MyChecks api={api} lang="nl" seq={check.record.seq} />);
    const heading = await screen.findByRole('heading', { level: 2, name: `Check nr. ${check.record.seq}` });
    const record = await screen.findByTestId('check-record');
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(api.myCheck).toHaveBeenCalledWith(check.record.seq);
    expect(within(record).getByTestId('verdict').textContent).toContain('Nee, dit mag niet');
    // The register entry the verdict used, and why.
    expect(within(record).getByTestId('tool-matched').textContent).toBe(
      " Uit het register, herkend aan de id 'chatgpt-free'.",
    );
    expect(within(record).getByText(check.reasons[0]!.text)).toBeTruthy();
    expect(within(record).getByText('ja, gewone persoonsgegevens (zoals naam, e-mailadres)')).toBeTruthy();
    expect(screen.queryByTestId('outdated')).toBeNull();
    expect(screen.getByRole('link', { name: 'Terug naar mijn checks' }).getAttribute('href')).toBe('#checks');
  });

  it('offers to reassess it when the register changed since', async () => {
    const api = fakeApi();
    const check = detail({ registerVersion: 'nieuw' });
    api.myCheck.mockResolvedValue(check);
    api.reassess.mockResolvedValue(recorded(check.case));
    renderInFluent(<MyChecks api={api} lang="nl" seq={check.record.seq} />);
    const outdated = await screen.findByTestId('outdated');
    await userEvent.click(within(outdated).getByRole('button', { name: 'Opnieuw beoordelen met de huidige regels' }));
    expect(api.reassess).toHaveBeenCalledWith(check.record.seq);
  });

  it("says a check that is not one's own is not there", async () => {
    const api = fakeApi();
    api.myCheck.mockRejectedValue(new ApiError('Deze check staat niet bij jouw checks.', 404));
    renderInFluent(<MyChecks api={api} lang="nl" seq={999} />);
    expect((await screen.findByTestId('api-error')).textContent).toContain('Deze check staat niet bij jouw checks.');
  });
});
