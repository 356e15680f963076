import type { z } from 'zod';
import type { Lang } from '../lang.js';

/**
 * Text the database can keep: PostgreSQL refuses the NUL character in text and jsonb, and jsonb refuses half a
 * surrogate pair, which no real text has. A body that is stored (a check's case, a register entry, an agent's report,
 * a question kept with feedback) is refused with the field of each such string, instead of failing at the write.
 */
// eslint-disable-next-line no-control-regex -- the NUL character is what this looks for
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const message: Record<Lang, string> = {
  nl: 'bevat een teken dat niet kan worden opgeslagen: een nul-teken of een half Unicode-teken',
  en: 'contains a character that cannot be stored: a NUL character or half a Unicode character',
};

/** The places of the strings in `value` that the database cannot keep (at most `max`, so a huge report stays cheap). */
function unstorablePlaces(value: unknown, max = 20): (string | number)[][] {
  const found: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (found.length >= max) return;
    if (typeof v === 'string') {
      if (unstorable.test(v)) found.push(path);
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else if (v !== null && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) {
        if (unstorable.test(k)) found.push([...path, k]);
        else walk(item, [...path, k]);
      }
  };
  walk(value, []);
  return found;
}

/** The schema, refusing (in `lang`) every string of its output that the database cannot keep. */
export function storable<S extends z.ZodType>(schema: S, lang: Lang): S {
  return schema.superRefine((value, ctx) => {
    for (const path of unstorablePlaces(value)) ctx.addIssue({ code: 'custom', message: message[lang], path });
  }) as S;
}
