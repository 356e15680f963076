import { join } from 'node:path';
import type { Task } from './case.js';
import { srcDir } from '../paths.js';
import { fingerprint, loadContentFile } from './content-file.js';
import { compact } from './normalise.js';
import {
  dataClassValues,
  registerSchema,
  type DataClass,
  type Hosting,
  type RegisteredTool,
  type ToolRegister,
} from './tool.js';

// The schemas live in tool.ts (a leaf file the wire contract builds on); the register's users keep importing them here.
export {
  dataClassValues,
  hostingValues,
  registerSchema,
  registerSchemaIn,
  toolSchema,
  toolSchemaIn,
  type DataClass,
  type Hosting,
  type RegisteredTool,
  type ToolRegister,
} from './tool.js';

export const defaultRegisterPath = join(srcDir, 'quickcheck', 'content', 'tools.yaml');

/** Loads and validates a tool register (the shipped example unless a path is given); its version gets the content's fingerprint. */
export function loadRegister(path: string = defaultRegisterPath): ToolRegister {
  const register = loadContentFile(path, registerSchema);
  return { ...register, version: `${register.version}+${fingerprint(register)}` };
}

/**
 * The version of a register kept and edited after it was loaded (the database's, src/app/admin.ts): as loaded until
 * the first edit; then the version it started from, the number of the edit and the fingerprint of what it holds now.
 */
export function editedRegisterVersion(start: string, revision: number, register: ToolRegister): string {
  return revision === 0
    ? start
    : `${start}/r${revision}+${fingerprint({ example: register.example, tools: register.tools })}`;
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
