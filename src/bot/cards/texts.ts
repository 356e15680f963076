import type { Lang } from '../../lang.js';

/** Everything the cards say, Dutch and English side by side (content, like the bot's other texts). */
export const cardTexts = {
  nl: {
    welcomeTitle: 'Welkom bij AI-wijzer',
    welcomeWho:
      'Ik ben AI-wijzer van de gemeente Groningen: een AI-systeem, geen mens (AI-verordening, artikel 50). Ik antwoord alleen uit de AI-visie en de regels van de gemeente, met de bron erbij, en ik beslis nooit voor je.',
    welcomeAsk: '**Vraag het de visie**: stel een vraag over de AI-visie, in je eigen woorden.',
    welcomeCheck:
      '**Mag ik dit gebruiken?**: vraag bijvoorbeeld "Mag ik ChatGPT gebruiken om een brief samen te vatten?" en doe de AI-check.',
    welcomeScan: '**Datahygiëne**: wat de datahygiëne-scan van de mappen van je team laat zien, en hoe je hem krijgt.',
    welcomeButtons: { ask: 'Stel een vraag', check: 'Doe de AI-check', scan: 'De bestanden van mijn team' },
    welcomeCommands: { ask: 'vraag', check: 'check', scan: 'scan' },
    checkTitle: 'AI-check: mag ik dit gebruiken?',
    checkIntro:
      'Beantwoord de vragen; bij elke vraag staat uitleg en kun je "weet ik niet" kiezen. Je krijgt een oordeel met de redenen en bronnen, en de check wordt vastgelegd onder een pseudoniem.',
    prefilled: 'Al ingevuld uit je vraag',
    chooseTool: 'Welke tool bedoel je?',
    otherTool: 'een andere tool (typ de naam hieronder)',
    toolName: 'Naam van de tool',
    submit: 'Beoordeel',
    required: 'Kies of vul hier iets in.',
    fixBelow: 'Nog niet alles klopt; kijk bij de gemarkeerde vragen. Er is niets vastgelegd.',
    problem: (message: string) => `⚠ ${message}`,
    verdictTitle: 'Oordeel van de AI-check',
    tool: 'Tool',
    notInRegister: 'niet in het register',
    reasons: 'Waarom',
    sources: 'Bronnen',
    // Two sentences, not "who (assessment)": both may hold parentheses of their own, and they never nest.
    consult: (who: string, assessment: string) => `Overleg met ${who}. Beoordeling: ${assessment}.`,
    /** Why the verdict is about this register entry: what in the given name matched. */
    toolMatched: (name: string, on: 'id' | 'name' | 'alias', label: string) =>
      `${name} uit het register, herkend aan ${{ id: 'de id', name: 'de naam', alias: 'de alias' }[on]} '${label}'`,
    conditions: 'Voorwaarden (afvinklijst)',
    advice: 'Advies',
    record: (seq: number) => `Vastgelegd als record ${seq}.`,
    versions: (rules: string, register: string) => `Regels ${rules}, register ${register}.`,
    again: 'Opnieuw',
    notRecorded:
      'De check kon niet worden vastgelegd; er is niets vastgelegd. Probeer het over een paar minuten opnieuw.',
    // The vision's answer: the line above the card carries Teams' citation marker; the card the quote and its section.
    answerIntro: 'Dit zegt de AI-visie erover',
    verbatim: 'Letterlijk uit de AI-visie',
    readMore: 'Lees het in de AI-visie',
    seeAlso: 'Zie ook',
  },
  en: {
    welcomeTitle: 'Welcome to AI-wijzer',
    welcomeWho:
      "I am AI-wijzer of the municipality of Groningen: an AI system, not a person (EU AI Act, Article 50). I answer only from the AI vision and the municipality's rules, with the source, and I never decide for you.",
    welcomeAsk: '**Ask the vision**: ask a question about the AI vision, in your own words.',
    welcomeCheck:
      '**May I use this?**: ask for example "May I use ChatGPT to summarise a letter?" and take the quick check.',
    welcomeScan: "**Data readiness**: what the data-readiness scan of your team's folders shows, and how to get one.",
    welcomeButtons: { ask: 'Ask a question', check: 'Take the quick check', scan: "My team's files" },
    welcomeCommands: { ask: 'ask', check: 'check', scan: 'scan' },
    checkTitle: 'AI quick check: may I use this?',
    checkIntro:
      'Answer the questions; each has an explanation and an "I do not know". You get a verdict with its reasons and sources, and the check is recorded under a pseudonym.',
    prefilled: 'Already filled in from your question',
    chooseTool: 'Which tool do you mean?',
    otherTool: 'another tool (type its name below)',
    toolName: 'Name of the tool',
    submit: 'Assess',
    required: 'Choose or fill in something here.',
    fixBelow: 'Not everything is right yet; see the marked questions. Nothing was recorded.',
    problem: (message: string) => `⚠ ${message}`,
    verdictTitle: 'Verdict of the AI quick check',
    tool: 'Tool',
    notInRegister: 'not in the register',
    reasons: 'Why',
    sources: 'Sources',
    consult: (who: string, assessment: string) => `Consult ${who}. Assessment: ${assessment}.`,
    toolMatched: (name: string, on: 'id' | 'name' | 'alias', label: string) =>
      `${name} from the register, recognised by ${{ id: 'its id', name: 'its name', alias: 'its alias' }[on]} '${label}'`,
    conditions: 'Conditions (checklist)',
    advice: 'Advice',
    record: (seq: number) => `Recorded as record ${seq}.`,
    versions: (rules: string, register: string) => `Rules ${rules}, register ${register}.`,
    again: 'Start again',
    notRecorded: 'The check could not be recorded; nothing was recorded. Try again in a few minutes.',
    answerIntro: 'This is what the AI vision says',
    verbatim: 'Verbatim from the AI vision',
    readMore: 'Read it in the AI vision',
    seeAlso: 'See also',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

/** The verb of the check card's submit button (Action.Execute) and of its Action.Submit fallback. */
export const checkVerbs = { submit: 'quickcheck.submit', restart: 'quickcheck.restart' } as const;
