import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

type Json = Record<string, unknown>;

/**
 * Validates a manifest or language file against the official schema bundled in @microsoft/app-manifest (offline).
 * Some official patterns (the Localization schema's activityTypes keys) hold a lone "]", which a
 * Unicode regular expression rejects; such patterns are escaped before compiling, with the same meaning.
 */
export async function validateAgainstBundledSchema(file: string, json: Json): Promise<string[]> {
  const url = json.$schema;
  if (typeof url !== 'string' || !url.startsWith('https://developer.microsoft.com/json-schemas/')) {
    return [`${file}: $schema ontbreekt of wijst niet naar developer.microsoft.com/json-schemas`];
  }
  let schema: Json;
  try {
    schema = (await AppManifestUtils.fetchSchema(url)) as unknown as Json;
  } catch {
    return [
      `${file}: het schema ${url} zit niet in @microsoft/app-manifest; kies een manifestVersion die het pakket kent`,
    ];
  }
  const errors = await AppManifestUtils.validateAgainstSchema(
    json as unknown as AppManifest,
    repairPatterns(schema) as never,
  );
  return errors.map((e) => `${file}: ${e}`);
}

/** Escapes a "]" that closes no character class, so the pattern compiles with the u flag. */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    else if (ch === ']') {
      out += '\\]';
      continue;
    }
    out += ch;
  }
  return out;
}

function compilesWithU(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value as Json).map(([p, v]) => [
          compilesWithU(p) ? p : escapeLoneBrackets(p),
          repairPatterns(v),
        ]),
      );
    } else if (key === 'pattern' && typeof value === 'string' && !compilesWithU(value)) {
      out[key] = escapeLoneBrackets(value);
    } else {
      out[key] = repairPatterns(value);
    }
  }
  return out;
}
