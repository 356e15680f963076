import type { Config } from '../config.js';
import { pseudonymFor } from '../pseudonym.js';
import { AppError } from './errors.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const devName = /^[A-Za-z0-9._@-]{1,64}$/;

/**
 * Who an AVG request is about, as the admin knows them, turned into the subject the app hashes into a pseudonym
 * when it stores (src/server/auth.ts, src/app/application.ts, src/cli/commands/check.ts):
 * - an Entra object id (GUID): `<tenant>:<object id>`, the tenant from `tenant` or AAD_APP_TENANT_ID / BOT_TENANT_ID
 *   (the tab's sign-in and the bot in Teams give the same one);
 * - `<tenant>:<object id>` as is;
 * - `dev:<name>`, `cli:<user>`, `bot:<channel user id>` as is (local development, the CLI, a bot without Entra id);
 * - any other name: the local development user `dev:<name>` (X-Dev-User).
 */
export function subjectOf(user: string, config: Config, tenant?: string): string {
  const value = user.trim();
  if (guid.test(value)) {
    const tid = tenant ?? config.AAD_APP_TENANT_ID ?? config.BOT_TENANT_ID;
    if (!tid)
      throw new AppError('invalid', 'tenant_needed', {
        nl: 'bij een object-id hoort een tenant: geef --tenant, of zet AAD_APP_TENANT_ID',
        en: 'an object id needs a tenant: give --tenant, or set AAD_APP_TENANT_ID',
      });
    return `${tid.toLowerCase()}:${value.toLowerCase()}`;
  }
  const [prefix, ...rest] = value.split(':');
  const tail = rest.join(':');
  if (rest.length > 0 && guid.test(prefix!) && guid.test(tail)) return `${prefix!.toLowerCase()}:${tail.toLowerCase()}`;
  if (rest.length > 0 && ['dev', 'cli', 'bot'].includes(prefix!) && tail !== '') return value;
  if (devName.test(value)) return `dev:${value}`;
  throw new AppError('invalid', 'invalid_user', {
    nl: 'geef een Entra object-id, <tenant>:<object-id>, dev:<naam>, cli:<gebruiker>, bot:<id> of een ontwikkelnaam',
    en: 'give an Entra object id, <tenant>:<object id>, dev:<name>, cli:<user>, bot:<id> or a development name',
  });
}

/** The pseudonym the app stores for that person. */
export function pseudonymOfUser(user: string, config: Config, tenant?: string): string {
  return pseudonymFor(config.PSEUDONYM_SECRET, subjectOf(user, config, tenant));
}
