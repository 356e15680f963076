import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AskCitation, AskResponse, CheckOutcome, HelpOutcome, ScanOutcome } from '../api/ask.js';
import { abstainCard, answerCard, suggestCard } from './cards/answer-card.js';
import type { Element } from './cards/elements.js';
import { cardTexts } from './cards/texts.js';
import { visionLink, type LinkTargets } from './deep-link.js';

/**
 * A vision answer as Teams messages. An answer is a line of text that cites the vision (or the generated answer with
 * its own markers), followed by a card with the quote and its section (`cards/answer-card.ts`); suggestions and an
 * abstention are a card each; small talk stays text. Generated text carries the AI label (AI Act article 50); the
 * card holds only the vision's own words and never does.
 *
 * Why two messages: Teams draws its citations (the `[n]` marker and the pop-up with the section, the excerpt and the
 * link) from a message's `text` and its `Message` entity, never from a card: Adaptive Cards 1.5 have no citation
 * syntax (Teams' in-card citations are a newer extension). And an activity with both text and a card is shown by Teams
 * as two messages (msteams-docs issues 1998 and 2594; the Agents Playground does the same, copying the entity and the
 * feedback loop to both). So the bot sends the two itself: the text with the citation entity, the AI label where it
 * applies and `feedbackLoopEnabled` (one pair of thumbs), then the card with the quote, shown once, and its links.
 */
export function answerMessages(result: AskResponse, targets: LinkTargets): Partial<Activity>[] {
  const cited = result.outcome === 'answer' && !result.intent ? result.citations : [];
  if (cited.length > 0) return citedAnswer(result, cited, targets);
  if (result.outcome === 'suggest' && result.suggestions?.length) return [cardMessage(suggestCard(result, targets))];
  if (result.outcome === 'abstain') return [cardMessage(abstainCard(result))];
  const message = MessageFactory.text(result.answer);
  message.textFormat = 'markdown';
  if (result.generated) message.entities = [messageEntity(result, [], targets)];
  return [message];
}

function citedAnswer(result: AskResponse, cited: AskCitation[], targets: LinkTargets): Partial<Activity>[] {
  // A generated answer cites with markers of its own; a quote is cited once, by the line above its card.
  const message = MessageFactory.text(
    result.generated ? result.answer : `${cardTexts[result.language].answerIntro} [1]`,
  );
  message.textFormat = 'markdown';
  message.entities = [messageEntity(result, result.generated ? cited : cited.slice(0, 1), targets)];
  // Teams' own thumbs under an answer (one-on-one and group chats); the bot keeps what is given (bot.ts).
  message.channelData = { feedbackLoopEnabled: true };
  return [message, cardMessage(answerCard(result, targets))];
}

function cardMessage(card: Element): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Teams' `Message` entity: the AI label for generated text, and a citation per `[n]` in the text. */
function messageEntity(result: AskResponse, cited: AskCitation[], targets: LinkTargets) {
  // The citation's title links only where the link is absolute: a Teams deep link or the public address.
  const linked = Boolean(targets.teamsAppId || targets.publicUrl);
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(result.generated ? { additionalType: ['AIGeneratedContent'] } : {}),
    ...(cited.length > 0
      ? {
          citation: cited.map((c, i) => ({
            '@type': 'Claim',
            position: i + 1,
            appearance: {
              '@type': 'DigitalDocument',
              name: c.heading.slice(0, 80),
              abstract: c.quote.length > 160 ? `${c.quote.slice(0, 159)}…` : c.quote,
              ...(linked ? { url: visionLink(targets, c.sectionId) } : {}),
            },
          })),
        }
      : {}),
  };
}

/** The check, the scan or help as the front door describes them (a check's vision answer goes as its own message). */
export function routedMessage(result: CheckOutcome | ScanOutcome | HelpOutcome): Partial<Activity> {
  const message = MessageFactory.text(result.answer);
  message.textFormat = 'markdown';
  return message;
}
