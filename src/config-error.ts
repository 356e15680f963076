/**
 * A configuration that does not hold (a missing or wrong environment variable), naming every problem. Apart from
 * config.ts so that the CLI can recognise it without loading the configuration's schema (and zod) first.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ongeldige configuratie / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
