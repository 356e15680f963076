import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { jest } from '@jest/globals';
import { devIdentity, storeDevUser, storedDevUser } from '../../src/tab/auth/dev-identity.js';
import { authTexts } from '../../src/tab/texts/auth.js';
import { DevIdentity } from '../../src/tab/views/DevIdentity.js';
import { renderInFluent } from './check-fixtures.js';

/** GET /api/me as the server answers it without Entra ID: the X-Dev-User (or "lokaal"), admin for "beheerder". */
function serveMe() {
  const calls: (string | null)[] = [];
  globalThis.fetch = jest.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const user = new Headers(init?.headers).get('x-dev-user');
    calls.push(user);
    const name = user ?? 'lokaal';
    return {
      ok: true,
      status: 200,
      json: async () => ({ roles: name === 'beheerder' ? ['admin'] : [], identity: 'dev', devUser: name }),
    } as Response;
  }) as typeof fetch;
  return calls;
}

describe('the dev identity banner', () => {
  beforeEach(() => sessionStorage.clear());

  it('marks local development with the dev user and roles from /api/me, and picks another user', async () => {
    const calls = serveMe();
    const onChoose = jest.fn();
    renderInFluent(
      <DevIdentity t={authTexts.nl} lang="nl" identity={devIdentity(undefined)} user={undefined} onChoose={onChoose} />,
    );
    expect(screen.getByText('Lokale ontwikkeling: geen echte aanmelding')).toBeTruthy();
    await screen.findByText(/ontwikkelgebruiker "lokaal".*Geen rollen\./);
    expect(calls).toEqual([null]);
    // The field is there only when asked for, and gets the focus.
    expect(screen.queryByRole('textbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Andere ontwikkelgebruiker' }));
    const field = screen.getByRole('textbox', { name: 'Naam van de ontwikkelgebruiker' });
    expect(document.activeElement).toBe(field);
    await userEvent.type(field, 'geen geldige naam');
    await userEvent.click(screen.getByRole('button', { name: 'Toepassen' }));
    expect(screen.getByText(/Gebruik alleen letters, cijfers en/)).toBeTruthy();
    expect(onChoose).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.type(field, 'beheerder{Enter}');
    expect(onChoose).toHaveBeenCalledWith('beheerder');
    // Closed again, the focus back on the button that opened it.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Andere ontwikkelgebruiker' })),
    );
  });

  it('asks /api/me as the chosen user, in English too', async () => {
    const calls = serveMe();
    renderInFluent(
      <DevIdentity
        t={authTexts.en}
        lang="en"
        identity={devIdentity('beheerder')}
        user="beheerder"
        onChoose={() => undefined}
      />,
    );
    await screen.findByText(/development user "beheerder".*Roles: admin\./);
    expect(calls).toEqual(['beheerder']);
  });

  it('keeps the chosen user for this browser tab only, and only a name the server would take', () => {
    expect(storedDevUser()).toBeUndefined();
    storeDevUser('beheerder');
    expect(storedDevUser()).toBe('beheerder');
    expect(localStorage.length).toBe(0);
    storeDevUser('<script>');
    expect(storedDevUser()).toBe('beheerder');
    sessionStorage.setItem('ai-wijzer.dev-user', 'x'.repeat(65));
    expect(storedDevUser()).toBeUndefined();
  });

  it('sends X-Dev-User only when a user was chosen', async () => {
    expect(await devIdentity('beheerder').headers()).toEqual({ 'x-dev-user': 'beheerder' });
    expect(await devIdentity(undefined).headers()).toEqual({});
  });
});
