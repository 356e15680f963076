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
    openReport: (link: string) => `[Open het rapport in AI-wijzer](${link})`,
    startInTab: (link: string) =>
      `Een scan start je in de tab Datahygiëne, waar je je aanmeldt en kiest welk team, welke site of welke OneDrive: [open Datahygiëne](${link}).`,
    teamScan: (link: string) =>
      `Wil je de bestanden van dit team laten scannen? Open [Datahygiëne in AI-wijzer](${link}), kies dit team en start de scan; ik laat je in onze chat weten wanneer hij klaar is.`,
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
    openReport: (link: string) => `[Open the report in AI-wijzer](${link})`,
    startInTab: (link: string) =>
      `You start a scan in the Data readiness tab, where you sign in and choose which team, site or OneDrive: [open Data readiness](${link}).`,
    teamScan: (link: string) =>
      `Would you like this team's files scanned? Open [Data readiness in AI-wijzer](${link}), choose this team and start the scan; I will tell you in our chat when it is done.`,
  },
} as const satisfies Record<Lang, Record<string, string | ((...args: never[]) => string)>>;
