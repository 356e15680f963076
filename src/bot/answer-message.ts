import { MessageFactory, type Activity } from 'botbuilder';
import type { AskResult } from '../vision/index.js';

const labels = {
  nl: {
    source: 'Bron',
    readMore: 'Lees het in de AI-visie',
    choose: 'Bedoel je een van deze onderdelen?',
    generated: 'Door AI gegenereerd',
  },
  en: {
    source: 'Source',
    readMore: 'Read it in the AI vision',
    choose: 'Do you mean one of these sections?',
    generated: 'AI-generated',
  },
} as const;

/**
 * A vision answer as a Teams message: the answer, the quoted section as its source with a link into the tab,
 * or the sections to choose from. Generated text carries the AI label (AI Act article 50); quotes never do.
 */
export function answerMessage(result: AskResult, publicUrl: string | undefined): Partial<Activity> {
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
  const message = MessageFactory.text(lines.join('\n'));
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
