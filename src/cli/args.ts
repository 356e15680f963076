import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { parseInput } from '../validation.js';
import { UsageError } from './command.js';

/**
 * Parses flags with node:util, then validates their values with zod, so that a wrong flag
 * gets a Dutch message naming it (exit code 2) instead of a stack trace.
 */
export function parseFlags<S extends z.ZodType>(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  allowPositionals = false,
): { flags: z.output<S>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(translateParseError((error as Error).message));
  }
  const result = parseInput(schema, parsed.values, 'nl');
  if (!result.ok) throw new UsageError(result.problems.map((p) => `--${p.field}: ${p.message}`).join('\n'));
  return { flags: result.data, positionals: parsed.positionals };
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Onbekende optie ${unknown[1]}. Gebruik --help voor de mogelijke opties.`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `Optie ${missing[1]} heeft een waarde nodig.`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `Onverwacht argument '${positional[1]}'. Gebruik --help voor het juiste gebruik.`;
  return message;
}
