import type { Lang } from '../lang.js';

/** Everything the bot says, Dutch first; English for users whose Teams locale is English (languageOf, src/lang.ts). */
export const texts = {
  nl: {
    unknown: 'Stuur me een vraag in tekst. Typ **help** om te zien wat ik kan.',
    failed: (code: string) =>
      `Er ging bij AI-wijzer iets mis. Probeer het later opnieuw; noem deze code als je het meldt: ${code}`,
    tooLong: 'Je bericht is te lang voor mij. Stel je vraag in hoogstens 500 tekens.',
    myScans: 'Je laatste scans:',
    noScans: 'Je hebt nog geen scans gedaan.',
    scanLine: (root: string, label: string, score: number, date: string) =>
      `- ${root}: label **${label}** (score ${score}), ${date}`,
    scanDone: (label: string, score: number) => `Je scan is klaar: label **${label}**, score ${score} van 100.`,
    scanIncomplete: 'Let op: de scan is niet volledig; niet alles kon worden gelezen.',
    biggest: 'De grootste problemen:',
    problem: (title: string, count: number) => `- ${title}: ${count}`,
    noProblems: 'Er zijn geen problemen gevonden.',
    scanFailed: (why: string) => `Je scan is niet gelukt: ${why}`,
  },
  en: {
    unknown: 'Please send me a question as text. Type **help** to see what I can do.',
    failed: (code: string) =>
      `Something went wrong in AI-wijzer. Please try again later; quote this code when you report it: ${code}`,
    tooLong: 'Your message is too long for me. Please ask in at most 500 characters.',
    myScans: 'Your recent scans:',
    noScans: 'You have not run any scans yet.',
    scanLine: (root: string, label: string, score: number, date: string) =>
      `- ${root}: label **${label}** (score ${score}), ${date}`,
    scanDone: (label: string, score: number) => `Your scan is ready: label **${label}**, score ${score} out of 100.`,
    scanIncomplete: 'Note: the scan is not complete; not everything could be read.',
    biggest: 'The biggest problems:',
    problem: (title: string, count: number) => `- ${title}: ${count}`,
    noProblems: 'No problems were found.',
    scanFailed: (why: string) => `Your scan did not succeed: ${why}`,
  },
} as const satisfies Record<Lang, Record<string, string | ((...args: never[]) => string)>>;
