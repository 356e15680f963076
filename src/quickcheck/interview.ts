import type { CaseField, CheckCase } from './case.js';
import type { Lang } from '../lang.js';
import type { QuickcheckContent } from './content.js';
import { normalise } from './normalise.js';
import { lookupTool, toolName } from './register.js';
import { matchTool } from './tool-names.js';

/** Reads one answer line; null at the end of input. */
export type ReadLine = () => Promise<string | null>;

const aborted: Record<Lang, string> = {
  nl: 'De invoer stopte voordat alle vragen beantwoord waren; er is niets vastgelegd.',
  en: 'The input stopped before every question was answered; nothing was recorded.',
};

export class InterviewAborted extends Error {
  constructor(lang: Lang = 'nl') {
    super(aborted[lang]);
    this.name = 'InterviewAborted';
  }
}

/** Every word the interview itself says, in Dutch and English (the questions and answers come from questions.yaml). */
const words = {
  nl: {
    intro: 'AI-check: mag ik dit gebruiken? Typ het nummer van je antwoord, ? voor uitleg, of 0 voor de vorige vraag.',
    unknown: 'weet ik niet',
    unknownHint: 'weet ik niet: typ "weet ik niet"',
    backOption: 'Vorige vraag',
    backHint: 'vorige vraag: typ 0',
    firstQuestion: 'Dit is de eerste vraag.',
    current: (answer: string) => `Nu: ${answer}. Enter houdt dit antwoord.`,
    emptyAnswer: '(leeg)',
    known: 'In het register',
    recognised: 'herkend als',
    given: 'al ingevuld',
    notInRegister: 'staat niet in het register',
    whichTool: (given: string) => `'${given}' past bij meer tools in het register. Welke bedoel je?`,
    pick: (n: number) => `Kies een nummer van 1 tot ${n}, ? voor uitleg, of 0 voor de vorige vraag.`,
    pickTool: (n: number) => `Kies een nummer van 1 tot ${n}.`,
    empty: 'Typ een antwoord, "weet ik niet", ? voor uitleg, of 0 voor de vorige vraag.',
    type: 'typ',
  },
  en: {
    intro:
      'AI check: may I use this? Type the number of your answer, ? for an explanation, or 0 for the previous question.',
    unknown: "don't know",
    unknownHint: 'don\'t know: type "don\'t know"',
    backOption: 'Previous question',
    backHint: 'previous question: type 0',
    firstQuestion: 'This is the first question.',
    current: (answer: string) => `Now: ${answer}. Enter keeps this answer.`,
    emptyAnswer: '(empty)',
    known: 'In the register',
    recognised: 'recognised as',
    given: 'already filled in',
    notInRegister: 'is not in the register',
    whichTool: (given: string) => `'${given}' fits several tools in the register. Which one do you mean?`,
    pick: (n: number) => `Choose a number from 1 to ${n}, ? for an explanation, or 0 for the previous question.`,
    pickTool: (n: number) => `Choose a number from 1 to ${n}.`,
    empty: 'Type an answer, "don\'t know", ? for an explanation, or 0 for the previous question.',
    type: 'type',
  },
};

const unknownWords = new Set([
  'weet ik niet',
  'weet niet',
  'onbekend',
  'i do not know',
  'i don t know',
  'don t know',
  'dont know',
  'unknown',
]);
const backWords = new Set(['0', 'vorige', 'vorige vraag', 'terug', 'back', 'previous', 'previous question']);

/**
 * Asks the questions of questions.yaml one by one (Dutch unless asked otherwise), always offering "weet ik niet" and
 * the way back to the previous question (0; the answers given are kept, and Enter keeps an answer), and returns the
 * case. A tool name that fits several register entries is asked again as a choice between them. Plain lines in and
 * out, so that a terminal, a pipe and a test drive it the same way.
 */
