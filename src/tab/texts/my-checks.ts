import type { Lang } from '../../lang.js';

/** What "Mijn checks" says (src/tab/views/MyChecks.tsx): Dutch and English side by side. */
export const myChecksTexts = {
  nl: {
    title: 'Mijn checks',
    intro: 'De checks die je eerder deed, de nieuwste eerst. Alleen jij ziet ze hier.',
    loading: 'Je checks worden geladen…',
    empty: 'Je hebt nog geen checks gedaan.',
    startCheck: 'Doe een snelle check',
    caption: 'Je eerdere checks',
    date: 'Datum',
    tool: 'Tool',
    task: 'Taak',
    verdict: 'Oordeel',
    number: 'Nummer',
    open: (seq: number) => `Check nr. ${seq}`,
    changed: 'De regels of het register zijn sinds deze check veranderd.',
    reassess: 'Opnieuw beoordelen met de huidige regels',
    reassessing: 'Bezig met opnieuw beoordelen…',
    reassessed: (seq: number, from: number) =>
      `Opnieuw beoordeeld met de huidige regels en vastgelegd als check nr. ${seq} (eerder: nr. ${from}).`,
    more: 'Oudere checks laden',
    back: 'Terug naar mijn checks',
    detailTitle: (seq: number) => `Check nr. ${seq}`,
    retry: 'Opnieuw proberen',
  },
  en: {
    title: 'My checks',
    intro: 'The checks you did before, newest first. Only you see them here.',
    loading: 'Loading your checks…',
    empty: 'You have not done any checks yet.',
    startCheck: 'Take a quick check',
    caption: 'Your earlier checks',
    date: 'Date',
    tool: 'Tool',
    task: 'Task',
    verdict: 'Verdict',
    number: 'Number',
    open: (seq: number) => `Check no. ${seq}`,
    changed: 'The rules or the register have changed since this check.',
    reassess: 'Reassess with the current rules',
    reassessing: 'Reassessing…',
    reassessed: (seq: number, from: number) =>
      `Reassessed with the current rules and recorded as check no. ${seq} (before: no. ${from}).`,
    more: 'Load older checks',
    back: 'Back to my checks',
    detailTitle: (seq: number) => `Check no. ${seq}`,
    retry: 'Try again',
  },
} as const;

export type MyChecksTexts = (typeof myChecksTexts)[Lang];
