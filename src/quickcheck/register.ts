import { join } from 'node:path';
import type { Task } from './case.js';
import { srcDir } from '../paths.js';
import { fingerprint, loadContentFile } from './content-file.js';
import { compact, normalise } from './normalise.js';
import {
  dataClassValues,
  registerSchema,
  toolLabels,
  type ToolLabelField,
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
  toolLabels,
  toolName,
  type ToolLabelField,
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

/** Why an entry was taken for a name: matched on its id, its name (Dutch or English) or an alias, and the label itself. */
export interface MatchedOn {
  on: 'id' | 'name' | 'alias';
  /** The register's own spelling of what matched ("chatgpt"). */
  label: string;
}

export interface ToolMatch {
  /** Null when the tool is not in the register: the "not in the register" path. */
  tool: RegisteredTool | null;
  /** The register's name, or what the user typed. */
  name: string;
  /** What the name matched (absent when the tool is not in the register). */
  matched?: MatchedOn;
}

/** Finds a tool by register id, name or alias, ignoring case, spaces, punctuation and diacritics. */
export function lookupTool(register: ToolRegister, given: string): ToolMatch {
  const entry = toolIndex(register).get(compact(given));
  if (!entry) return { tool: null, name: given.trim() };
  // "chat gpt" matched the alias "chat gpt", though "chatgpt" is the same key, and "Notulist Noord" the name, not the
  // id notulist-noord: the label as the person wrote it.
  const labels = toolLabels(entry.tool);
  const written =
    labels.find(({ label }) => label.trim().toLowerCase() === given.trim().toLowerCase()) ??
    labels.find(({ label }) => normalise(label) === normalise(given));
  const matched = written ? { on: onOf[written.field], label: written.label } : entry.matched;
  return { tool: entry.tool, name: entry.tool.name, matched };
}

interface IndexEntry {
  tool: RegisteredTool;
  matched: MatchedOn;
}

const indexes = new WeakMap<ToolRegister, Map<string, IndexEntry>>();
const onOf: Record<ToolLabelField, MatchedOn['on']> = { id: 'id', name: 'name', nameEn: 'name', aliases: 'alias' };

/** Every id, name and alias of the register in compact form (unique: the schema refuses a name used twice). */
export function toolIndex(register: ToolRegister): Map<string, IndexEntry> {
  let index = indexes.get(register);
  if (!index) {
    index = new Map();
    for (const tool of register.tools)
      for (const { label, field } of toolLabels(tool)) {
        const key = compact(label);
        // The first label of a tool wins (id before name before alias): "ChatGPT (free)" and alias "chatgpt free".
        if (key !== '' && !index.has(key)) index.set(key, { tool, matched: { on: onOf[field], label } });
      }
    indexes.set(register, index);
  }
  return index;
}

export function dataClassRank(value: DataClass): number {
  return dataClassValues.indexOf(value);
}

const hostingPreference: Record<Hosting, number> = { own: 0, nl: 1, eu: 2, 'non-eu': 3 };

/**
 * Contracted tools meant for this task (their `tasks`) that allow this data class (and, when asked, only sovereign
 * hosting), best first: the DPIA already covers the task, then own/NL/EU hosting, then the register's order. The
 * caller asks none for a prohibited practice: no tool makes that allowed.
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
        tool.tasks.includes(options.task) &&
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
