import { MessageFactory, type Activity } from 'botbuilder';
import type { AskResponse, CheckOutcome, HelpOutcome, ScanOutcome } from '../api/ask.js';

const labels = {
  nl: {
    source: 'Bron',
    readMore: 'Lees het in de AI-visie',
    choose: 'Bedoel je een van deze onderdelen?',
    generated: 'Door AI gegenereerd',
    visionSays: 'Wat de AI-visie erover zegt',
  },
  en: {
    source: 'Source',
    readMore: 'Read it in the AI vision',
    choose: 'Do you mean one of these sections?',
    generated: 'AI-generated',
    visionSays: 'What the AI vision says about it',
  },
} as const;

/**
 * A vision answer as a Teams message: the answer, the quoted section as its source with a link into the tab,
 * or the sections to choose from. Generated text carries the AI label (AI Act article 50); quotes never do.
 */
export function answerMessage(result: AskResponse, publicUrl: string | undefined): Partial<Activity> {
  const absolute = (link: string) => (publicUrl ? new URL(link, publicUrl).toString() : link);
  const cited = result.outcome === 'answer' && !result.intent ? result.citations : [];
  const lines = answerLines(result, publicUrl);
  // Teams shows a citation per "[n]" in the text; a quote is cited once, after it.
  if (cited.length > 0 && !result.generated) lines[0] = `${lines[0]} [1]`;
  const message = MessageFactory.text(lines.join('\n'));
  message.textFormat = 'markdown';
  if (result.generated || cited.length > 0) {
    message.entities = [
      {
        type: 'https://schema.org/Message',
        '@type': 'Message',
        '@context': 'https://schema.org',
        '@id': '',
        ...(result.generated ? { additionalType: ['AIGeneratedContent'] } : {}),
        citation: cited.map((c, i) => ({
          '@type': 'Claim',
          position: i + 1,
          appearance: {
            '@type': 'DigitalDocument',
            name: c.heading.slice(0, 80),
            abstract: c.quote.length > 160 ? `${c.quote.slice(0, 159)}…` : c.quote,
            ...(publicUrl ? { url: absolute(`/tab/#visie/${c.sectionId}`) } : {}),
          },
        })),
      },
    ];
  }
  // Teams' own thumbs under an answer (one-on-one and group chats); the bot keeps what is given (bot.ts).
  if (cited.length > 0) message.channelData = { feedbackLoopEnabled: true };
  return message;
}

function answerLines(result: AskResponse, publicUrl: string | undefined): string[] {
  const t = labels[result.language];
  const absolute = (link: string) => (publicUrl ? new URL(link, publicUrl).toString() : link);
  const lines: string[] = [result.answer];
  const citation = result.citations[0];
  if (result.outcome === 'answer' && citation) {
    lines.push(
      '',
      `${t.source}: *${citation.heading}*${result.link ? ` — [${t.readMore}](${absolute(result.link)})` : ''}`,
    );
  }
  if (result.outcome === 'suggest' && result.suggestions?.length) {
    lines.push('', ...result.suggestions.map((s) => `- [${s.heading}](${absolute(s.link)})`));
  }
  return lines;
}

/** The check, the scan or help as the front door describes them; with what the vision says where it answered too. */
export function routedMessage(result: CheckOutcome | ScanOutcome | HelpOutcome, publicUrl: string | undefined) {
  const lines = [result.answer];
  if (result.outcome === 'check' && result.check.vision) {
    lines.push('', `**${labels[result.language].visionSays}:**`, ...answerLines(result.check.vision, publicUrl));
  }
  const message = MessageFactory.text(lines.join('\n'));
  message.textFormat = 'markdown';
  return message;
}
