import type { Lang } from '../../lang.js';

/** What the front door says when a sentence goes to the check, the scan or help: Dutch and English side by side. */
export const frontDoorTexts = {
  nl: {
    check: 'Dit is een vraag voor de AI-check "Mag ik dit gebruiken?".',
    filled: (parts: string[]) => `Al ingevuld: ${parts.join(', ')}.`,
    tool: (name: string) => `tool ${name}`,
    task: (label: string) => `taak: ${label}`,
    choose: (names: string[]) => `Welke tool bedoel je: ${orList(names, 'of')}?`,
    open: (n: number) => `Nog ${n} ${n === 1 ? 'vraag' : 'vragen'}, elk met uitleg en "weet ik niet".`,
    scan: 'Je wilt weten hoe netjes de bestanden van je team zijn: dat laat de datahygiëne-scan zien, voor mappen in SharePoint, OneDrive en Teams of op een netwerkschijf, met een score, een label van A tot G en concreet advies.',
    scanNoGraph:
      'Op deze installatie is scannen via Microsoft 365 niet ingesteld; een netwerkschijf scant een beheerder met ai-wijzer scan --path.',
    help: [
      'Dit kan AI-wijzer voor je doen:',
      '- Vraag het de visie: stel een vraag over de AI-visie van de gemeente Groningen; je krijgt een citaat met het onderdeel waar het staat.',
      '- Mag ik dit gebruiken?: vraag bijvoorbeeld "Mag ik ChatGPT gebruiken om een brief samen te vatten?" of typ "check" voor de AI-check.',
      '- Datahygiëne: typ "scan" voor wat de datahygiëne-scan van de mappen van je team laat zien en hoe je hem krijgt.',
      'AI-wijzer is een AI-systeem, geen mens: controleer belangrijke antwoorden altijd zelf.',
    ].join('\n'),
  },
  en: {
    check: 'This is a question for the AI quick check "May I use this?".',
    filled: (parts: string[]) => `Already filled in: ${parts.join(', ')}.`,
    tool: (name: string) => `tool ${name}`,
    task: (label: string) => `task: ${label}`,
    choose: (names: string[]) => `Which tool do you mean: ${orList(names, 'or')}?`,
    open: (n: number) =>
      `${n} ${n === 1 ? 'question' : 'questions'} to go, each with an explanation and "I do not know".`,
    scan: "You want to know how tidy your team's files are: the data-readiness scan shows it, for folders in SharePoint, OneDrive and Teams or on a network share, with a score, a label from A to G and concrete advice.",
    scanNoGraph:
      'Scanning through Microsoft 365 is not set up on this installation; an administrator scans a network share with ai-wijzer scan --path.',
    help: [
      'This is what AI-wijzer can do for you:',
      '- Ask the vision: ask a question about the AI vision of the municipality of Groningen; you get a quote with the section it comes from.',
      '- May I use this?: ask for example "May I use ChatGPT to summarise a letter?" or type "check" for the quick check.',
      '- Data readiness: type "scan" for what the data-readiness scan of your team\'s folders shows and how to get one.',
      'AI-wijzer is an AI system, not a person: always check important answers yourself.',
    ].join('\n'),
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

function orList(items: string[], or: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`;
}
