import { authConfigSchema, type AuthConfig } from '../../api/auth-config.js';

/** GET /api/auth-config (public): whether this server signs in with Entra ID, and how. Throws when it cannot tell. */
export async function loadAuthConfig(): Promise<AuthConfig> {
  const res = await fetch('/api/auth-config', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`auth-config ${res.status}`);
  return authConfigSchema.parse(await res.json());
}
