import { z } from 'zod';
import { isVisionAnswer, type AskResponse, type CheckOutcome, type FrontDoorResponse } from '../../api/ask.js';
import { AppError, createApplication } from '../../app/index.js';
import { loadConfig } from '../../config.js';
import { langValues, type Lang } from '../../lang.js';
import { createLogger } from '../../log.js';
import { loadVision, type RankingExplanation } from '../../vision/index.js';
import { parseFlags } from '../args.js';
import { UsageError, type Command } from '../command.js';

const flagsSchema = z.object({
  json: z.boolean().optional(),
  explain: z.boolean().optional(),
  lang: z.enum(langValues, { message: "moet 'nl' of 'en' zijn" }).optional(),
});

function renderAnswer(result: AskResponse): string {
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

/** The check, the scan or help: what the front door says, and for the check the command that finishes it. */
function renderRouted(result: Exclude<FrontDoorResponse, AskResponse>): string {
  const lines = [result.answer];
  if (result.outcome === 'check') {
    if (result.check.vision) lines.push('', renderAnswer(result.check.vision).trimEnd());
    lines.push('', ...finishCommands(result.check, result.language));
  }
  return `${lines.join('\n')}\n`;
}

/** `ai-wijzer check --tool chatgpt-free --task text`: the interactive check with what the sentence said filled in. */
export function finishCommands(check: CheckOutcome['check'], lang: Lang): string[] {
  const task = check.task ? ` --task ${check.task}` : '';
  const quote = (value: string) => (/^[a-z0-9-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`);
  if (check.tool && 'candidates' in check.tool) {
    return [
      lang === 'en' ? 'Finish the check with the tool you mean:' : 'Maak de check af met de tool die je bedoelt:',
      ...check.tool.candidates.map((c) => `  ai-wijzer check --tool ${c.id}${task}   (${c.name})`),
    ];
  }
  const tool = check.tool ? ` --tool ${quote(check.tool.id ?? check.tool.name)}` : '';
  return [`${lang === 'en' ? 'Finish the check with' : 'Maak de check af met'}: ai-wijzer check${tool}${task}`];
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
    const question = positionals.join(' ');
    const config = loadConfig(io.env);
    // `ask` keeps nothing: no store, and a logger that stays off the output (stdout is the answer). One run is one
    // question: it loads the vision (and embeds it, in the semantic mode) for itself, as the process of its own it is.
    const app = createApplication({ config, logger: createLogger('silent'), vision: loadVision() });
    for (const w of app.warnings) io.stderr.write(`Let op: ${w.file}, regel ${w.line}: ${w.problem}\n`);
    // One question: waiting for the section vectors is worth it here, unlike in the server.
    const ready = await app.ask.prepareSemantic();
    if (ready && !ready.ok)
      io.stderr.write(
        `Let op: het embeddingmodel (EMBEDDINGS_BASE_URL) gaf geen vectoren (${ready.reason}); het antwoord komt uit de woorden alleen.\n`,
      );
    let result: FrontDoorResponse;
    try {
      result = await app.frontDoor.ask({ question, ...(flags.lang ? { lang: flags.lang } : {}) }, flags.lang ?? 'nl');
    } catch (error) {
      if (error instanceof AppError && error.kind === 'invalid')
        throw new UsageError('Geef een vraag van 1 tot 500 tekens, bijvoorbeeld: ai-wijzer ask "Wat is AI?"');
      throw error;
    }
    const explanation =
      flags.explain && isVisionAnswer(result) ? app.ask.explain(question, result.language) : undefined;
    if (flags.json) io.stdout.write(`${JSON.stringify(explanation ? { ...result, explanation } : result)}\n`);
    else
      io.stdout.write(
        (isVisionAnswer(result) ? renderAnswer(result) : renderRouted(result)) +
          (explanation ? renderExplanation(explanation) : ''),
      );
    return 0;
  },
};
