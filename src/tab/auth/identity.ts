/**
 * Who the tab calls the API as, behind one small interface so that App.tsx picks it once and api.ts never knows
 * how: the Teams SSO token inside Teams (teams-identity.ts), an MSAL token in a browser outside Teams
 * (msal-session.ts, its own chunk), or the local development user without Entra ID (dev-identity.ts).
 */
export interface TabIdentity {
  readonly kind: 'teams' | 'msal' | 'dev';
  /** The headers that say who calls, for one API call: `Authorization: Bearer …`, `X-Dev-User`, or none. */
  headers(): Promise<Record<string, string>>;
  /**
   * Lets the person consent to the app's Microsoft Graph permissions (the Datahygiëne page on 403 consent_required):
   * resolves when the caller may simply try again, or navigates away to the consent prompt and back.
   */
  askConsent(): Promise<void>;
}
