import { jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api.js';
import { ScanPage } from '../../src/tab/views/ScanPage.js';
import { fakeScanApi, job, renderInFluent, targets } from './scan-fixtures.js';

describe('Datahygiëne: choosing and starting a scan', () => {
  beforeEach(() => {
    window.location.hash = '#scan';
  });

  it('shows what I can scan grouped by kind, after a loading state', async () => {
    const api = fakeScanApi();
    renderInFluent(<ScanPage api={api} lang="nl" />);
    expect(screen.getByText('De lijst wordt geladen…')).toBeTruthy();
    const teams = await screen.findByRole('group', { name: 'Teams' });
    expect(
      within(teams)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('aria-label') ?? document.querySelector(`label[for="${r.id}"]`)?.textContent),
    ).toEqual(['Team Wijkzaken', 'Team Financiën']);
    expect(screen.getByRole('group', { name: 'Sites' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'OneDrive en bibliotheken' })).toBeTruthy();
    expect(screen.getByText('Er zijn nog geen scans.')).toBeTruthy();
  });

  it('searches after a pause in typing (one call for the whole word)', async () => {
    const api = fakeScanApi();
    renderInFluent(<ScanPage api={api} lang="nl" />);
    await screen.findByRole('group', { name: 'Teams' });
    await userEvent.type(screen.getByRole('searchbox', { name: /Zoeken naar een team/ }), 'fin');
    await waitFor(() => expect(api.targets).toHaveBeenLastCalledWith('fin'));
    expect(api.targets.mock.calls.map((c) => c[0])).toEqual([undefined, 'fin']);
  });

  it('says which lists are incomplete and when the list was cut off', async () => {
    const api = fakeScanApi();
    api.targets.mockResolvedValue({
      ...targets,
      incomplete: [{ part: 'teams', message: 'Je teams kon AI-wijzer niet lezen: geen toegang.' }],
      truncated: true,
    });
    renderInFluent(<ScanPage api={api} lang="nl" />);
    expect((await screen.findByTestId('scan-incomplete')).textContent).toContain('Je teams kon AI-wijzer niet lezen');
    expect(screen.getByText(/ingekort tot de eerste 500/)).toBeTruthy();
  });

  it('asks for consent when Entra ID wants it, and tries again after "Toestemming geven"', async () => {
    const api = fakeScanApi();
    api.targets.mockRejectedValueOnce(
      new ApiError('AI-wijzer heeft je toestemming nodig om je bestanden te lezen.', 403, 'consent_required'),
    );
    const onConsent = jest.fn(async () => {});
    renderInFluent(<ScanPage api={api} lang="nl" onConsent={onConsent} />);
    const prompt = await screen.findByTestId('scan-consent');
    expect(prompt.textContent).toContain('Toestemming nodig');
    expect(prompt.textContent).toContain('toestemming nodig om je bestanden te lezen');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Toestemming geven' }));
    await screen.findByRole('group', { name: 'Teams' });
    expect(onConsent).toHaveBeenCalledTimes(1);
    expect(api.targets).toHaveBeenCalledTimes(2);
  });

  it('says plainly when scanning through Microsoft 365 is not set up', async () => {
    const api = fakeScanApi();
    api.targets.mockRejectedValue(new ApiError('niet ingesteld', 503, 'graph_not_configured'));
    renderInFluent(<ScanPage api={api} lang="en" />);
    expect((await screen.findByTestId('scan-not-configured')).textContent).toContain(
      'Scanning through Microsoft 365 is not set up on this installation',
    );
  });

  it('shows another failure in plain words with a retry', async () => {
    const api = fakeScanApi();
    api.targets.mockRejectedValueOnce(new ApiError('Microsoft 365 gaf geen lijst.', 503, 'graph_unavailable'));
    renderInFluent(<ScanPage api={api} lang="nl" />);
    const error = await screen.findByTestId('api-error');
    expect(error.textContent).toContain('Microsoft 365 gaf geen lijst.');
    await userEvent.click(within(error).getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByRole('group', { name: 'Teams' });
  });

  it('asks to choose first, then starts the scan, shows its progress and opens the report when done', async () => {
    const api = fakeScanApi();
    api.job
      .mockResolvedValueOnce(job({ progress: { items: 40, requests: 3, throttledSeconds: 2 } }))
      .mockResolvedValue(
        job({ status: 'done', scanId: 'scan-42', progress: { items: 120, requests: 14, throttledSeconds: 2 } }),
      );
    renderInFluent(<ScanPage api={api} lang="nl" />);
    await screen.findByRole('group', { name: 'Teams' });
    await userEvent.click(screen.getByRole('button', { name: 'Scan starten' }));
    expect(screen.getByText('Kies eerst wat je wilt scannen.')).toBeTruthy();
    expect(api.start).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('radio', { name: 'Team Wijkzaken' }));
    expect(screen.getByText('Gekozen: Team Wijkzaken')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Scan starten' }));
    expect(api.start).toHaveBeenCalledWith({ kind: 'team', id: 'team-1' });
    const status = await screen.findByTestId('scan-progress-text');
    expect(status.getAttribute('role')).toBe('status');
    await waitFor(() =>
      expect(status.textContent).toBe(
        '40 items gelezen, 3 verzoeken aan Microsoft 365, 2 seconden gewacht op Microsoft 365.',
      ),
    );
    await waitFor(() => expect(window.location.hash).toBe('#scan/scan-42'), { timeout: 3000 });
    expect(api.job).toHaveBeenCalledWith('job-1');
  });

  it('says why a scan failed', async () => {
    const api = fakeScanApi();
    api.job.mockResolvedValue(
      job({ status: 'failed', error: { code: 'forbidden', message: 'Je hebt geen toegang tot dit doel.' } }),
    );
    renderInFluent(<ScanPage api={api} lang="nl" />);
    await userEvent.click(await screen.findByRole('radio', { name: 'Intranet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Scan starten' }));
    await waitFor(() =>
      expect(screen.getByTestId('scan-progress-text').textContent).toBe(
        'De scan is mislukt. Je hebt geen toegang tot dit doel.',
      ),
    );
  });

  it('lists earlier scans and agent reports, each linking to its report, and follows a running scan', async () => {
    const api = fakeScanApi();
    api.scans.mockResolvedValue({
      jobs: [job({ id: 'job-9', status: 'running', progress: { items: 5, requests: 1, throttledSeconds: 0 } })],
      reports: [
        {
          id: 'scan-42',
          origin: 'own',
          source: 'graph',
          root: 'Team Wijkzaken',
          finishedAt: '2026-11-30T09:01:00.000Z',
          score: 71,
          label: 'C',
          complete: true,
        },
        {
          id: 'agent-7',
          origin: 'agent',
          source: 'filesystem',
          root: '\\\\fs01\\afdeling',
          finishedAt: '2026-11-29T09:01:00.000Z',
          score: 50,
          label: 'E',
          complete: false,
        },
      ],
    });
    api.job.mockResolvedValue(job({ id: 'job-9', progress: { items: 5, requests: 1, throttledSeconds: 0 } }));
    renderInFluent(<ScanPage api={api} lang="nl" />);
    const table = await screen.findByRole('table', { name: 'Eerdere scans en rapporten van agents' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('link', { name: 'Rapport van Team Wijkzaken' }).getAttribute('href')).toBe(
      '#scan/scan-42',
    );
    expect(rows[1]!.textContent).toContain('Agent (netwerkschijf)');
    expect(rows[1]!.textContent).toContain('(onvolledig)');
    await waitFor(() => expect(api.job).toHaveBeenCalledWith('job-9'));
    await waitFor(() =>
      expect(screen.getByTestId('scan-progress-text').textContent).toBe(
        '5 items gelezen, 1 verzoeken aan Microsoft 365.',
      ),
    );
  });
});
