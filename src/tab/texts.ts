import type { Lang } from '../lang.js';

/**
 * What the tab says on every page and on the start page, Dutch first. The check pages have their own files beside
 * this one (texts/check.ts, texts/my-checks.ts), loaded with those pages.
 */

export const texts = {
  nl: {
    title: 'AI-wijzer',
    subtitle: 'Verantwoord werken met AI bij de gemeente Groningen',
    loading: 'AI-wijzer wordt geladen…',
    standalone: 'Je gebruikt AI-wijzer buiten Teams.',
    inTeams: 'Verbonden met Microsoft Teams.',
    aiNotice:
      'AI-wijzer is een AI-systeem. Het stuurt standaard niets naar een externe AI-dienst en beslist nooit zelf over mensen.',
    features: [
      {
        id: 'visie',
        title: 'Vraag het de visie',
        text: 'Stel een vraag over de AI-visie van de gemeente en krijg een antwoord met de bron.',
      },
      {
        id: 'check',
        title: 'Mag ik dit gebruiken?',
        text: 'Doe in een minuut de AI-check voordat je een AI-tool gebruikt.',
      },
      { id: 'scan', title: 'Datahygiëne', text: 'Scan de mappen van je team en krijg een score en concreet advies.' },
    ],
    status: 'Status van de app',
    statusOk: 'De app werkt.',
    statusDown: 'De app is nu niet bereikbaar. Probeer het later opnieuw.',
    nav: 'Onderdelen',
    navHome: 'Start',
    navVision: 'De AI-visie lezen',
    navCheck: 'Snelle check',
    navMyChecks: 'Mijn checks',
    navScan: 'Datahygiëne',
    openScan: 'Naar Datahygiëne: kies een team, site of OneDrive en start de scan',
    language: 'Taal',
    pageLoading: 'De pagina wordt geladen…',
    notFoundTitle: 'Deze pagina bestaat niet',
    notFoundText:
      'Het adres verwijst naar een pagina die AI-wijzer niet heeft. Misschien is de link oud of verkeerd overgenomen.',
    notFoundHome: 'Naar de start van AI-wijzer',
    retry: 'Opnieuw proberen',
    askTitle: 'Vraag het de visie',
    askLabel: 'Je vraag over de AI-visie',
    askHint:
      'Bijvoorbeeld: Mag ik ChatGPT gebruiken? Of: Wat doet de gemeente aan AI-training? Enter verstuurt, Shift+Enter begint een nieuwe regel.',
    askButton: 'Vraag het',
    asking: 'Bezig met zoeken in de AI-visie…',
    askEmpty: 'Typ eerst een vraag.',
    checkChoose: 'Welke tool bedoel je? Kies er een, dan begint de snelle check met wat je al zei ingevuld.',
    checkStart: 'Doe de snelle check',
    source: 'Bron',
    readInVision: 'Lees dit in de AI-visie',
    generated: 'Door AI gegenereerd: controleer het in de bron.',
    feedbackQuestion: 'Had je hier iets aan?',
    yes: 'Ja',
    no: 'Nee',
    feedbackThanks: 'Bedankt, dat helpt ons de antwoorden te verbeteren.',
    visionLoading: 'De AI-visie wordt geladen…',
    visionMeta: (version: string, date: string) => `Versie ${version}, ${date}`,
    backToStart: 'Terug naar de start',
  },
  en: {
    title: 'AI-wijzer',
    subtitle: 'Working responsibly with AI at the municipality of Groningen',
    loading: 'Loading AI-wijzer…',
    standalone: 'You are using AI-wijzer outside Teams.',
    inTeams: 'Connected to Microsoft Teams.',
    aiNotice:
      'AI-wijzer is an AI system. By default it sends nothing to an external AI service and it never decides about people.',
    features: [
      {
        id: 'visie',
        title: 'Ask the vision',
        text: 'Ask a question about the municipal AI vision and get an answer with its source.',
      },
      { id: 'check', title: 'May I use this?', text: 'Take the one-minute quick check before you use an AI tool.' },
      { id: 'scan', title: 'Data readiness', text: "Scan your team's folders and get a score and concrete advice." },
    ],
    status: 'App status',
    statusOk: 'The app is working.',
    statusDown: 'The app cannot be reached right now. Please try again later.',
    nav: 'Sections',
    navHome: 'Start',
    navVision: 'Read the AI vision',
    navCheck: 'Quick check',
    navMyChecks: 'My checks',
    navScan: 'Data readiness',
    openScan: 'Go to Data readiness: choose a team, site or OneDrive and start the scan',
    language: 'Language',
    pageLoading: 'Loading the page…',
    notFoundTitle: 'This page does not exist',
    notFoundText:
      'The address points to a page AI-wijzer does not have. Perhaps the link is old or was copied wrongly.',
    notFoundHome: 'To the start of AI-wijzer',
    retry: 'Try again',
    askTitle: 'Ask the vision',
    askLabel: 'Your question about the AI vision',
    askHint:
      'For example: May I use ChatGPT? Or: What does the municipality do about AI training? Enter sends, Shift+Enter starts a new line.',
    askButton: 'Ask',
    asking: 'Searching the AI vision…',
    askEmpty: 'Please type a question first.',
    checkChoose: 'Which tool do you mean? Choose one and the quick check starts with what you said filled in.',
    checkStart: 'Take the quick check',
    source: 'Source',
    readInVision: 'Read this in the AI vision',
    generated: 'AI-generated: check it against the source.',
    feedbackQuestion: 'Was this useful?',
    yes: 'Yes',
    no: 'No',
    feedbackThanks: 'Thank you, that helps us improve the answers.',
    visionLoading: 'Loading the AI vision…',
    visionMeta: (version: string, date: string) => `Version ${version}, ${date}`,
    backToStart: 'Back to the start',
  },
} as const;

export type Texts = (typeof texts)[Lang];
