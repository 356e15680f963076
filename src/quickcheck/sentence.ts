import type { Task } from './case.js';
import type { Questions } from './questions.js';
import { toolIndex, type ToolRegister } from './register.js';
import { compact, normalise } from './normalise.js';

export interface SentenceMatch {
  /** The tool named in the sentence: a register entry (id) or, when it is not in the register, the name as written (id null). */
  tool: { id: string | null; name: string } | null;
  task: Task | null;
}

interface TaskPattern {
  task: Task;
  pattern: RegExp;
}

const compiledTasks = new WeakMap<Questions, TaskPattern[]>();

/** "samen te vatten" -> /\bsamen te vatten\b/; "vat ... samen" allows up to four words in between; "vertal*" any ending. */
function keywordPattern(keyword: string): string {
  return normalise(keyword.replace(/\.\.\./g, ' GAP ').replace(/\*/g, ' STAR '))
    .split(' ')
    .reduce<string>((acc, token) => {
      if (token === 'star') return `${acc}\\w*`;
      if (token === 'gap') return `${acc}(?: \\w+){0,4}`;
      return `${acc}${acc ? ' ' : ''}${token}`;
    }, '')
    .replace(/ \\w\*/g, '\\w*');
}

function taskPatterns(questions: Questions): TaskPattern[] {
  let patterns = compiledTasks.get(questions);
  if (patterns) return patterns;
  const question = questions.questions.find((q) => q.field === 'task');
  patterns = [];
  if (question?.type === 'choice') {
    const order = question.detectOrder ?? [];
    for (const task of order) {
      const option = question.options.find((o) => o.value === task && o.keywords);
      if (!option?.keywords) continue;
      const words = [...option.keywords.nl, ...option.keywords.en].map(keywordPattern);
      patterns.push({ task, pattern: new RegExp(`(?:^| )(?:${words.join('|')})(?= |$)`) });
    }
  }
  compiledTasks.set(questions, patterns);
  return patterns;
}

// "mag ik X gebruiken", "kan ik X inzetten", "can I use X to/for": the tool named by its place in the sentence.
const namedTool = [
  /\b(?:mag|kan|kun|wil|moet|mogen|kunnen|willen) (?:ik|je|jij|we|wij|u) (.{2,40}?) (?:gebruiken|inzetten|gebruik|toepassen)\b/,
  /\b(?:can|may|could|should) (?:i|we|you) use (.{2,40}?)(?: (?:to|for|in|with|on)\b|$)/,
];
const notATool = new Set([
  'dit',
  'dat',
  'het',
  'deze',
  'die',
  'ai',
  'een ai',
  'een ai tool',
  'een tool',
  'ai tools',
  'it',
  'this',
  'that',
  'an ai',
  'ai tool',
  'an ai tool',
  'a tool',
  'kunstmatige intelligentie',
]);

/**
 * Finds the tool and the task in a sentence, in Dutch or English ("mag ik ChatGPT gebruiken om een brief samen te
 * vatten?" -> chatgpt-free, summarize), so that the bot can prefill the check. Tools by id, name or alias
 * (longest match wins); tasks by the keywords in questions.yaml (its detectOrder decides between several).
 */
export function findToolAndTask(
  sentence: string,
  content: { register: ToolRegister; questions: Questions },
): SentenceMatch {
  const text = normalise(sentence);
  const tokens = text.split(' ').filter(Boolean);
  const index = toolIndex(content.register);
  let best: { id: string; name: string; length: number } | undefined;
  for (let start = 0; start < tokens.length; start++) {
    for (let end = Math.min(tokens.length, start + 5); end > start; end--) {
      const span = tokens.slice(start, end);
      const tool = index.get(span.join(''));
      if (tool && (!best || span.length > best.length)) best = { id: tool.id, name: tool.name, length: span.length };
    }
  }
  let tool: SentenceMatch['tool'] = best ? { id: best.id, name: best.name } : null;
  if (!tool) {
    for (const pattern of namedTool) {
      const name = pattern.exec(text)?.[1]?.trim();
      if (name && !notATool.has(name) && compact(name) !== '') {
        tool = { id: null, name: asWritten(sentence, name) };
        break;
      }
    }
  }
  const task = taskPatterns(content.questions).find((p) => p.pattern.test(text))?.task ?? null;
  return { tool, task };
}

/** The name as the person wrote it ("Perplexity", not "perplexity"), found back in the original sentence. */
function asWritten(sentence: string, normalisedName: string): string {
  const words = normalisedName.split(' ');
  for (let start = 0; start < sentence.length; start++) {
    for (let end = start + 1; end <= Math.min(sentence.length, start + normalisedName.length * 2 + 2); end++) {
      const piece = sentence.slice(start, end);
      if (normalise(piece) === normalisedName && /^[\p{L}\p{N}]/u.test(piece) && /[\p{L}\p{N}]$/u.test(piece))
        return piece;
    }
  }
  return words.join(' ');
}
