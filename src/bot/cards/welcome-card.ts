import type { Lang } from '../../lang.js';
import { adaptiveCard, heading, messageBackAction, textBlock, type Element } from './elements.js';
import { cardTexts } from './texts.js';

/**
 * The one welcome of an install: what AI-wijzer does, that it is an AI system answering only from the vision and the
 * municipality's rules (AI Act art. 50), and a button for each of its three jobs; each button sends the command, as if
 * the person typed it.
 */
export function welcomeCard(lang: Lang): Element {
  const t = cardTexts[lang];
  return adaptiveCard(
    [
      heading(t.welcomeTitle, 'Large'),
      textBlock(t.welcomeWho),
      textBlock(t.welcomeAsk),
      textBlock(t.welcomeCheck),
      textBlock(t.welcomeScan),
    ],
    {
      actions: [
        messageBackAction(t.welcomeButtons.ask, t.welcomeCommands.ask),
        messageBackAction(t.welcomeButtons.check, t.welcomeCommands.check),
        messageBackAction(t.welcomeButtons.scan, t.welcomeCommands.scan),
      ],
      fallbackText: `${t.welcomeTitle}. ${t.welcomeWho}`,
    },
  );
}
