import type { Lang } from '../../lang.js';

type Verdict = 'prohibited' | 'consult' | 'conditional' | 'allowed';

/** What the quick check says (src/tab/views/CheckWizard.tsx and the verdict it shows): Dutch and English side by side. */
export const checkTexts = {
  nl: {
    title: 'Snelle check: mag ik dit gebruiken?',
    intro:
      'Beantwoord een paar vragen over de AI-tool en wat je ermee wilt doen. Je krijgt een oordeel met de redenen en de bronnen, en de check wordt vastgelegd.',
    loading: 'De vragen worden geladen…',
    progress: (n: number, total: number) => `Vraag ${n} van ${total}`,
    progressLabel: 'Voortgang van de check',
    previous: 'Vorige',
    next: 'Volgende',
    finish: 'Bekijk het oordeel',
    submitting: 'Het oordeel wordt bepaald en vastgelegd…',
    required: 'Kies een antwoord. Weet je het niet, kies dan "weet ik niet".',
    requiredText: 'Vul dit in. Weet je het niet, vink dan "weet ik niet" aan.',
    requiredOtherTool: 'Typ de naam van de tool.',
    unknown: 'Weet ik niet',
    otherTool: 'Een andere tool',
    otherToolName: 'Naam van de tool',
    notInRegister: 'Niet in het register van de gemeente',
    prefilled: 'Uit je vraag al ingevuld',
    prefilledPart: (field: string, answer: string) =>
      `${field === 'task' ? 'taak' : field === 'tool' ? 'tool' : field}: ${answer}`,
    showPrefilled: 'Deze vragen toch tonen',
    retry: 'Opnieuw proberen',
    answersKept: 'Je antwoorden zijn bewaard.',
    // The verdict
    verdictTitle: 'Het oordeel',
    verdict: {
      allowed: 'Ja, dit mag',
      conditional: 'Ja, onder voorwaarden',
      consult: 'Eerst overleggen',
      prohibited: 'Nee, dit mag niet',
    } satisfies Record<Verdict, string>,
    verdictFor: (tool: string) => `Voor: ${tool}`,
    /** Why the verdict is about this register entry: what in the name matched. */
    toolMatched: (on: 'id' | 'name' | 'alias', label: string) =>
      `Uit het register, herkend aan ${{ id: 'de id', name: 'de naam', alias: 'de alias' }[on]} '${label}'.`,
    recorded: (seq: number, at: string) => `Vastgelegd als check nr. ${seq} op ${at}.`,
    reasons: 'Waarom',
    // Two sentences, not "who (assessment)": both may hold parentheses of their own, and they never nest.
    consultWith: (who: string, assessment: string) => `Overleg met ${who}. Beoordeling: ${assessment}.`,
    sources: 'Bronnen',
    appliesFrom: (date: string) => `geldt vanaf ${date}`,
    conditions: 'Voorwaarden',
    conditionsHint: 'Vink af wat je hebt geregeld. Dit wordt niet opgeslagen; het is je eigen lijstje.',
    advice: 'Advies',
    answers: 'Je antwoorden',
    versions: (rules: string, register: string) => `Regels ${rules}, register ${register}.`,
    print: 'Afdrukken',
    again: 'Opnieuw',
    toMyChecks: 'Naar mijn checks',
    notGiven: 'niet ingevuld',
  },
  en: {
    title: 'Quick check: may I use this?',
    intro:
      'Answer a few questions about the AI tool and what you want to do with it. You get a verdict with its reasons and sources, and the check is recorded.',
    loading: 'Loading the questions…',
    progress: (n: number, total: number) => `Question ${n} of ${total}`,
    progressLabel: 'Progress of the check',
    previous: 'Previous',
    next: 'Next',
    finish: 'See the verdict',
    submitting: 'Working out and recording the verdict…',
    required: 'Choose an answer. If you do not know, choose "I do not know".',
    requiredText: 'Fill this in. If you do not know, tick "I do not know".',
    requiredOtherTool: 'Type the name of the tool.',
    unknown: 'I do not know',
    otherTool: 'Another tool',
    otherToolName: 'Name of the tool',
    notInRegister: "Not in the municipality's register",
    prefilled: 'Already filled in from your question',
    prefilledPart: (field: string, answer: string) => `${field}: ${answer}`,
    showPrefilled: 'Show these questions anyway',
    retry: 'Try again',
    answersKept: 'Your answers have been kept.',
    verdictTitle: 'The verdict',
    verdict: {
      allowed: 'Yes, you may',
      conditional: 'Yes, under conditions',
      consult: 'Consult first',
      prohibited: 'No, you may not',
    } satisfies Record<Verdict, string>,
    verdictFor: (tool: string) => `For: ${tool}`,
    toolMatched: (on: 'id' | 'name' | 'alias', label: string) =>
      `From the register, recognised by ${{ id: 'its id', name: 'its name', alias: 'its alias' }[on]} '${label}'.`,
    recorded: (seq: number, at: string) => `Recorded as check no. ${seq} on ${at}.`,
    reasons: 'Why',
    consultWith: (who: string, assessment: string) => `Consult ${who}. Assessment: ${assessment}.`,
    sources: 'Sources',
    appliesFrom: (date: string) => `applies from ${date}`,
    conditions: 'Conditions',
    conditionsHint: 'Tick what you have arranged. This is not saved; it is your own list.',
    advice: 'Advice',
    answers: 'Your answers',
    versions: (rules: string, register: string) => `Rules ${rules}, register ${register}.`,
    print: 'Print',
    again: 'Start again',
    toMyChecks: 'To my checks',
    notGiven: 'not filled in',
  },
} as const;

export type CheckTexts = (typeof checkTexts)[Lang];

/** A date and time as people read it, in the user's language. */
export function formatWhen(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' });
}

/** A date (yyyy-mm-dd) as people read it. */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
}
