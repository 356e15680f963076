import type { Task } from './case.js';
import type { Questions } from './questions.js';
import type { ToolRegister } from './register.js';
import { normalise } from './normalise.js';
import { toolIn, type ToolMention } from './tool-names.js';

export interface SentenceMatch {
  /** The tool named in the sentence, or null. */
  tool: ToolMention | null;
  task: Task | null;
}

interface TaskPattern {
  task: Task;
  pattern: RegExp;
}

const compiledTasks = new WeakMap<Questions, TaskPattern[]>();

/**
 * "samen te vatten" -> /\bsamen te vatten\b/; "vat ... samen" allows up to four words in between; "vertal*" any
 * ending; "*aanvra*" also inside a compound ("bijstandsaanvragen").
 */
function keywordPattern(keyword: string): string {
  const words = keyword
    .replace(/\.\.\./g, ' ... ')
    .trim()
    .split(/\s+/);
  return words
    .map((word) => {
      if (word === '...') return null;
      const lead = word.startsWith('*') ? '\\w*' : '';
      const tail = word.endsWith('*') && word.length > 1 ? '\\w*' : '';
      return `${lead}${normalise(word.replace(/\*/g, ' '))}${tail}`;
    })
    .reduce<string>((acc, part, i) => {
      if (part === null) return `${acc}(?: \\w+){0,4}`;
      return i === 0 ? part : `${acc} ${part}`;
    }, '');
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

/**
 * Finds the tool and the task in a sentence, in Dutch or English ("mag ik ChatGPT gebruiken om een brief samen te
 * vatten?" -> chatgpt-free, summarize), so that the check starts with them filled in. The tool as tool-names.ts finds
 * it (one register entry, several to choose from, or a name the register does not know); the task by the keywords in
 * questions.yaml (its detectOrder decides between several).
 */
export function findToolAndTask(
  sentence: string,
  content: { register: ToolRegister; questions: Questions },
  otherTools?: RegExp,
): SentenceMatch {
  const text = normalise(sentence);
  const task = taskPatterns(content.questions).find((p) => p.pattern.test(text))?.task ?? null;
  return { tool: toolIn(sentence, content.register, otherTools), task };
}
