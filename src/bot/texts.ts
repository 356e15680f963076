import type { Lang } from '../lang.js';

/** Everything the bot says, Dutch first; English for users whose Teams locale is English (languageOf, src/lang.ts). */
export const texts = {
  nl: {
    welcome:
      'Welkom bij **AI-wijzer** van de gemeente Groningen. Ik ben een AI-assistent, geen mens: ik help je met vragen over de AI-visie van de gemeente, ' +
      'met een korte check voordat je een AI-tool gebruikt, en met een datahygiëne-scan van je mappen. Typ **help** om te zien wat ik kan.',
    help:
      'Dit kan ik voor je doen:\n\n' +
      '- **Vraag het de visie**: stel een vraag over de AI-visie van de gemeente Groningen.\n' +
      '- **Mag ik dit gebruiken?**: doe de AI-check voordat je een AI-tool gebruikt.\n' +
      '- **Datahygiëne**: laat je teamlead een scan van jullie mappen doen in het tabblad.\n\n' +
      'Typ **help** om dit overzicht opnieuw te zien. AI-wijzer is een AI-systeem: controleer belangrijke antwoorden altijd zelf.',
    unknown: 'Dat begrijp ik nog niet. Typ **help** om te zien wat ik kan.',
    tooLong: 'Je bericht is te lang voor mij. Stel je vraag in hoogstens 500 tekens.',
  },
  en: {
    welcome:
      'Welcome to **AI-wijzer** of the municipality of Groningen. I am an AI assistant, not a person: I help with questions about the municipal AI vision, ' +
      'with a quick check before you use an AI tool, and with a data-readiness scan of your folders. Type **help** to see what I can do.',
    help:
      'This is what I can do for you:\n\n' +
      '- **Ask the vision**: ask a question about the AI vision of the municipality of Groningen.\n' +
      '- **May I use this?**: run the quick check before you use an AI tool.\n' +
      '- **Data readiness**: team leads can scan their folders in the tab.\n\n' +
      'Type **help** to see this again. AI-wijzer is an AI system: always check important answers yourself.',
    unknown: "I don't understand that yet. Type **help** to see what I can do.",
    tooLong: 'Your message is too long for me. Please ask in at most 500 characters.',
  },
} as const satisfies Record<Lang, Record<string, string>>;
