import type { Lang } from '../lang.js';
import { fold } from './analysis/fold.js';
import type { Intent } from './types.js';

export type { Intent };

// What a person may take AI-wijzer for: "ben je een mens", "praat ik met een robot", "are you a bot".
const beings =
  '(een |a |an )?(echte )?(mens|persoon|medewerker|robot|bot|chatbot|computer|machine|ai|human|person|real person)';
// Whole-message patterns on folded text: a question that merely starts with "hoi" is still searched.
const patterns: [Intent, RegExp][] = [
  [
    'greeting',
    /^(hoi|hallo|hey|hee|hi|hello|dag|goede(morgen|middag|navond)|good (morning|afternoon|evening)|moi|moin)( (daar|there|ai-wijzer|allemaal))?$/,
  ],
  [
    'thanks',
    /^((heel )?(erg )?(hartelijk |hartstikke )?(bedankt|dank( je| u)?( wel)?|dankjewel|dankuwel|thanks|thank you|thx|top|super|fijn)( (voor (je|het|uw) (antwoord|hulp)|for (your|the) (help|answer)))?)$/,
  ],
  [
    'about',
    /^(wie (ben|bent) (je|jij|u)|wat (ben|bent) (je|jij|u)|wat (kun|kan|kunt) (je|jij|u)( (voor mij )?(doen)?)?|wat doe (je|jij)|help|hulp|wat is ai-wijzer|who are you|what are you|what can you do|what do you do|what is ai-wijzer)$/,
  ],
  // AI Act article 50: asked whether it is a person, it says it is an AI system.
  [
    'about',
    new RegExp(
      `^((ben|bent) (je|jij|u)( wel)?( echt)?|praat ik( nu)?( hier)? met|is dit|are you|am i (talking|speaking|chatting) (to|with)|is this)( really)? ${beings}$`,
    ),
  ],
  // Asked for a person: the AI-system statement and who to turn to.
  [
    'human',
    /^((kan|mag) ik( ook)?( even)?( met)? (een )?(mens|medewerker|persoon|iemand)( spreken| praten| bellen)|ik wil( graag)?( met)? (een )?(mens|medewerker|persoon|iemand)( spreken| praten)|(can|may|could) i (talk|speak) (to|with) (a )?(human|person|someone|real person)|i (want|would like|d like) to (talk|speak) (to|with) (a )?(human|person|someone|real person))$/,
  ],
];

/** A conversational message handled without search, or undefined when the message is a question to search. */
export function detectIntent(text: string): Intent | undefined {
  const folded = fold(text)
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [intent, pattern] of patterns) if (pattern.test(folded)) return intent;
  return undefined;
}

/** AI Act article 50: people must be told that they are dealing with an AI system. */
const aiSystem: Record<Lang, string> = {
  nl: 'Let op: AI-wijzer is een AI-systeem, geen mens (AI-verordening, artikel 50). Mijn antwoorden zijn letterlijke citaten uit de AI-visie van de gemeente Groningen, met het onderdeel erbij.',
  en: 'Please note: AI-wijzer is an AI system, not a person (EU AI Act, Article 50). My answers are verbatim quotes from the AI vision of the municipality of Groningen, with the section they come from.',
};

export function intentAnswer(intent: Intent, lang: Lang, contact: string): string {
  const texts: Record<Intent, Record<Lang, string>> = {
    human: {
      nl: `${aiSystem.nl} Wil je iemand spreken over AI, privacy of de AI-visie? Neem dan contact op met ${contact}.`,
      en: `${aiSystem.en} Would you like to talk to someone about AI, privacy or the AI vision? Please contact ${contact}.`,
    },
    greeting: {
      nl: `Hallo! Ik ben AI-wijzer. Stel me een vraag over de AI-visie van de gemeente, bijvoorbeeld "Mag ik ChatGPT gebruiken voor mijn werk?". ${aiSystem.nl}`,
      en: `Hello! I am AI-wijzer. Ask me a question about the municipality's AI vision, for example "May I use ChatGPT for my work?". ${aiSystem.en}`,
    },
    thanks: {
      nl: 'Graag gedaan! Heb je nog een vraag over de AI-visie, stel hem gerust.',
      en: 'You are welcome! If you have another question about the AI vision, just ask.',
    },
    about: {
      nl: `${aiSystem.nl} Ik beantwoord vragen over de AI-visie en noem altijd het onderdeel waar het antwoord staat. Staat iets niet in de visie, dan zeg ik dat en verwijs ik je naar ${contact}.`,
      en: `${aiSystem.en} I answer questions about the AI vision and always name the section the answer comes from. If something is not in the vision, I say so and refer you to ${contact}.`,
    },
  };
  return texts[intent][lang];
}
