import { compact, normalise } from './normalise.js';
import { lookupTool, type MatchedOn, type RegisteredTool, type ToolRegister } from './register.js';
import { toolLabels } from './tool.js';

/** A tool named in a sentence: one register entry, several that the name fits, or a name the register does not know. */
export type ToolMention =
  | { kind: 'registered'; tool: RegisteredTool; said: string }
  | { kind: 'ambiguous'; candidates: RegisteredTool[]; said: string }
  | { kind: 'unregistered'; name: string };

interface Label {
  tool: RegisteredTool;
  tokens: string[];
}

const labelsOf = new WeakMap<ToolRegister, Label[]>();

function labels(register: ToolRegister): Label[] {
  let list = labelsOf.get(register);
  if (!list) {
    list = register.tools.flatMap((tool) =>
      toolLabels(tool).map(({ label }) => ({
        tool,
        tokens: normalise(label).split(' ').filter(Boolean),
      })),
    );
    labelsOf.set(register, list);
  }
  return list;
}

/** "chatgtp" is "chatgpt", "copliot" is "copilot": one swap, insertion, deletion or change, for names of six letters or more. */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped || a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** Whether `said` (words run together) is a whole run of the label's words: "copilot" in "microsoft 365 copilot". */
function runOf(label: string[], said: string): boolean {
  for (let start = 0; start < label.length; start++) {
    let joined = '';
    for (let end = start; end < label.length && joined.length < said.length; end++) {
      joined += label[end];
      if (joined === said) return true;
    }
  }
  return false;
}

/**
 * The register entries a sentence names. The longest run of words that is a whole name or alias wins ("copilot in
 * word" is Microsoft 365 Copilot; a one-letter slip in a long name is forgiven: "chatgtp"); when that run is also part
 * of the names of other entries ("copilot": Copilot Chat, Microsoft 365 Copilot, GitHub Copilot), they all come back,
 * so that the person chooses: the check never picks for them.
 */
export function registeredToolsIn(sentence: string, register: ToolRegister): ToolMention | null {
  const tokens = normalise(sentence).split(' ').filter(Boolean);
  const all = labels(register);
  const names = new Set(all.map((l) => l.tokens.join('')));
  let best: { said: string; length: number } | undefined;
  for (let start = 0; start < tokens.length; start++) {
    for (let end = Math.min(tokens.length, start + 5); end > start && (!best || end - start > best.length); end--) {
      const run = tokens.slice(start, end).join('');
      const said = names.has(run) ? run : end - start === 1 ? [...names].find((n) => nearlyEqual(n, run)) : undefined;
      if (said) best = { said, length: end - start };
    }
  }
  if (!best) return null;
  const said = best.said;
  // An entry's own name means that entry ("Microsoft 365 Copilot", though "Microsoft 365 Copilot Chat" exists), and so
  // does an alias of several words that only one entry has ("microsoft copilot"); one word ("copilot") may mean more.
  const named = register.tools.filter((t) =>
    [t.name, t.nameEn ?? ''].some((name) => normalise(name).replace(/ /g, '') === said),
  );
  if (named.length === 1) return { kind: 'registered', tool: named[0]!, said };
  const owners = [...new Set(all.filter((l) => l.tokens.join('') === said).map((l) => l.tool))];
  if (best.length > 1 && owners.length === 1) return { kind: 'registered', tool: owners[0]!, said };
  const candidates = [...new Set(all.filter((l) => runOf(l.tokens, said)).map((l) => l.tool))];
  return candidates.length === 1
    ? { kind: 'registered', tool: candidates[0]!, said }
    : { kind: 'ambiguous', candidates, said };
}

/** The tool of a case: the one entry its name is, several it may mean, or a name the register does not know. */
export type ToolMatchOf =
  | { kind: 'registered'; tool: RegisteredTool; matched: MatchedOn }
  | { kind: 'ambiguous'; candidates: RegisteredTool[]; name: string }
  | { kind: 'unregistered'; name: string };

/**
 * The register entry a case's tool names, judged as the front door judges a sentence (registeredToolsIn), so that a
 * name means the same everywhere: an id is always that entry; a name or alias that is also part of other entries'
 * names ("copilot", "deepl") is ambiguous and the person chooses; anything else not in the register is unregistered.
 */
export function matchTool(register: ToolRegister, given: string): ToolMatchOf {
  const found = lookupTool(register, given);
  if (!found.tool || !found.matched) return { kind: 'unregistered', name: found.name };
  if (found.matched.on !== 'id') {
    const mention = registeredToolsIn(given, register);
    if (mention?.kind === 'ambiguous' && mention.said === compact(given) && mention.candidates.includes(found.tool))
      return { kind: 'ambiguous', candidates: mention.candidates, name: given.trim() };
  }
  return { kind: 'registered', tool: found.tool, matched: found.matched };
}

