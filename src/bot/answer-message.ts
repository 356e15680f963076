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
  const message = MessageFactory.text(answerLines(result, publicUrl).join('\n'));
  message.textFormat = 'markdown';
  if (result.generated) {
    message.entities = [
      {
        type: 'https://schema.org/Message',
        '@type': 'Message',
        '@context': 'https://schema.org',
        '@id': '',
        additionalType: ['AIGeneratedContent'],
      },
    ];
  }
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
