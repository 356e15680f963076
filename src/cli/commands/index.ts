import type { CommandEntry } from '../command.js';

/**
 * Every CLI command, in the order --help lists them; each capability adds its own line. A command's module is
 * imported only when it runs: `scan` then does not load the server, and `--help` loads none of them.
 */
export const commands: CommandEntry[] = [
  {
    name: 'serve',
    summary: { nl: 'start de app (bot, tabblad en API)', en: 'start the app (bot, tab and API)' },
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'package',
    summary: {
      nl: 'maak het Teams-app-pakket (zip) voor een omgeving',
      en: 'build the Teams app package (zip) for an environment',
    },
    load: async () => (await import('./package.js')).packageCommand,
  },
  {
    name: 'ask',
    summary: { nl: 'stel een vraag aan de AI-visie', en: 'ask the AI vision a question' },
    load: async () => (await import('./ask.js')).askCommand,
  },
  {
    name: 'feedback',
    summary: {
      nl: 'wat de AI-visie mist: onbeantwoorde vragen en beoordelingen per onderdeel',
      en: 'what the AI vision misses: unanswered questions and ratings per section',
    },
    load: async () => (await import('./feedback.js')).feedbackCommand,
  },
  {
    name: 'check',
    summary: {
      nl: 'AI-check: mag ik deze AI-tool hiervoor gebruiken?',
      en: 'AI check: may I use this AI tool for this?',
    },
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'audit',
    summary: { nl: 'controleer of exporteer de vastgelegde AI-checks', en: 'verify or export the recorded AI checks' },
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    name: 'privacy',
    summary: {
      nl: 'bewaartermijnen en AVG-verzoeken: opschonen, gegevens van een persoon exporteren of wissen',
      en: 'retention and GDPR requests: clean up, export or erase what is kept about a person',
    },
    load: async () => (await import('./privacy.js')).privacyCommand,
  },
  {
    name: 'scan',
    summary: {
      nl: 'scan een netwerkmap of Microsoft 365 op datahygiëne',
      en: 'scan a network folder or Microsoft 365 for data readiness',
    },
    load: async () => (await import('./scan.js')).scanCommand,
  },
];
