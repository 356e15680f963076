import { join } from 'node:path';
import { z } from 'zod';
import { taskValues, type Task } from './case.js';
import { srcDir } from '../paths.js';
import { fingerprint, loadContentFile } from './content-file.js';
import { compact } from './normalise.js';

/** Data classes from least to most protected; a tool's maxData is the highest its contract and DPIA allow. */
export const dataClassValues = ['none', 'internal', 'personal', 'sensitive'] as const;
export type DataClass = (typeof dataClassValues)[number];
export const hostingValues = ['own', 'nl', 'eu', 'non-eu'] as const;
export type Hosting = (typeof hostingValues)[number];

export const defaultRegisterPath = join(srcDir, 'quickcheck', 'content', 'tools.yaml');

const toolSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'moet bestaan uit kleine letters, cijfers en streepjes, bijvoorbeeld m365-copilot'),
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
export type RegisteredTool = z.infer<typeof toolSchema>;

export const registerSchema = z
  .strictObject({
    version: z.string().trim().min(1),
    /** True for the shipped example register, which an admin replaces. */
    example: z.boolean().default(false),
    tools: z.array(toolSchema).min(1),
  })
  .superRefine((register, ctx) => {
    const ids = new Map<string, number>();
    const names = new Map<string, string>();
    register.tools.forEach((tool, i) => {
      const first = ids.get(tool.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['tools', i, 'id'],
          message: `id '${tool.id}' komt twee keer voor (ook bij tools[${first}])`,
        });
      else ids.set(tool.id, i);
      if (!tool.contracted && tool.maxData !== 'none') {
        ctx.addIssue({
          code: 'custom',
          path: ['tools', i, 'maxData'],
          message: "moet 'none' zijn voor een tool zonder contract en verwerkersovereenkomst (contracted: false)",
        });
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
            message: `'${label}' noemt ook tool '${other}': een naam of alias hoort bij één tool`,
          });
        } else names.set(key, tool.id);
      });
    });
  });
export type ToolRegister = z.infer<typeof registerSchema>;

/** Loads and validates a tool register (the shipped example unless a path is given); its version gets the content's fingerprint. */
export function loadRegister(path: string = defaultRegisterPath): ToolRegister {
  const register = loadContentFile(path, registerSchema);
  return { ...register, version: `${register.version}+${fingerprint(register)}` };
}

export interface ToolMatch {
  /** Null when the tool is not in the register: the "not in the register" path. */
  tool: RegisteredTool | null;
  /** The register's name, or what the user typed. */
  name: string;
}

/** Finds a tool by register id, name or alias, ignoring case, spaces, punctuation and diacritics. */
export function lookupTool(register: ToolRegister, given: string): ToolMatch {
  const tool = toolIndex(register).get(compact(given));
  return tool ? { tool, name: tool.name } : { tool: null, name: given.trim() };
}

const indexes = new WeakMap<ToolRegister, Map<string, RegisteredTool>>();

/** Every id, name and alias of the register in compact form (unique: the schema refuses a name used twice). */
export function toolIndex(register: ToolRegister): Map<string, RegisteredTool> {
  let index = indexes.get(register);
  if (!index) {
    index = new Map();
    for (const tool of register.tools)
      for (const label of [tool.id, tool.name, ...tool.aliases])
        if (compact(label) !== '') index.set(compact(label), tool);
    indexes.set(register, index);
  }
  return index;
}

export function dataClassRank(value: DataClass): number {
  return dataClassValues.indexOf(value);
}

const hostingPreference: Record<Hosting, number> = { own: 0, nl: 1, eu: 2, 'non-eu': 3 };

/**
 * Contracted tools that allow this data class (and, when asked, only sovereign hosting), best first:
 * the DPIA already covers the task, then own/NL/EU hosting, then the register's order.
 */
export function alternativesFor(
  register: ToolRegister,
  options: { exclude?: string | null; dataClass: DataClass; task: Task; sovereignOnly?: boolean },
): RegisteredTool[] {
  return register.tools
    .map((tool, index) => ({ tool, index }))
    .filter(
      ({ tool }) =>
        tool.contracted &&
        tool.id !== options.exclude &&
        dataClassRank(tool.maxData) >= dataClassRank(options.dataClass),
    )
    .filter(({ tool }) => !options.sovereignOnly || tool.hosting !== 'non-eu')
    .sort(
      (a, b) =>
        Number(b.tool.dpia.includes(options.task)) - Number(a.tool.dpia.includes(options.task)) ||
        hostingPreference[a.tool.hosting] - hostingPreference[b.tool.hosting] ||
        a.index - b.index,
    )
    .map(({ tool }) => tool);
}
