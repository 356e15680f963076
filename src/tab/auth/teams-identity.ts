import { askConsent, ssoToken, type HostInfo } from '../teams.js';
import type { TabIdentity } from './identity.js';

/** Inside Teams: the Teams SSO token for every call, and Teams' own prompt for consent. */
export function teamsIdentity(host: HostInfo): TabIdentity {
  return {
    kind: 'teams',
    headers: async (): Promise<Record<string, string>> => {
      const token = await ssoToken(host);
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    askConsent: () => askConsent(host),
  };
}
