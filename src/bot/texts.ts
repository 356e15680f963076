import type { Lang } from '../lang.js';

/** Everything the bot says, Dutch first; English for users whose Teams locale is English (languageOf, src/lang.ts). */
export const texts = {
  nl: {
    unknown: 'Stuur me een vraag in tekst. Typ **help** om te zien wat ik kan.',
    failed: (code: string) =>
      `Er ging bij AI-wijzer iets mis. Probeer het later opnieuw; noem deze code als je het meldt: ${code}`,
    tooLong: 'Je bericht is te lang voor mij. Stel je vraag in hoogstens 500 tekens.',
  },
  en: {
    unknown: 'Please send me a question as text. Type **help** to see what I can do.',
    failed: (code: string) =>
      `Something went wrong in AI-wijzer. Please try again later; quote this code when you report it: ${code}`,
    tooLong: 'Your message is too long for me. Please ask in at most 500 characters.',
  },
} as const satisfies Record<Lang, Record<string, string | ((code: string) => string)>>;
