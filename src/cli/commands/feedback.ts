import { stringify } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { openStore } from '../../store/index.js';
import { createApplication, type Application } from '../../app/index.js';
import { createLogger } from '../../log.js';
import type { FeedbackSummary } from '../../vision/index.js';
import { parseFlags } from '../args.js';
import type { Command } from '../command.js';
import { langValues, type Lang } from '../../lang.js';

const flagsSchema = z.object({
  json: z.boolean().optional(),
  voorbeeldvragen: z.enum(langValues, { message: 'moet nl of en zijn' }).optional(),
  limit: z.coerce
    .number({ message: 'moet een getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet minstens 1 zijn')
    .max(1000, 'mag hoogstens 1000 zijn')
    .default(1000),
});

function render(summary: FeedbackSummary): string {
  if (summary.records === 0) return 'Nog geen onbeantwoorde vragen of beoordelingen opgeslagen.\n';
  const lines = [
    `Vraag het de visie: ${summary.records} meldingen${summary.since ? ` sinds ${summary.since.slice(0, 10)}` : ''}, de onderdelen die het meest om betere vragen vragen eerst.`,
    '',
  ];
  for (const s of summary.sections) {
    const name = s.sectionId
      ? `${s.heading ?? s.sectionId} (${s.sectionId})`
      : 'Zonder onderdeel (niet in de visie gevonden)';
    const counts = [
      s.suggested ? `${s.suggested}× alleen voorgesteld` : '',
      s.abstained ? `${s.abstained}× geen antwoord` : '',
      s.notHelpful ? `${s.notHelpful}× niet behulpzaam` : '',
      s.helpful ? `${s.helpful}× behulpzaam` : '',
      s.chosen ? `${s.chosen}× gekozen uit de suggesties` : '',
    ].filter(Boolean);
    lines.push(`${name}: ${counts.join(', ')}`);
    for (const q of s.questions) lines.push(`    - ${q}`);
    if (s.chosenQuestions.length > 0) {
      lines.push('  gevraagd door wie dit onderdeel koos (voorbeeldvragen voor dit onderdeel):');
      for (const q of s.chosenQuestions) lines.push(`    - ${q}`);
    }
  }
  lines.push(
    '',
    'Voeg vragen zoals deze toe aan het blok <!-- vragen van het onderdeel, of aan voorbeeldvragen.<taal>.yaml, in',
    'src/vision/content/ (zie de README daar). Vragen van wie een onderdeel koos horen bij dat onderdeel.',
  );
  return `${lines.join('\n')}\n`;
}

/** The chosen questions of one language as a voorbeeldvragen file, to read through and add to the content. */
async function exampleFile(app: Application, lang: Lang, limit: number): Promise<{ yaml: string; count: number }> {
  const today = new Date().toISOString().slice(0, 10);
  const source = `ai-wijzer feedback --voorbeeldvragen ${lang} (${today}): vragen van medewerkers die dit onderdeel uit de suggesties kozen`;
  const { data, count } = await app.feedback.exampleQuestions(lang, limit, source);
  const header = [
    `# Nieuwe voorbeeldvragen uit gebruik (${today}), per onderdeel van de visie (versie ${app.ask.vision.version}).`,
    `# Lees ze na voor je ze toevoegt aan src/vision/content/voorbeeldvragen.${lang}.yaml: haal namen, BSN's en andere persoonsgegevens weg,`,
    '# en laat vragen weg die niet bij hun onderdeel horen. De inhoudstest weigert vragen die (bijna) in een evaluatieset staan.',
  ];
  return { yaml: `${header.join('\n')}\n${stringify(data)}`, count };
}

export const feedbackCommand: Command = {
  name: 'feedback',
  help: {
    nl: [
      'ai-wijzer feedback [--json] [--limit <aantal>] [--voorbeeldvragen nl|en]',
      '  Vat de opgeslagen onbeantwoorde vragen en duimpjes van "Vraag het de visie" samen per onderdeel, de onderdelen',
      '  met de meeste "niet behulpzaam" en onbeantwoorde vragen eerst, met vraagteksten als ASK_STORE_QUESTION_TEXT die',
      '  liet opslaan, en per onderdeel de vragen van wie het uit de suggesties koos. Voor het AI-team, om de',
      '  alternatieve vragen en voorbeeldvragen van de visie te verbeteren.',
      '  --limit            de laatste zoveel meldingen (standaard 1000)',
      '  --voorbeeldvragen  schrijft de vragen van wie een onderdeel koos, in die taal, als voorbeeldvragen-bestand',
      '                     (YAML) om na te lezen en toe te voegen aan src/vision/content/voorbeeldvragen.<taal>.yaml',
      'De database komt uit de configuratie: DATABASE_URL, anders DATA_DIR (standaard ./data).',
    ].join('\n'),
    en: [
      'ai-wijzer feedback [--json] [--limit <count>] [--voorbeeldvragen nl|en]: summarises the stored unanswered questions and ratings of "Ask the vision"',
      'per section, the sections most in need of better alternate questions first (question texts only where ASK_STORE_QUESTION_TEXT allowed).',
      'With --voorbeeldvragen nl|en: the questions of users who chose a section from suggestions, as an example-question file (YAML) to review.',
    ].join('\n'),
  },
  async run(args, io) {
    const { flags } = parseFlags(
      args,
      { json: { type: 'boolean' }, limit: { type: 'string' }, voorbeeldvragen: { type: 'string' } },
      flagsSchema,
    );
    const config = loadConfig(io.env);
    const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      const app = createApplication({ config, store, logger: createLogger('silent') });
      if (flags.voorbeeldvragen) {
        const { yaml, count } = await exampleFile(app, flags.voorbeeldvragen, flags.limit);
        io.stdout.write(yaml);
        io.stderr.write(
          count === 0
            ? 'Nog geen nieuwe vragen van wie een onderdeel koos (vraagteksten worden alleen bewaard met ASK_STORE_QUESTION_TEXT).\n'
            : `${count} nieuwe voorbeeldvragen.\n`,
        );
        return 0;
      }
      const summary = await app.feedback.summary(flags.limit);
      io.stdout.write(flags.json ? `${JSON.stringify(summary)}\n` : render(summary));
      return 0;
    } finally {
      await store.close();
    }
  },
};
