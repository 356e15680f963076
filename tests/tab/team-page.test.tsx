import { jest } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { teamLatestScanSchema, type TeamLatestScan } from '../../src/api/team-scan.js';
import { ApiError, type TeamClient } from '../../src/tab/api.js';
import { TeamPage } from '../../src/tab/views/TeamPage.js';
import { renderInFluent } from './scan-fixtures.js';

const groupId = '3f2a6c1e-8b4d-4e7a-9c21-5d0b7e6f4a12';

/** A team's last scan as the server gives it (checked against the wire schema, so the fixture cannot drift). */
const lastScan: TeamLatestScan = teamLatestScanSchema.parse({
  teamId: groupId,
  scan: {
    id: '7d1c9a54-2b3e-4f6a-8c7d-9e0f1a2b3c4d',
    origin: 'team',
    finishedAt: '2026-11-30T09:01:00.000Z',
    label: 'C',
    score: 71,
    subScores: { technical: 90, findability: 60, privacy: 65 },
    complete: false,
    files: 120,
    folders: 12,
    findings: 4,
    problems: [
      { rule: 'personal-data-in-name', severity: 'high', title: 'Persoonsgegevens in de naam', count: 1 },
      { rule: 'version-in-name', severity: 'medium', title: 'Versie in de naam', count: 1 },
      { rule: 'empty-folder', severity: 'low', title: 'Lege map', count: 2 },
    ],
  },
});

function fakeTeamApi(answer: () => Promise<TeamLatestScan>) {
  return { teamLatest: jest.fn<TeamClient['teamLatest']>(answer) } satisfies TeamClient;
}

describe('the channel tab: the team page', () => {
  it('asks for the team of the Teams context and shows its last scan: label, date, sub-scores, problems, links', async () => {
    const api = fakeTeamApi(async () => lastScan);
    renderInFluent(<TeamPage api={api} lang="nl" groupId={groupId} teamName="Team Wijkzaken" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Datahygiëne van Team Wijkzaken' })).toBeTruthy();
    const scan = await screen.findByTestId('team-scan');
    expect(api.teamLatest).toHaveBeenCalledWith(groupId);
    expect(within(scan).getByRole('heading', { level: 3, name: 'Laatste scan' })).toBeTruthy();
    expect(screen.getByTestId('team-label').textContent).toBe('Label C, score 71 van 100');
    const when = screen.getByTestId('team-when').textContent!;
    expect(when).toContain('Gescand op 30 november 2026');
    expect(when).toContain('Een collega heeft deze scan gestart.');
    expect(when).toContain('120 bestanden en 12 mappen, 4 bevindingen.');
    expect(screen.getByText('Deze scan kon niet alles lezen: de uitkomst is onvolledig.')).toBeTruthy();
    expect(screen.getByTestId('team-subscores').textContent).toContain('Toegang en privacy: 65');
    const problems = within(screen.getByTestId('team-problems-list'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems).toEqual([
      'Persoonsgegevens in de naam: 1 (hoog)',
      'Versie in de naam: 1 (middel)',
      'Lege map: 2 (laag)',
    ]);
    expect(screen.getByRole('link', { name: 'Het hele rapport openen' }).getAttribute('href')).toBe(
      '#scan/7d1c9a54-2b3e-4f6a-8c7d-9e0f1a2b3c4d',
    );
    expect(screen.getByRole('link', { name: 'Een nieuwe scan starten in Datahygiëne' }).getAttribute('href')).toBe(
      '#scan',
    );
  });

  it('speaks English, and says when the team lead started the scan', async () => {
    const own = { ...lastScan, scan: { ...lastScan.scan!, origin: 'own' as const, complete: true } };
    renderInFluent(<TeamPage api={fakeTeamApi(async () => own)} lang="en" groupId={groupId} />);
    await screen.findByTestId('team-scan');
    expect(screen.getByRole('heading', { level: 2, name: "This team's data readiness" })).toBeTruthy();
    expect(screen.getByTestId('team-label').textContent).toBe('Label C, score 71 out of 100');
    expect(screen.getByTestId('team-when').textContent).toContain('You started this scan.');
    expect(screen.queryByText(/outcome is incomplete/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Open the whole report' })).toBeTruthy();
  });

  it('says "nog geen scan" with a way to start one', async () => {
    renderInFluent(
      <TeamPage
        api={fakeTeamApi(async () => ({ teamId: groupId, scan: null, message: 'van de server' }))}
        lang="nl"
        groupId={groupId}
      />,
    );
    expect((await screen.findByTestId('team-no-scan')).textContent).toBe(
      'Er is nog geen scan van de bestanden van dit team.',
    );
    expect(screen.getByRole('link', { name: 'Een nieuwe scan starten in Datahygiëne' }).getAttribute('href')).toBe(
      '#scan',
    );
    expect(screen.queryByTestId('team-scan')).toBeNull();
  });

  it('tells a staff member (403) in a plain sentence that the tab is for team leads', async () => {
    const api = fakeTeamApi(async () => {
      throw new ApiError('Dit is voor teamleiders (rol AIWijzer.TeamLead)…', 403, 'not_team_lead');
    });
    renderInFluent(<TeamPage api={api} lang="nl" groupId={groupId} />);
    expect((await screen.findByTestId('team-leads-only')).textContent).toMatch(/^Dit tabblad is voor teamleiders\./);
    expect(screen.queryByRole('link', { name: 'Het hele rapport openen' })).toBeNull();
    expect(screen.queryByTestId('api-error')).toBeNull();
  });

  it("tells a team lead of other teams the server's sentence: not a member of this team", async () => {
    const message =
      'Je bent geen lid van dit team. Een teamleider ziet alleen de scans van de teams waar hij of zij lid van is.';
    const api = fakeTeamApi(async () => {
      throw new ApiError(message, 403, 'not_team_member');
    });
    renderInFluent(<TeamPage api={api} lang="nl" groupId={groupId} />);
    expect((await screen.findByTestId('team-not-member')).textContent).toBe(message);
    expect(screen.queryByTestId('team-leads-only')).toBeNull();
  });

  it('outside a team (no group id) says so and asks the server nothing', async () => {
    const api = fakeTeamApi(async () => lastScan);
    renderInFluent(<TeamPage api={api} lang="en" />);
    expect(screen.getByTestId('team-none').textContent).toMatch(/^No team is known here\./);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.teamLatest).not.toHaveBeenCalled();
  });

  it('shows a failure in plain words and tries again', async () => {
    let calls = 0;
    const api = fakeTeamApi(async () => {
      calls++;
      if (calls === 1) throw new ApiError('AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.', 0);
      return lastScan;
    });
    renderInFluent(<TeamPage api={api} lang="nl" groupId={groupId} />);
    const error = await screen.findByTestId('api-error');
    expect(error.textContent).toContain('AI-wijzer is nu niet bereikbaar');
    await userEvent.click(within(error).getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByTestId('team-scan');
    expect(api.teamLatest).toHaveBeenCalledTimes(2);
  });
});
