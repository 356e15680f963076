import type { AskResponse } from '../../api/ask.js';
import { visionLink, type LinkTargets } from '../deep-link.js';
import { actionSet, adaptiveCard, container, heading, openUrlAction, textBlock, type Element } from './elements.js';
import { cardTexts } from './texts.js';

/**
 * The vision's answer (outcome `answer`): the quote, once, marked as the vision's own words (under a generated answer
 * too), its section, a button that opens the tab at that section, and as "Zie ook" the other sections the answer cites and
 * those that also match (`seeAlso`).
 */
export function answerCard(result: AskResponse, targets: LinkTargets): Element {
  const t = cardTexts[result.language];
  const [cited, ...others] = result.citations;
  if (!cited) throw new Error('an answer card needs the citation it quotes');
  const body: Element[] = [
    textBlock(t.verbatim, { isSubtle: true, size: 'Small' }),
    heading(cited.heading),
    container([textBlock(cited.quote)], { style: 'emphasis', spacing: 'Small' }),
    actionSet([openUrlAction(t.readMore, visionLink(targets, cited.sectionId))]),
  ];
  // A question about a whole ("wat zijn de kernwaarden"): each part with its first sentence, the vision's words too.
  const parts = result.generated ? [] : others;
  if (parts.length > 0)
    body.splice(
      3,
      0,
      container(
        // Each part's heading links to its section in the tab (Teams renders Markdown links in a TextBlock).
        parts.map((c) => textBlock(`**[${c.heading}](${visionLink(targets, c.sectionId)})**: ${c.quote}`)),
        { style: 'emphasis', spacing: 'Small' },
      ),
    );
  // The parts are on the card already; a button for each again would only make it long.
  const shown = new Set([cited.sectionId, ...parts.map((c) => c.sectionId)]);
  // Other cited sections (a generated answer) and the sections that also match (the engine's seeAlso), once each.
  const seeAlso = [...others, ...(result.seeAlso ?? [])].filter(
    (c) => !shown.has(c.sectionId) && shown.add(c.sectionId),
  );
  if (seeAlso.length > 0) {
    body.push(
      textBlock(t.seeAlso, { weight: 'Bolder', spacing: 'Medium' }),
      actionSet(seeAlso.map((c) => openUrlAction(c.heading, visionLink(targets, c.sectionId)))),
    );
  }
  return adaptiveCard(body, {
    fallbackText: [`${cited.heading}: ${cited.quote}`, ...parts.map((c) => `- ${c.heading}: ${c.quote}`)].join('\n'),
  });
}

/** Sections to choose from (outcome `suggest`): the answer text (which names whom to ask too), a button per section. */
export function suggestCard(result: AskResponse, targets: LinkTargets): Element {
  const suggestions = result.suggestions ?? [];
  const body = [textBlock(result.answer)];
  if (suggestions.length > 0)
    body.push(actionSet(suggestions.map((s) => openUrlAction(s.heading, visionLink(targets, s.sectionId)))));
  return adaptiveCard(body, {
    fallbackText: [result.answer, ...suggestions.map((s) => `- ${s.heading}`)].join('\n'),
  });
}

/** The vision does not answer (outcome `abstain`): it says so, and whom to ask (the answer text names them). */
export function abstainCard(result: AskResponse): Element {
  return adaptiveCard([container([textBlock(result.answer)], { style: 'emphasis' })], { fallbackText: result.answer });
}