// "mag ik X gebruiken", "kan ik X inzetten", "can I use X to/for", "I'd like to use X": the tool named by its place.
const namedTool = [
  /\b(?:mag|kan|kun|wil|moet|mogen|kunnen|willen) (?:ik|je|jij|we|wij|u) (.{2,40}?) (?:gebruiken|inzetten|gebruik|toepassen)\b/,
  /\b(?:use|using) (.{2,40}?)(?: (?:to|for|in|with|on|at|when|if|is|as)\b|$)/,
  /\b(?:called|named|genaamd|heet) (.{2,40}?)(?: (?:to|for|om|voor)\b|$)/,
];
const notATool =
  /^(?:(?:een|de|het|a|an|the|deze|die|dit|dat|zo n|such a|this|that|it|mijn|my|our|onze|eigen|own|iets|something|anything|alles|everything) ?)*(?:(?:gratis|free|nieuwe|new|generatieve|generative|andere|other|slimme|smart) ?)*(?:ai|a i|kunstmatige intelligentie|artificial intelligence|tool|tools|ai tool|ai tools|app|apps|programma|software|model|ai model|taalmodel|language model|chatbot|ai chatbot|assistent|assistant|ai assistent|ai assistant|toepassing|ai toepassing|systeem|ai systeem|system|ai system|dit|dat|het|this|that|it|iets|something)?$/;

/**
 * A tool the register does not know, named where a tool stands in the sentence ("mag ik Perplexity gebruiken om ...")
 * and given back as the person wrote it ("Perplexity"); never a generic word ("een AI-tool", "it").
 */
export function unregisteredToolIn(sentence: string): ToolMention | null {
  const text = normalise(sentence);
  for (const pattern of namedTool) {
    // "Harvey or a similar legal AI": the first of the names given; "dovetail's AI" is dovetail's; "Google Translate
    // op mn telefoon" is Google Translate.
    const name = pattern
      .exec(text)?.[1]
      ?.split(/ (?:or|of|en|and|op|on|via|in) /)[0]
      ?.replace(/ s ai$| s$/, '')
      .trim();
    if (name && isNameLike(name)) return { kind: 'unregistered', name: nameAsWritten(sentence, name) };
  }
  return null;
}

// Words that are never part of a tool's name: "mogen we AI overal inzetten" names no tool "AI overal".
const functionWords = new Set(
  (
    'de het een van voor om te in op met en of als team wij we overal alles ook wel gewoon even ff nog al zo er hier daar nu dan ' +
    'weten vragen zien horen nagaan checken graag eens footage data beelden camerabeelden images photos gegevens ' +
    'me mij mijn onze ons je jouw jullie hem haar deze die dit dat iets niets meer vaak altijd zomaar ' +
    'the a an of for to in on with and or everything all any some also just really me my our your this that it ' +
    'something anything more often always'
  ).split(' '),
);

function isNameLike(name: string): boolean {
  const words = name.split(' ');
  return (
    words.length <= 3 && !notATool.test(name) && !words.some((w) => functionWords.has(w) || /^(?:ai|a i)$/.test(w))
  );
}

/** The name as the person wrote it ("Perplexity", not "perplexity"), found back in the original sentence. */
export function nameAsWritten(sentence: string, normalisedName: string): string {
  for (let start = 0; start < sentence.length; start++) {
    for (let end = start + 1; end <= Math.min(sentence.length, start + normalisedName.length * 2 + 2); end++) {
      const piece = sentence.slice(start, end);
      if (normalise(piece) === normalisedName && /^[\p{L}\p{N}]/u.test(piece) && /[\p{L}\p{N}]$/u.test(piece))
        return piece;
    }
  }
  return normalisedName;
}

/**
 * The tool a sentence names: from the register (one entry or several to choose from), else where a tool stands in the
 * sentence, else one of `otherNames` (well-known tools the register may lack); as written, or null.
 */
export function toolIn(sentence: string, register: ToolRegister, otherNames?: RegExp): ToolMention | null {
  const found = registeredToolsIn(sentence, register) ?? unregisteredToolIn(sentence);
  if (found || !otherNames) return found;
  const other = otherNames.exec(normalise(sentence))?.[0]?.trim();
  return other ? { kind: 'unregistered', name: nameAsWritten(sentence, other) } : null;
}
