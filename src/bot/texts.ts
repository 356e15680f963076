import type { Lang } from '../lang.js';

/** Everything the bot says, Dutch first; English for users whose Teams locale is English (languageOf, src/lang.ts). */
export const texts = {
  nl: {
    welcome:
      'Welkom bij **AI-wijzer** van de gemeente Groningen. Ik ben een AI-assistent, geen mens: ik help je met vragen over de AI-visie van de gemeente, ' +
      'met de AI-check voordat je een AI-tool gebruikt, en met de datahygiëne van de mappen van je team. Typ **help** om te zien wat ik kan.',
    unknown: 'Stuur me een vraag in tekst. Typ **help** om te zien wat ik kan.',
    failed: (code: string) =>
      `Er ging bij AI-wijzer iets mis. Probeer het later opnieuw; noem deze code als je het meldt: ${code}`,
    tooLong: 'Je bericht is te lang voor mij. Stel je vraag in hoogstens 500 tekens.',
  },
  en: {
    welcome:
      'Welcome to **AI-wijzer** of the municipality of Groningen. I am an AI assistant, not a person: I help with questions about the municipal AI vision, ' +
      "with the quick check before you use an AI tool, and with the data readiness of your team's folders. Type **help** to see what I can do.",
    unknown: 'Please send me a question as text. Type **help** to see what I can do.',
    failed: (code: string) =>
      `Something went wrong in AI-wijzer. Please try again later; quote this code when you report it: ${code}`,
    tooLong: 'Your message is too long for me. Please ask in at most 500 characters.',
  },
} as const satisfies Record<Lang, Record<string, string | ((code: string) => string)>>;