export async function interview(
  content: QuickcheckContent,
  readLine: ReadLine,
  write: (text: string) => void,
  lang: Lang = 'nl',
  /** Answers already given (`ai-wijzer check --tool chatgpt --task text`): shown, not asked. */
  prefilled: Partial<CheckCase> = {},
): Promise<CheckCase> {
  const w = words[lang];
  const answers: Partial<Record<CaseField, unknown>> = { ...prefilled };
  const questions = content.questions.questions;
  const register = content.register;
  const asked = questions.map((q) => prefilled[q.field] === undefined);
  const read = async () => {
    write('> ');
    const line = await readLine();
    if (line === null) throw new InterviewAborted(lang);
    return line.trim();
  };
  const shown = (i: number, value: unknown): string => {
    const q = questions[i]!;
    if (q.type === 'choice') return q.options.find((o) => o.value === value)?.label[lang] ?? String(value);
    if (q.field === 'tool') {
      const tool = lookupTool(register, String(value)).tool;
      return tool ? toolName(tool, lang) : String(value);
    }
    return String(value) === '' ? w.emptyAnswer : String(value);
  };

  write(`${w.intro}\n`);
  let i = 0;
  while (i < questions.length) {
    const q = questions[i]!;
    write(`\n${i + 1}/${questions.length} ${q.text[lang]}\n`);
    if (!asked[i]) {
      write(`  -> ${shown(i, prefilled[q.field])} (${w.given})\n`);
      i++;
      continue;
    }
    const kept = answers[q.field];
    if (q.type === 'text') {
      if (q.field === 'tool') write(`  ${w.known}: ${register.tools.map((t) => toolName(t, lang)).join(', ')}\n`);
      write(`  ${w.unknownHint}; ${w.backHint}\n`);
    } else {
      q.options.forEach((o, j) => write(`  ${j + 1}. ${o.label[lang]}\n`));
      write(`  0. ${w.backOption}\n`);
    }
    if (kept !== undefined) write(`  ${w.current(shown(i, kept))}\n`);

    let move: -1 | 1 | undefined;
    while (!move) {
      const answer = await read();
      if (answer === '?') {
        write(`  ${q.explanation[lang]}\n`);
        continue;
      }
      if (backWords.has(normalise(answer))) {
        let previous = i - 1;
        while (previous >= 0 && !asked[previous]) previous--;
        if (previous < 0) {
          write(`  ${w.firstQuestion}\n`);
          continue;
        }
        i = previous;
        move = -1;
        break;
      }
      if (answer === '' && kept !== undefined) {
        move = 1;
        break;
      }
      if (q.type === 'text') {
        if (unknownWords.has(normalise(answer))) answers[q.field] = q.unknownValue[lang];
        else if (answer === '' && q.field !== 'purpose') {
          write(`  ${w.empty}\n`);
          continue;
        } else answers[q.field] = answer;
        if (q.field === 'tool') answers.tool = await whichTool(String(answers.tool));
        move = 1;
        break;
      }
      const byNumber = /^\d+$/.test(answer) ? q.options[Number(answer) - 1] : undefined;
      const byText = q.options.find(
        (o) =>
          normalise(o.label[lang]) === normalise(answer) ||
          (!o.unknown && normalise(String(o.value)) === normalise(answer)),
      );
      const byUnknown = unknownWords.has(normalise(answer)) ? q.options.find((o) => o.unknown) : undefined;
      const option = byNumber ?? byText ?? byUnknown;
      if (!option) {
        write(`  ${w.pick(q.options.length)}\n`);
        continue;
      }
      if (option.note) write(`  ${option.note[lang]}\n`);
      answers[q.field] = option.value;
      move = 1;
    }
    if (move === 1) i++;
  }
  return answers as CheckCase;

  /** The tool as named; when the name fits several entries, the one the person picks (by its id). */
  async function whichTool(given: string): Promise<string> {
    const match = matchTool(register, given);
    if (match.kind === 'unregistered') {
      write(`  -> ${match.name} ${w.notInRegister}\n`);
      return given;
    }
    if (match.kind === 'registered') {
      write(`  -> ${w.recognised} ${toolName(match.tool, lang)}\n`);
      return given;
    }
    write(`  ${w.whichTool(match.name)}\n`);
    match.candidates.forEach((t, j) => write(`  ${j + 1}. ${toolName(t, lang)}\n`));
    for (;;) {
      const answer = await read();
      const chosen = /^\d+$/.test(answer) ? match.candidates[Number(answer) - 1] : undefined;
      if (chosen) {
        write(`  -> ${toolName(chosen, lang)}\n`);
        return chosen.id;
      }
      write(`  ${w.pickTool(match.candidates.length)}\n`);
    }
  }
}
