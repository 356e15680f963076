import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { jest } from '@jest/globals';
import { authTexts } from '../../src/tab/texts/auth.js';
import { SignIn } from '../../src/tab/views/SignIn.js';
import { renderInFluent } from './check-fixtures.js';

describe('the sign-in page outside Teams', () => {
  it('says what AI-wijzer is and why to sign in, with one button that starts the redirect', async () => {
    const onSignIn = jest.fn(() => new Promise<void>(() => undefined));
    renderInFluent(<SignIn t={authTexts.nl} onSignIn={onSignIn} failed={false} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Aanmelden bij AI-wijzer' })).toBeTruthy();
    expect(screen.getByText(/kent je alleen onder een pseudoniem/)).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(screen.queryByText(/niet gelukt/)).toBeNull();
    const button = screen.getByRole('button', { name: 'Aanmelden' });
    await userEvent.click(button);
    expect(onSignIn).toHaveBeenCalledTimes(1);
    // On its way to the sign-in page: said in the live region, the button not pressed twice.
    expect(screen.getByRole('status').textContent).toBe('Je wordt doorgestuurd naar de aanmeldpagina…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when the redirect came back without a sign-in, or did not happen, and lets the person try again', async () => {
    const onSignIn = jest.fn(() => Promise.reject(new Error('redirect timed out')));
    const { rerender } = renderInFluent(<SignIn t={authTexts.en} onSignIn={onSignIn} failed={true} />);
    expect(screen.getByText('Signing in did not work or was cancelled. Please try again.')).toBeTruthy();
    rerender(<SignIn t={authTexts.nl} onSignIn={onSignIn} failed={false} />);
    expect(screen.queryByText(/niet gelukt/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    await screen.findByText('Aanmelden is niet gelukt of is afgebroken. Probeer het opnieuw.');
    expect((screen.getByRole('button', { name: 'Aanmelden' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
