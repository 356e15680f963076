import type { ManifestVariables } from './variables.js';

/** GUIDs that are never a real registration: all zeros, or one digit repeated (11111111-1111-…). */
const placeholderGuid = /^([0-9a-f])\1{7}-\1{4}-\1{4}-\1{4}-\1{12}$/i;
/** Domains reserved for examples and tests (RFC 2606, RFC 6761), and local addresses. */
const placeholderDomain = /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost)(:\d+)?$/i;

/** The example env files' own ids: a package made with them would install somebody else's app or no bot. */
const exampleTeamsAppId = '6f1c2b0a-3d4e-4f5a-8b9c-0d1e2f3a4b5c';

/**
 * Values that are valid but cannot be a municipality's own: the package is still written (a test tenant may want
 * it), with a warning per value, so that an admin does not upload a package that points at placeholders.
 */
export function placeholderWarnings(variables: ManifestVariables, envFile: string): string[] {
  const warnings: string[] = [];
  for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID'] as const) {
    const value = variables[name];
    if (placeholderGuid.test(value))
      warnings.push(`${name} in ${envFile} is een voorbeeldwaarde (${value}): vul de GUID van je eigen registratie in`);
    else if (name === 'TEAMS_APP_ID' && value.toLowerCase() === exampleTeamsAppId)
      warnings.push(
        `${name} in ${envFile} is de id uit het voorbeeldbestand: maak een eigen GUID, bijvoorbeeld met node -e "console.log(crypto.randomUUID())"`,
      );
  }
  for (const name of ['TAB_DOMAIN', 'BOT_DOMAIN'] as const) {
    const value = variables[name];
    if (placeholderDomain.test(value))
      warnings.push(`${name} in ${envFile} is een voorbeelddomein (${value}): vul het domein in waarop de app draait`);
  }
  return warnings;
}
