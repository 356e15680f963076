import type { CaseField, CheckCase } from './case.js';
import type { Lang } from '../lang.js';
import type { QuickcheckContent } from './content.js';
import { normalise } from './normalise.js';
import { lookupTool } from './register.js';

/** Reads one answer line; null at the end of input. */
export type ReadLine = () => Promise<string | null>;

export class InterviewAborted extends Error {
  constructor() {
    super('De invoer stopte voordat alle vragen beantwoord waren; er is niets vastgelegd.');
    this.name = 'InterviewAborted';
  }
}

const words = {
  nl: {
    intro: 'AI-check: mag ik dit gebruiken? Typ het nummer van je antwoord, of ? voor uitleg.',
    unknown: 'weet ik niet',
    known: 'In het register',
    recognised: 'herkend als',
    given: 'al ingevuld',
    notInRegister: 'staat niet in het register',
    pick: (n: number) => `Kies een nummer van 1 tot ${n}, of ? voor uitleg.`,
    empty: 'Typ een antwoord, "weet ik niet", of ? voor uitleg.',
  },
  en: {
    intro: 'AI check: may I use this? Type the number of your answer, or ? for an explanation.',
    unknown: 'i do not know',
    known: 'In the register',
    recognised: 'recognised as',
    given: 'already filled in',
    notInRegister: 'is not in the register',
    pick: (n: number) => `Choose a number from 1 to ${n}, or ? for an explanation.`,
    empty: 'Type an answer, "I do not know", or ? for an explanation.',
  },
};

const unknownWords = new Set([
  'weet ik niet',
  'weet niet',
  'onbekend',
  'i do not know',
  'i don t know',
  'dont know',
  'unknown',
]);

/**
 * Asks the questions of questions.yaml one by one (Dutch unless asked otherwise), always offering "weet ik niet",
 * and returns the case. Plain lines in and out, so that a terminal, a pipe and a test drive it the same way.
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
  write(`${w.intro}\n`);
  for (const [i, q] of questions.entries()) {
    write(`\n${i + 1}/${questions.length} ${q.text[lang]}\n`);
    const given = prefilled[q.field];
    if (given !== undefined) {
      const label = q.type === 'choice' ? q.options.find((o) => o.value === given)?.label[lang] : undefined;
      const name = q.field === 'tool' ? lookupTool(content.register, String(given)).name : undefined;
      write(`  -> ${label ?? name ?? String(given)} (${w.given})\n`);
      continue;
    }
    if (q.type === 'text') {
      if (q.field === 'tool') write(`  ${w.known}: ${content.register.tools.map((t) => t.name).join(', ')}\n`);
      write(`  (${w.unknown}: ${lang === 'nl' ? 'typ' : 'type'} "${w.unknown}")\n`);
    } else {
      q.options.forEach((o, j) => write(`  ${j + 1}. ${o.label[lang]}\n`));
    }
    for (;;) {
      write('> ');
      const line = await readLine();
      if (line === null) throw new InterviewAborted();
      const answer = line.trim();
      if (answer === '?') {
        write(`  ${q.explanation[lang]}\n`);
        continue;
      }
      if (q.type === 'text') {
        if (unknownWords.has(normalise(answer))) answers[q.field] = q.unknownValue;
        else if (answer === '' && q.field !== 'purpose') {
          write(`  ${w.empty}\n`);
          continue;
        } else answers[q.field] = answer;
        if (q.field === 'tool') {
          const match = lookupTool(content.register, String(answers.tool));
          write(`  -> ${match.tool ? `${w.recognised} ${match.tool.name}` : `${match.name} ${w.notInRegister}`}\n`);
        }
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
      break;
    }
  }
  return answers as CheckCase;
}
