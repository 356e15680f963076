import { z } from 'zod';
import { askRequestSchema } from '../../api/ask.js';
import { parseInput } from '../../validation.js';
import { loadConfig } from '../../config.js';
import {
  ask,
  explainRanking,
  generativeFromConfig,
  loadVision,
  semanticFromConfig,
  semanticIndex,
  type AskResult,
  type RankingExplanation,
} from '../../vision/index.js';
import { parseFlags } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { langValues } from '../../lang.js';

const flagsSchema = z.object({
  json: z.boolean().optional(),
  explain: z.boolean().optional(),
  lang: z.enum(langValues, { message: "moet 'nl' of 'en' zijn" }).optional(),
});

function render(result: AskResult): string {
  const lines = [result.answer];
  if (result.outcome === 'answer' && result.citations[0]) {
    lines.push(
      '',
      `— ${result.language === 'en' ? 'AI vision' : 'AI-visie'}, ${result.citations[0].heading} (${result.link ?? ''})`,
    );
  }
  if (result.outcome === 'suggest') {
    for (const [i, s] of (result.suggestions ?? []).entries()) lines.push(`  ${i + 1}. ${s.heading} (${s.link})`);
  }
  if (result.generated)
    lines.push('', result.language === 'en' ? '[AI-generated answer]' : '[Door AI gegenereerd antwoord]');
  if (!result.intent)
    lines.push(
      '',
      `${result.language === 'en' ? 'confidence' : 'zekerheid'} ${result.confidence.toFixed(2)} · ${result.language === 'en' ? 'vision version' : 'visieversie'} ${result.visionVersion}`,
    );
  return `${lines.join('\n')}\n`;
}

function renderExplanation(e: RankingExplanation): string {
  const lines = [
    '',
    `Uitleg (${e.language}): inhoudswoorden ${e.words.map((w) => `${w.word} [${w.terms.join(' ')}]`).join(', ') || '(geen)'}`,
  ];
  for (const s of e.sections)
    lines.push(
      `  ${s.sectionId.padEnd(30)} score ${s.score.toFixed(2).padStart(6)}  dekking ${s.coverage.toFixed(2)}  treft: ${s.matched.join(', ') || '-'}`,
    );
  return `${lines.join('\n')}\n`;
}

export const askCommand: Command = {
  name: 'ask',
  summary: { nl: 'stel een vraag aan de AI-visie', en: 'ask the AI vision a question' },
  help: {
    nl: 'ai-wijzer ask "<vraag>" [--json] [--lang nl|en] [--explain]\n\nBeantwoordt een vraag met een letterlijk citaat uit de AI-visie en het onderdeel waar het staat, doet suggesties als het niet zeker is, of zegt dat het niet in de visie staat.\n  --json        precies één JSON-object op stdout\n  --lang nl|en  antwoordtaal (standaard: de taal van de vraag)\n  --explain     voor redacteuren: de inhoudswoorden van de vraag en welke onderdelen ze treffen (met --json als veld explanation)\n\nVoorbeeld: ai-wijzer ask "Mag ik persoonsgegevens in ChatGPT zetten?"',
    en: 'ai-wijzer ask "<question>" [--json] [--lang nl|en] [--explain]\n\nAnswers a question with a verbatim quote from the AI vision and its section, suggests sections when unsure, or says the vision does not cover it.\n  --json        exactly one JSON object on stdout\n  --lang nl|en  answer language (default: the language of the question)\n  --explain     for editors: the question\'s content words and the sections they match (with --json as the field explanation)\n\nExample: ai-wijzer ask "May I put personal data into ChatGPT?"',
  },
  async run(args, io) {
    const { flags, positionals } = parseFlags(
      args,
      { json: { type: 'boolean' }, explain: { type: 'boolean' }, lang: { type: 'string' } },
      flagsSchema,
      true,
    );
    const input = parseInput(askRequestSchema, { question: positionals.join(' ') }, 'nl');
    if (!input.ok)
      throw new UsageError('Geef een vraag van 1 tot 500 tekens, bijvoorbeeld: ai-wijzer ask "Wat is AI?"');
    const config = loadConfig(io.env);
    const generative = generativeFromConfig(config);
    const vision = loadVision();
    for (const w of vision.warnings) io.stderr.write(`Let op: ${w.file}, regel ${w.line}: ${w.problem}\n`);
    // One question: waiting for the section vectors is worth it here, unlike in the server.
    const semantic = semanticFromConfig(config);
    const ready = semantic ? await semanticIndex(vision, semantic).prepare() : undefined;
    if (ready && !ready.ok)
      io.stderr.write(
        `Let op: het embeddingmodel (EMBEDDINGS_BASE_URL) gaf geen vectoren (${ready.reason}); het antwoord komt uit de woorden alleen.\n`,
      );
    const result = await ask(vision, input.data.question, {
      contact: config.PRIVACY_CONTACT,
      ...(flags.lang ? { lang: flags.lang } : {}),
      ...(generative ? { generative } : {}),
      ...(semantic && ready?.ok ? { semantic } : {}),
    });
    const explanation = flags.explain
      ? explainRanking(vision, input.data.question, { lang: result.language })
      : undefined;
    if (flags.json) io.stdout.write(`${JSON.stringify(explanation ? { ...result, explanation } : result)}\n`);
    else io.stdout.write(render(result) + (explanation ? renderExplanation(explanation) : ''));
    return 0;
  },
};
