import { z } from 'zod';
import type { Lang } from '../lang.js';
import { taskValues } from './case.js';
import { compact } from './normalise.js';

/**
 * The schema of a tool register and of one entry in it: the YAML loader (register.ts), an admin's edit in the
 * database (src/app/admin.ts) and the wire (src/api/admin.ts) all validate with these. A leaf file (zod and the
 * case's values only), so that the tab can bundle the wire schemas built on it.
 */

/** Data classes from least to most protected; a tool's maxData is the highest its contract and DPIA allow. */
export const dataClassValues = ['none', 'internal', 'personal', 'sensitive'] as const;
export type DataClass = (typeof dataClassValues)[number];
export const hostingValues = ['own', 'nl', 'eu', 'non-eu'] as const;
export type Hosting = (typeof hostingValues)[number];

const messages = {
  nl: {
    idFormat: 'moet bestaan uit kleine letters, cijfers en streepjes, bijvoorbeeld m365-copilot',
    idTwice: (id: string, first: number) => `id '${id}' komt twee keer voor (ook bij tools[${first}])`,
    uncontracted: "moet 'none' zijn voor een tool zonder contract en verwerkersovereenkomst (contracted: false)",
    nameTwice: (label: string, other: string) =>
      `'${label}' noemt ook tool '${other}': een naam of alias hoort bij één tool`,
  },
  en: {
    idFormat: 'must consist of lower-case letters, digits and hyphens, for example m365-copilot',
    idTwice: (id: string, first: number) => `id '${id}' appears twice (also at tools[${first}])`,
    uncontracted: "must be 'none' for a tool without a contract and processing agreement (contracted: false)",
    nameTwice: (label: string, other: string) =>
      `'${label}' also names tool '${other}': a name or alias belongs to one tool`,
  },
} as const;

/** One register entry; the messages the schema writes itself in the given language (zod's own: parseInput's). */
export function toolSchemaIn(lang: Lang) {
  return z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, messages[lang].idFormat),
    name: z.string().trim().min(1),
    vendor: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** Contract and processing agreement (verwerkersovereenkomst) in place. */
    contracted: z.boolean(),
    hosting: z.enum(hostingValues),
    maxData: z.enum(dataClassValues),
    /** The tasks (purposes) the DPIA covers; empty when there is none. */
    dpia: z.array(z.enum(taskValues)).default([]),
    notes: z.string().default(''),
  });
}

/** The whole register: its entries, and the rules between them (ids unique, a name or alias names one tool). */
export function registerSchemaIn(lang: Lang) {
  const t = messages[lang];
  return z
    .strictObject({
      version: z.string().trim().min(1),
      /** True for the shipped example register, which an admin replaces. */
      example: z.boolean().default(false),
      tools: z.array(toolSchemaIn(lang)).min(1),
    })
    .superRefine((register, ctx) => {
      const ids = new Map<string, number>();
      const names = new Map<string, string>();
      register.tools.forEach((tool, i) => {
        const first = ids.get(tool.id);
        if (first !== undefined)
          ctx.addIssue({ code: 'custom', path: ['tools', i, 'id'], message: t.idTwice(tool.id, first) });
        else ids.set(tool.id, i);
        if (!tool.contracted && tool.maxData !== 'none') {
          ctx.addIssue({ code: 'custom', path: ['tools', i, 'maxData'], message: t.uncontracted });
        }
        const own = new Set<string>();
        [tool.id, tool.name, ...tool.aliases].forEach((label, j) => {
          const key = compact(label);
          if (own.has(key)) return;
          own.add(key);
          const other = names.get(key);
          if (other !== undefined && other !== tool.id) {
            ctx.addIssue({
              code: 'custom',
              path: ['tools', i, j < 2 ? (j === 0 ? 'id' : 'name') : 'aliases'],
              message: t.nameTwice(label, other),
            });
          } else names.set(key, tool.id);
        });
      });
    });
}

/** The schemas as the YAML loader uses them: messages in Dutch, for the admin who edits the file. */
export const toolSchema = toolSchemaIn('nl');
export const registerSchema = registerSchemaIn('nl');
export type RegisteredTool = z.infer<typeof toolSchema>;
export type ToolRegister = z.infer<typeof registerSchema>;
