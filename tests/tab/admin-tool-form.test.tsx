import { jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiError } from '../../src/tab/api.js';
import { AdminToolForm } from '../../src/tab/views/AdminToolForm.js';
import { toolFormFields } from '../../src/tab/views/admin-tool-form.js';
import { fakeAdminApi, renderInFluent, tools } from './admin-fixtures.js';

/** The form's problem at one field: Fluent's validation message, or the group's own. */
const problemAt = (name: RegExp) => {
  const control =
    screen.queryByRole('textbox', { name }) ??
    screen.queryByRole('radiogroup', { name }) ??
    screen.getByRole('group', { name });
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
};

describe('Beheer: the form to add or change a register entry', () => {
  it("has every field of the entry, from its schema, with a label and the register's meaning as hint", () => {
    expect(toolFormFields.map((f) => [f.name, f.kind.kind])).toEqual([
      ['id', 'text'],
      ['name', 'text'],
      ['nameEn', 'text'],
      ['vendor', 'text'],
      ['aliases', 'list'],
      ['contracted', 'flag'],
      ['hosting', 'choice'],
      ['maxData', 'choice'],
      ['tasks', 'choices'],
      ['dpia', 'choices'],
      ['notes', 'text'],
    ]);
    renderInFluent(<AdminToolForm api={fakeAdminApi()} lang="nl" onSaved={jest.fn()} onCancel={jest.fn()} />);
    expect(screen.getByRole('textbox', { name: /^Id/ })).toBeTruthy();
    expect(problemAt(/^Andere namen/)).toContain('hoofdletters, spaties, leestekens en accenten tellen niet');
    expect(screen.getByRole('checkbox', { name: 'Contract en verwerkersovereenkomst aanwezig' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^internal: niet-openbare werkinformatie/ })).toBeTruthy();
    const dpia = screen.getByRole('group', { name: 'DPIA gedaan voor deze taken' });
    expect(within(dpia).getAllByRole('checkbox')).toHaveLength(10);
    expect(within(dpia).getByRole('checkbox', { name: 'samenvatten' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'Tool toevoegen' })).toBe(document.activeElement);
  });

  it("checks the entry with the server's schema before sending: the problems at their fields, focus on the first", async () => {
    const api = fakeAdminApi();
    renderInFluent(<AdminToolForm api={api} lang="nl" onSaved={jest.fn()} onCancel={jest.fn()} />);
    await userEvent.type(screen.getByRole('textbox', { name: /^Id/ }), 'Schrijf Hulp');
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(api.putTool).not.toHaveBeenCalled();
    expect(screen.getByTestId('admin-form-summary').textContent).toMatch(/velden kloppen nog niet/);
    expect(problemAt(/^Id/)).toContain('kleine letters, cijfers en streepjes');
    expect(problemAt(/^Naam$/)).toContain('Vul dit in.');
    expect(problemAt(/^Leverancier/)).toContain('Vul dit in.');
    expect(problemAt(/^Hosting/)).toContain('Kies een van de mogelijkheden.');
    expect(problemAt(/^Hoogste gegevensklasse/)).toContain('Kies een van de mogelijkheden.');
    expect(problemAt(/^Andere namen/)).not.toContain('Vul dit in.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Id/ })));
    expect((screen.getByRole('textbox', { name: /^Id/ }) as HTMLInputElement).value).toBe('Schrijf Hulp');
  });

  it('sends a valid new entry as the schema wants it: lists by line, choices in order', async () => {
    const api = fakeAdminApi();
    const onSaved = jest.fn();
    renderInFluent(<AdminToolForm api={api} lang="nl" onSaved={onSaved} onCancel={jest.fn()} />);
    await userEvent.type(screen.getByRole('textbox', { name: /^Id/ }), 'schrijfhulp-noord');
    await userEvent.type(screen.getByRole('textbox', { name: /^Naam$/ }), 'Schrijfhulp Noord');
    await userEvent.type(screen.getByRole('textbox', { name: /^Leverancier/ }), 'Samenwerking Noord');
    await userEvent.type(
      screen.getByRole('textbox', { name: /^Andere namen/ }),
      'schrijfhulp{Enter}{Enter} noord hulp ',
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /^Contract en/ }));
    await userEvent.click(screen.getByRole('radio', { name: /^nl: in Nederland/ }));
    await userEvent.click(screen.getByRole('radio', { name: /^internal:/ }));
    const dpia = within(screen.getByRole('group', { name: 'DPIA gedaan voor deze taken' }));
    await userEvent.click(dpia.getByRole('checkbox', { name: 'vertalen' }));
    await userEvent.click(dpia.getByRole('checkbox', { name: 'tekst schrijven of herschrijven' }));
    const tasks = within(screen.getByRole('group', { name: 'Bedoeld voor deze taken' }));
    await userEvent.click(tasks.getByRole('checkbox', { name: 'tekst schrijven of herschrijven' }));
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.putTool).toHaveBeenCalledWith('schrijfhulp-noord', {
      id: 'schrijfhulp-noord',
      name: 'Schrijfhulp Noord',
      vendor: 'Samenwerking Noord',
      aliases: ['schrijfhulp', 'noord hulp'],
      contracted: true,
      hosting: 'nl',
      maxData: 'internal',
      tasks: ['text'],
      dpia: ['text', 'translate'],
    });
    // The English name and the notes were left empty: not given (the schema's default is no notes; an empty English
    // name would be refused).
    expect(api.putTool.mock.calls[0]![1]).not.toHaveProperty('nameEn');
  });

  it('shows what the server refuses at its fields, in English too, and keeps what was typed', async () => {
    const api = fakeAdminApi();
    api.putTool.mockRejectedValueOnce(
      new ApiError('The input is not valid.', 400, 'invalid_input', [
        { field: 'aliases', message: "'chatgpt' also names tool 'chatgpt-free': a name or alias belongs to one tool" },
        { field: 'maxData', message: "must be 'none' for a tool without a contract and processing agreement" },
      ]),
    );
    const onSaved = jest.fn();
    renderInFluent(<AdminToolForm api={api} lang="en" tool={tools[0]} onSaved={onSaved} onCancel={jest.fn()} />);
    expect(screen.getByRole('heading', { level: 4, name: 'Edit tool: Microsoft 365 Copilot' })).toBeTruthy();
    const id = screen.getByRole('textbox', { name: /^Id/ }) as HTMLInputElement;
    expect(id.value).toBe('m365-copilot');
    expect(id.readOnly).toBe(true);
    await userEvent.type(screen.getByRole('textbox', { name: /^Other names/ }), '{Enter}chatgpt');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/also names tool 'chatgpt-free'/);
    expect(screen.getByTestId('admin-form-summary').textContent).toContain('The server refused the change');
    expect(problemAt(/^Other names/)).toContain("also names tool 'chatgpt-free'");
    expect(problemAt(/^Highest data class/)).toContain("must be 'none'");
    expect((screen.getByRole('textbox', { name: /^Other names/ }) as HTMLTextAreaElement).value).toBe(
      'm365 copilot\ncopilot in word\nchatgpt',
    );
    expect(onSaved).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Other names/ })));
  });

  it('says plainly when the server cannot be reached, and tries again with the same entry', async () => {
    const api = fakeAdminApi();
    api.putTool.mockRejectedValueOnce(new ApiError('AI-wijzer is nu niet bereikbaar. Probeer het later opnieuw.', 0));
    const onSaved = jest.fn();
    renderInFluent(<AdminToolForm api={api} lang="nl" tool={tools[1]} onSaved={onSaved} onCancel={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    const error = await screen.findByTestId('api-error');
    expect(error.textContent).toContain('niet bereikbaar');
    await userEvent.click(within(error).getByRole('button', { name: 'Opnieuw proberen' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.putTool).toHaveBeenCalledTimes(2);
    expect(api.putTool.mock.calls[1]).toEqual(['chatgpt-free', tools[1]]);
  });
});
