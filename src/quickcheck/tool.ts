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
    /** The name in English where it differs ("ChatGPT (free)"); the Dutch name when absent. Also a name it is found by. */
    nameEn: z.string().trim().min(1).optional(),
    vendor: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** Contract and processing agreement (verwerkersovereenkomst) in place. */
    contracted: z.boolean(),
    hosting: z.enum(hostingValues),
    maxData: z.enum(dataClassValues),
    /**
     * What the tool is meant for (the case's task values). Only for these is it suggested as an alternative; empty
     * (the default, also of an entry stored before this field existed) means it is never suggested.
     */
    tasks: z.array(z.enum(taskValues)).default([]),
    /** The tasks (purposes) the DPIA covers; empty when there is none. */
    dpia: z.array(z.enum(taskValues)).default([]),
    notes: z.string().default(''),
  });
}

/** What a register entry is matched on: its id, its name (Dutch or English) or one of its aliases. */
export type ToolLabelField = 'id' | 'name' | 'nameEn' | 'aliases';

/** Every label a tool is found by, with the field it comes from, in the order a match prefers them. */
export function toolLabels(tool: {
  id: string;
  name: string;
  nameEn?: string | undefined;
  aliases: string[];
}): { label: string; field: ToolLabelField }[] {
  return [
    { label: tool.id, field: 'id' },
    { label: tool.name, field: 'name' },
    ...(tool.nameEn ? [{ label: tool.nameEn, field: 'nameEn' as const }] : []),
    ...tool.aliases.map((label) => ({ label, field: 'aliases' as const })),
  ];
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
        toolLabels(tool).forEach(({ label, field }) => {
          const key = compact(label);
          if (own.has(key)) return;
          own.add(key);
          const other = names.get(key);
          if (other !== undefined && other !== tool.id) {
            ctx.addIssue({ code: 'custom', path: ['tools', i, field], message: t.nameTwice(label, other) });
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

/** The tool's name in a language: the English one where the register has it. */
export function toolName(tool: Pick<RegisteredTool, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && tool.nameEn ? tool.nameEn : tool.name;
}
