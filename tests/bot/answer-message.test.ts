import type { Activity } from 'botbuilder';
import { isVisionAnswer, type AskResponse } from '../../src/api/ask.js';
import { createApplication } from '../../src/app/index.js';
import { answerMessages } from '../../src/bot/answer-message.js';
import type { LinkTargets } from '../../src/bot/deep-link.js';
import { loadConfig } from '../../src/config.js';
import type { Lang } from '../../src/lang.js';
import { createLogger } from '../../src/log.js';
import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';

const contact = 'het AI-team (ai@groningen.nl)';
// The real front door, without a store: the answers are the ones the bot gets.
const app = createApplication({ config: loadConfig({ PRIVACY_CONTACT: contact }), logger: createLogger('silent') });
const teamsAppId = '6f1c2b0a-3d4e-4f5a-8b9c-0d1e2f3a4b5c';
const publicUrl = 'https://ai-wijzer.groningen.nl';
const inTeams: LinkTargets = { teamsAppId, publicUrl };

async function visionAnswer(question: string, lang: Lang, outcome: AskResponse['outcome']): Promise<AskResponse> {
  const result = await app.frontDoor.ask({ question }, lang);
  if (!isVisionAnswer(result) || result.outcome !== outcome)
    throw new Error(`"${question}" should be ${outcome}, got ${result.outcome}`);
  return result;
}

type CardAction = { type: string; title: string; url?: string };
type CardElement = { type: string; text?: string; version?: string; items?: CardElement[]; body?: CardElement[] } & {
  actions?: CardAction[];
};

/** The one Adaptive Card of a message, checked by the official parser as Teams reads it. */
function cardOf(message: Partial<Activity>): CardElement {
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments!;
  expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachment!.content as CardElement;
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(card.version).toBe('1.5');
  return card;
}

const elementsOf = (e: CardElement): CardElement[] => [
  e,
  ...(e.body ?? []).flatMap(elementsOf),
  ...(e.items ?? []).flatMap(elementsOf),
];
const textsOf = (card: CardElement) => elementsOf(card).flatMap((e) => (e.text === undefined ? [] : [e.text]));
const actionsOf = (card: CardElement) => elementsOf(card).flatMap((e) => e.actions ?? []);

