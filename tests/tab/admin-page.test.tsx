import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api.js';
import { hashForSubPage, parseRoute } from '../../src/tab/useHashRoute.js';
import { AdminPage } from '../../src/tab/views/AdminPage.js';
import { fakeAdminApi, history, renderInFluent } from './admin-fixtures.js';

describe('Beheer: the page', () => {
  it('is the route #beheer, also from a Teams deep link', () => {
    expect(parseRoute('#beheer')).toEqual({ view: 'beheer' });
    expect(hashForSubPage('beheer')).toBe('#beheer');
    expect(parseRoute('#beheer/iets')).toEqual({ view: 'not-found' });
  });

  it('tells a staff member plainly that it is for admins only, and asks the admin API nothing', async () => {
    const api = fakeAdminApi([]);
    renderInFluent(<AdminPage api={api} lang="nl" />);
    expect((await screen.findByTestId('admin-refused')).textContent).toBe(
      'Deze pagina is alleen voor beheerders van AI-wijzer. Vraag je beheerder als je hier iets nodig hebt.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    for (const call of [api.tools, api.history, api.versions, api.figures, api.verifyAudit])
      expect(call).not.toHaveBeenCalled();
  });

  it('a team lead is no admin either', async () => {
    renderInFluent(<AdminPage api={fakeAdminApi(['teamlead'])} lang="en" />);
    expect((await screen.findByTestId('admin-refused')).textContent).toContain(
      'This page is for AI-wijzer admins only.',
    );
  });

  it('says so when it cannot ask who is calling, and tries again', async () => {
    const api = fakeAdminApi();
    api.me.mockRejectedValueOnce(new ApiError('AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.', 0));
    renderInFluent(<AdminPage api={api} lang="nl" />);
    const error = await screen.findByTestId('api-error');
    expect(error.textContent).toContain('niet bereikbaar');
    await userEvent.click(within(error).getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByRole('table', { name: 'De tools in het register (2)' });
  });

  it('shows an admin the register, its history, the versions and the figures', async () => {
    renderInFluent(<AdminPage api={fakeAdminApi()} lang="nl" />);
    const table = await screen.findByRole('table', { name: 'De tools in het register (2)' });
    const copilot = within(table).getByRole('row', { name: /Microsoft 365 Copilot/ });
    expect(
      within(copilot)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Microsoft',
      'ja',
      'eu',
      'personal',
      'tekst schrijven of herschrijven, samenvatten',
      'WijzigenVerwijderen',
    ]);
    const history = await screen.findByRole('table', { name: 'Wijzigingen in het register, nieuwste eerst' });
    const row = within(history).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('0123456789abcdef0123456789abcdef (jij)');
    expect(row.textContent).toContain('gewijzigd');
    expect(row.textContent).not.toContain('Hoogste gegevensklasse');
    expect(row.textContent).toContain("Toelichting: 'Oud.' → 'Niet gecontracteerd.'");
    expect((await screen.findByTestId('admin-versions')).textContent).toContain('regels-1');
    const verdicts = await screen.findByRole('table', { name: 'Checks per oordeel (totaal 3)' });
    expect(within(verdicts).getByRole('row', { name: /Ja, dit mag/ }).textContent).toContain('2');
    const perTool = screen.getByRole('table', { name: 'Checks per tool' });
    expect(within(perTool).getByRole('row', { name: /niet in het register/ }).textContent).toContain('1');
    expect(screen.getByRole('table', { name: 'Duimen bij antwoorden, per sectie van de visie' }).textContent).toContain(
      'Privacy',
    );
  });

  it('asks for the figures from a day on', async () => {
    const api = fakeAdminApi();
    renderInFluent(<AdminPage api={api} lang="nl" />);
    const since = await screen.findByLabelText(/^Vanaf/);
    await userEvent.type(since, '2026-11-01');
    await userEvent.click(screen.getByRole('button', { name: 'Tonen' }));
    await waitFor(() => expect(api.figures).toHaveBeenLastCalledWith('2026-11-01'));
    await waitFor(() =>
      expect(screen.getByTestId('admin-figures-since').textContent).toBe('Cijfers vanaf 1 november 2026.'),
    );
  });

  it('removes a tool only after the confirmation, then asks for the register again', async () => {
    const api = fakeAdminApi();
    renderInFluent(<AdminPage api={api} lang="nl" />);
    await userEvent.click(await screen.findByRole('button', { name: 'ChatGPT (gratis) verwijderen' }));
    const confirm = await screen.findByRole('group', { name: 'ChatGPT (gratis) verwijderen?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('heading', { level: 4 }));
    await userEvent.click(within(confirm).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByTestId('admin-remove')).toBeNull();
    expect(api.removeTool).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'ChatGPT (gratis) verwijderen' }));
    await userEvent.click(
      within(await screen.findByTestId('admin-remove')).getByRole('button', { name: 'Ja, verwijderen' }),
    );
    await waitFor(() => expect(api.removeTool).toHaveBeenCalledWith('chatgpt-free'));
    expect((await screen.findByTestId('admin-tools-notice')).textContent).toBe(
      'ChatGPT (gratis) is uit het register verwijderd.',
    );
    await waitFor(() => expect(api.tools).toHaveBeenCalledTimes(2));
    expect(api.history).toHaveBeenCalledTimes(2);
  });

  it("shows a refused removal at the question, in the server's words", async () => {
    const api = fakeAdminApi();
    api.removeTool.mockRejectedValueOnce(
      new ApiError('De invoer klopt niet. het register houdt minstens één tool', 400, 'invalid_input'),
    );
    renderInFluent(<AdminPage api={api} lang="nl" />);
    await userEvent.click(await screen.findByRole('button', { name: 'ChatGPT (gratis) verwijderen' }));
    await userEvent.click(
      within(await screen.findByTestId('admin-remove')).getByRole('button', { name: 'Ja, verwijderen' }),
    );
    expect((await screen.findByTestId('admin-remove-error')).textContent).toContain('minstens één tool');
    expect(screen.getByTestId('admin-remove')).toBeTruthy();
  });

  it('verifies the audit record: whole, or where it breaks', async () => {
    const api = fakeAdminApi();
    renderInFluent(<AdminPage api={api} lang="nl" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Controleren' }));
    const result = screen.getByTestId('audit-result');
    expect(result.getAttribute('role')).toBe('status');
    await waitFor(() =>
      expect(result.textContent).toBe(`Het auditrecord is heel: 3 checks, de laatste hash is ${'ab'.repeat(32)}.`),
    );
    api.verifyAudit.mockResolvedValueOnce({
      ok: false,
      count: 3,
      seq: 2,
      problem: 'changed',
      message: 'Check 2 is na het vastleggen veranderd.',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    await waitFor(() =>
      expect(screen.getByTestId('audit-broken').textContent).toBe(
        'Het auditrecord is niet heel, vanaf check nr. 2: Check 2 is na het vastleggen veranderd.',
      ),
    );
    api.verifyAudit.mockRejectedValueOnce(new ApiError('Dit mag alleen een beheerder.', 403, 'not_admin'));
    await userEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    expect((await screen.findByTestId('api-error')).textContent).toContain('Dit mag alleen een beheerder.');
  });

  it('shows a section that failed to load with a retry, the rest of the page still there', async () => {
    const api = fakeAdminApi();
    api.versions.mockRejectedValueOnce(new ApiError('De server gaf een fout.', 500));
    renderInFluent(<AdminPage api={api} lang="nl" />);
    const error = await screen.findByTestId('api-error');
    expect(error.textContent).toContain('De server gaf een fout.');
    expect(await screen.findByRole('table', { name: 'De tools in het register (2)' })).toBeTruthy();
    await userEvent.click(within(error).getByRole('button', { name: 'Opnieuw proberen' }));
    expect((await screen.findByTestId('admin-versions')).textContent).toContain('visie-2');
  });

  it('pages back through the history, 50 changes at a time', async () => {
    const api = fakeAdminApi();
    const change = (seq: number) => ({ ...history.changes[0]!, seq, revision: seq, byYou: false });
    api.history
      .mockResolvedValueOnce({ ...history, changes: Array.from({ length: 50 }, (_, i) => change(60 - i)) })
      .mockResolvedValueOnce({ ...history, changes: [change(10)] });
    renderInFluent(<AdminPage api={api} lang="nl" />);
    const table = await screen.findByRole('table', { name: 'Wijzigingen in het register, nieuwste eerst' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(table.textContent).not.toContain('(jij)');
    await userEvent.click(screen.getByRole('button', { name: 'Oudere wijzigingen' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(52));
    expect(api.history).toHaveBeenLastCalledWith(11);
    expect(screen.queryByRole('button', { name: 'Oudere wijzigingen' })).toBeNull();
  });
});
