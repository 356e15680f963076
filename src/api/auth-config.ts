import { z } from 'zod';

/**
 * GET /api/auth-config (public: the tab asks before anyone is signed in): how the tab signs in outside Teams.
 * `dev`: no Entra ID settings, the server picks a local development user (X-Dev-User, never in production).
 * `entra`: sign in with MSAL (redirect) at `authority` as the app registration `clientId`, asking for `scopes`
 * (AI-wijzer's own API scope, `access_as_user`). Nothing here is secret: it is what the sign-in page shows Entra ID.
 */
export const authConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('dev') }),
  z.object({
    mode: z.literal('entra'),
    clientId: z.string().min(1),
    /** `<AAD_AUTHORITY_HOST>/<tenant>`, always https (msal refuses anything else). */
    authority: z.url({ protocol: /^https$/ }),
    scopes: z.array(z.string().min(1)).min(1),
  }),
]);
export type AuthConfig = z.infer<typeof authConfigSchema>;

/**
 * The delegated Microsoft Graph permissions the Datahygiëne scan uses on behalf of the person (the same as
 * `requiredResourceAccess` in aad.manifest.json): outside Teams the tab asks consent for these with MSAL.
 */
export const graphConsentScopes = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/Files.Read.All',
  'https://graph.microsoft.com/Sites.Read.All',
  'https://graph.microsoft.com/Team.ReadBasic.All',
] as const;