/** The section a Teams deep link opens: its context's subEntityId. */
function sectionOpenedBy(link: string | undefined): string {
  const url = new URL(link ?? '');
  expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${teamsAppId}/ai-wijzer`);
  return (JSON.parse(url.searchParams.get('context')!) as { subEntityId: string }).subEntityId;
}

type MessageEntity = {
  type: string;
  additionalType?: string[];
  citation?: { position: number; appearance: { name: string; abstract: string; url?: string } }[];
};
const entityOf = (message: Partial<Activity>) => (message.entities ?? []) as unknown as MessageEntity[];

/** An answer: the message that cites it, then the card with the quote, which carries no entity and no thumbs. */
function answerOf(result: AskResponse, targets: LinkTargets) {
  const [message, withCard, ...more] = answerMessages(result, targets);
  expect(more).toEqual([]);
  expect(message!.attachments ?? []).toEqual([]);
  expect(withCard!.text).toBeUndefined();
  expect(withCard!.entities).toBeUndefined();
  expect(withCard!.channelData).toBeUndefined();
  return { message: message!, card: cardOf(withCard!) };
}

/** A suggestion, an abstention or small talk: one message. */
function onlyMessage(result: AskResponse, targets: LinkTargets) {
  const messages = answerMessages(result, targets);
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

const occurrences = (texts: (string | undefined)[], part: string) =>
  texts.reduce((n, t) => n + (t?.split(part).length ?? 1) - 1, 0);

describe('a vision answer in Teams', () => {
  it.each([
    ['nl', 'Wat zegt de visie over privacy?', 'Dit zegt de AI-visie erover [1]', 'Lees het in de AI-visie'],
    [
      'en',
      'What does the vision say about privacy?',
      'This is what the AI vision says [1]',
      'Read it in the AI vision',
    ],
  ] as const)(
    'answers in %s with a line that cites the vision, then a card: the quote once, its section, a deep link there',
    async (lang, q, line, read) => {
      const result = await visionAnswer(q, lang, 'answer');
      const [citation] = result.citations;
      const { message, card } = answerOf(result, inTeams);
      // The text only points to the card and carries Teams' citation marker; the quote is in the card, once.
      expect(message.text).toBe(line);
      expect(occurrences([message.text, ...textsOf(card)], citation!.quote)).toBe(1);
      expect(textsOf(card)).toContain(citation!.heading);
      const [button, ...more] = actionsOf(card);
      expect(more).toEqual([]);
      expect(button).toMatchObject({ type: 'Action.OpenUrl', title: read });
      expect(sectionOpenedBy(button!.url)).toBe(`visie/${citation!.sectionId}`);
      // Teams' citation and its thumbs stay; a quote is the vision's own text, so no AI label.
      const [entity, ...others] = entityOf(message);
      expect(others).toEqual([]);
      expect(entity!.additionalType).toBeUndefined();
      expect(entity!.citation).toEqual([
        {
          '@type': 'Claim',
          position: 1,
          appearance: expect.objectContaining({ '@type': 'DigitalDocument', name: citation!.heading }),
        },
      ]);
      expect(sectionOpenedBy(entity!.citation![0]!.appearance.url)).toBe(`visie/${citation!.sectionId}`);
      expect(entity!.citation![0]!.appearance.abstract.length).toBeLessThanOrEqual(160);
      expect(message.channelData).toEqual({ feedbackLoopEnabled: true });
    },
  );

  it('links to the tab page without TEAMS_APP_ID (local development), relative without PUBLIC_URL too', async () => {
    const result = await visionAnswer('Wat zegt de visie over privacy?', 'nl', 'answer');
    const withPage = answerOf(result, { publicUrl });
    expect(actionsOf(withPage.card)[0]!.url).toBe(`${publicUrl}/tab/#visie/privacy`);
    expect(entityOf(withPage.message)[0]!.citation![0]!.appearance.url).toBe(`${publicUrl}/tab/#visie/privacy`);
    const local = answerOf(result, {});
    expect(actionsOf(local.card)[0]!.url).toBe('/tab/#visie/privacy');
    // A citation's title links only to an address Teams can open.
    expect(entityOf(local.message)[0]!.citation![0]!.appearance.url).toBeUndefined();
    expect(local.message.channelData).toEqual({ feedbackLoopEnabled: true });
  });

  it('shows the other sections that also match under an answer as "Zie ook", each a button that opens it', async () => {
    const result = await visionAnswer('gegevens', 'nl', 'answer');
    expect(result.seeAlso?.length).toBeGreaterThan(0);
    const { card } = answerOf(result, inTeams);
    expect(textsOf(card)).toContain('Zie ook');
    const [read, ...seeAlso] = actionsOf(card);
    expect(sectionOpenedBy(read!.url)).toBe(`visie/${result.citations[0]!.sectionId}`);
    expect(seeAlso.map((b) => [b.title, sectionOpenedBy(b.url)])).toEqual(
      result.seeAlso!.map((s) => [s.heading, `visie/${s.sectionId}`]),
    );
  });

  it('answers a question about a whole with each part and its first sentence in the card', async () => {
    const result = await visionAnswer('Wat zijn de kernwaarden?', 'nl', 'answer');
    const [intro, ...parts] = result.citations;
    expect(parts.length).toBeGreaterThan(1);
    const { card } = answerOf(result, inTeams);
    expect(textsOf(card)).toContain(intro!.quote);
    // Each part once, its heading a link to its section; one button, to the whole's section (no button per part).
    for (const part of parts) {
      const line = /\*\*\[([^\]]+)\]\(([^)]+)\)\*\*: (.*)/.exec(
        textsOf(card).find((text) => text.includes(part.quote)) ?? '',
      );
      expect(line?.[1]).toBe(part.heading);
      expect(sectionOpenedBy(line?.[2])).toBe(`visie/${part.sectionId}`);
      expect(line?.[3]).toBe(part.quote);
    }
    expect(occurrences(textsOf(card), parts[0]!.quote)).toBe(1);
    expect(actionsOf(card).map((b) => sectionOpenedBy(b.url))).toEqual([`visie/${intro!.sectionId}`]);
  });

  it.each([
    ['nl', 'risico'],
    ['en', 'information'],
  ] as const)('offers sections to choose from (%s) as a card with a button that opens each', async (lang, q) => {
    const result = await visionAnswer(q, lang, 'suggest');
    const message = onlyMessage(result, inTeams);
    const card = cardOf(message);
    expect(textsOf(card)).toContain(result.answer);
    expect(result.answer).toContain(contact);
    const buttons = actionsOf(card);
    expect(buttons.map((b) => b.type)).toEqual(result.suggestions!.map(() => 'Action.OpenUrl'));
    expect(buttons.map((b) => b.title)).toEqual(result.suggestions!.map((s) => s.heading));
    expect(buttons.map((b) => sectionOpenedBy(b.url))).toEqual(result.suggestions!.map((s) => `visie/${s.sectionId}`));
    expect(buttons.length).toBeGreaterThan(1);
    // Not an answer: no citation, no thumbs.
    expect(message.entities).toBeUndefined();
    expect(message.channelData).toBeUndefined();
    const local = onlyMessage(result, { publicUrl });
    expect(actionsOf(cardOf(local)).map((b) => b.url)).toEqual(
      result.suggestions!.map((s) => `${publicUrl}/tab/#visie/${s.sectionId}`),
    );
  });

  it.each([
    ['nl', 'Hoe vraag ik een parkeervergunning aan?', 'Dat staat niet in de AI-visie.'],
    ['en', 'How do I apply for a parking permit?', 'That is not in the AI vision.'],
  ] as const)(
    'says plainly (%s) that the vision does not answer, and whom to ask, in a card',
    async (lang, q, says) => {
      const result = await visionAnswer(q, lang, 'abstain');
      const message = onlyMessage(result, inTeams);
      const text = textsOf(cardOf(message)).join('\n');
      expect(text).toContain(says);
      expect(text).toContain(contact);
      expect(message.entities).toBeUndefined();
      expect(message.channelData).toBeUndefined();
    },
  );

  it('keeps small talk plain text', async () => {
    const result = await app.frontDoor.ask({ question: 'hallo' }, 'nl');
    if (!isVisionAnswer(result)) throw new Error('hallo is small talk of the vision');
    expect(result.intent).toBe('greeting');
    const message = onlyMessage(result, inTeams);
    expect(message.attachments ?? []).toEqual([]);
    expect(message.text).toBe(result.answer);
    expect(message.channelData).toBeUndefined();
  });

  it('labels a generated answer as AI-generated, cites each section, and shows the others as "Zie ook"', () => {
    const quote = (id: string) => `Wat de visie over ${id} zegt.`;
    const generated: AskResponse = {
      question: 'q',
      language: 'nl',
      outcome: 'answer',
      answer: 'Een samenvatting [1], met meer [2].',
      generated: true,
      confidence: 0.8,
      visionVersion: 'v',
      citations: ['privacy', 'transparantie', 'privacy'].map((id) => ({
        sectionId: id,
        heading: id,
        quote: quote(id),
      })),
      link: '/tab/#visie/privacy',
    };
    const { message, card } = answerOf(generated, inTeams);
    // The generated text is the message's own, under the AI label; the card holds the vision's words, marked as such
    // and without the label (answerOf: the card's message carries no entity).
    expect(message.text).toBe(generated.answer);
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Letterlijk uit de AI-visie', 'Zie ook', quote('privacy')]));
    expect(occurrences(textsOf(card), quote('transparantie'))).toBe(0);
    const [entity] = entityOf(message);
    expect(entity!.additionalType).toEqual(['AIGeneratedContent']);
    expect(entity!.citation!.map((c) => c.position)).toEqual([1, 2, 3]);
    // "Zie ook": the other section, once.
    expect(actionsOf(card).map((b) => [b.title, sectionOpenedBy(b.url)])).toEqual([
      ['Lees het in de AI-visie', 'visie/privacy'],
      ['transparantie', 'visie/transparantie'],
    ]);
    expect(message.channelData).toEqual({ feedbackLoopEnabled: true });
  });
});
