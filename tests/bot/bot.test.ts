import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import type { FrontDoorResponse } from '../../src/api/ask.js';
import { createApplication } from '../../src/app/index.js';
import { AiWijzerBot, type BotCapabilities } from '../../src/bot/bot.js';
import { loadConfig } from '../../src/config.js';
import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';
import { createLogger } from '../../src/log.js';

const contact = 'het AI-team (ai@groningen.nl)';
// The real application, without a store: the bot asks the same front door as the tab and the CLI.
const app = createApplication({ config: loadConfig({ PRIVACY_CONTACT: contact }), logger: createLogger('silent') });
const capabilities: BotCapabilities = {
  frontDoor: app.frontDoor,
  checks: app.checks,
  feedback: app.feedback,
  callerFor: app.callerFor,
  scans: app.scans,
  notices: app.notices,
  publicUrl: 'https://ai-wijzer.groningen.nl',
};

function botWith(caps: BotCapabilities = capabilities) {
  return new AiWijzerBot(new ConversationState(new MemoryStorage()), caps);
}

function adapterFor(bot: AiWijzerBot) {
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = async (_c, e) => {
    throw e;
  };
  return adapter;
}

type Card = { type: string; text?: string; body?: Card[]; items?: Card[]; actions?: { type: string; url?: string }[] };
const cardElements = (e: Card): Card[] => [
  e,
  ...(e.body ?? []).flatMap(cardElements),
  ...(e.items ?? []).flatMap(cardElements),
];
const cardTexts = (card: Card) => cardElements(card).flatMap((e) => (e.text === undefined ? [] : [e.text]));
const cardActions = (card: Card) => cardElements(card).flatMap((e) => e.actions ?? []);

const personal = (extra: Partial<Activity>): Partial<Activity> => ({
  conversation: { id: 'conv-1', conversationType: 'personal', isGroup: false, name: '' },
  recipient: { id: 'bot', name: 'AI-wijzer' },
  from: { id: 'user-1', name: 'Medewerker' },
  ...extra,
});

describe('AiWijzerBot', () => {
  it('welcomes in Dutch once per conversation when the app is installed', async () => {
    const bot = botWith();
    const install = personal({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'bot', name: 'AI-wijzer' }],
    });
    const replies: string[] = [];
    const adapter = adapterFor(bot);
    await adapter.send(install).assertReply((a) => {
      const card = a.attachments?.[0]?.content as { body: { text?: string }[]; actions: { data: unknown }[] };
      expect(adaptiveCardProblems(card)).toEqual([]);
      replies.push(card.body.map((b) => b.text ?? '').join('\n'));
      // One button per job, each sending its command as if typed.
      expect(card.actions.map((x) => x.data)).toEqual(
        ['vraag', 'check', 'scan'].map((value) => ({ msteams: { type: 'imBack', value } })),
      );
    });
    await adapter
      .send(install)
      .send('help')
      .assertReply((a) => {
        replies.push(a.text ?? '');
      });
    expect(replies[0]).toContain('Welkom bij AI-wijzer');
    expect(replies[0]).toContain('een AI-systeem, geen mens (AI-verordening, artikel 50)');
    // The second install was silent: the next reply is the answer to "help".
    expect(replies[1]).toContain('Dit kan AI-wijzer voor je doen');
  });

  it('does not greet in a team channel when another member joins', async () => {
    const join: Partial<Activity> = {
      type: ActivityTypes.ConversationUpdate,
      conversation: { id: 'channel-1', conversationType: 'channel', isGroup: true, name: '' },
      recipient: { id: 'bot', name: 'AI-wijzer' },
      membersAdded: [{ id: 'user-2', name: 'Nieuwe collega' }],
    };
    await adapterFor(botWith())
      .send(join)
      .send('help')
      .assertReply((a) => expect(a.text).toContain('Dit kan AI-wijzer voor je doen'));
  });

  it('answers help in Dutch, also with a mention and punctuation, and in English for an English client', async () => {
    await adapterFor(botWith())
      .send('<at>AI-wijzer</at> Help!')
      .assertReply((a) => expect(a.text).toContain('Vraag het de visie'))
      .send(personal({ type: ActivityTypes.Message, text: 'help', locale: 'en-US' }))
      .assertReply((a) => expect(a.text).toContain('Ask the vision'));
  });

  it('answers an empty message (an attachment alone) with what it can do', async () => {
    await adapterFor(botWith())
      .send(personal({ type: ActivityTypes.Message, text: '', attachments: [{ contentType: 'image/png' }] }))
      .assertReply((a) => expect(a.text).toContain('Dit kan AI-wijzer voor je doen'));
  });
});

describe('AiWijzerBot through the front door', () => {
  it('gives the same answer as the front door: a line that cites the vision, then the quote and its section', async () => {
    const question = 'Wat verstaat de gemeente onder kunstmatige intelligentie?';
    const expected = await app.frontDoor.ask({ question }, 'nl');
    if (expected.outcome !== 'answer') throw new Error(`expected an answer, got ${expected.outcome}`);
    const [citation] = expected.citations;
    await adapterFor(botWith())
      .send(question)
      .assertReply((a) => {
        // The quote is cited as Teams shows citations, and not labelled AI-generated: it is the vision's own text.
        expect(a.text).toBe('Dit zegt de AI-visie erover [1]');
        const [entity] = (a.entities ?? []) as unknown as {
          additionalType?: string[];
          citation: { position: number; appearance: { name: string; abstract: string; url: string } }[];
        }[];
        expect(entity?.additionalType).toBeUndefined();
        expect(entity?.citation).toEqual([
          expect.objectContaining({
            position: 1,
            appearance: expect.objectContaining({
              name: citation!.heading,
              url: `https://ai-wijzer.groningen.nl/tab/#visie/${citation!.sectionId}`,
            }),
          }),
        ]);
        expect(entity!.citation[0]!.appearance.abstract.length).toBeLessThanOrEqual(160);
        expect(a.channelData).toEqual({ feedbackLoopEnabled: true });
      })
      .assertReply((a) => {
        const card = a.attachments?.[0]?.content as Card;
        expect(adaptiveCardProblems(card)).toEqual([]);
        expect(cardTexts(card)).toEqual(expect.arrayContaining([citation!.heading, expected.answer]));
        // Without TEAMS_APP_ID the link goes to the tab's page at PUBLIC_URL; then the answer's "zie ook" sections.
        expect(cardActions(card)).toEqual([
          {
            type: 'Action.OpenUrl',
            title: 'Lees het in de AI-visie',
            url: `https://ai-wijzer.groningen.nl/tab/#visie/${citation!.sectionId}`,
          },
          ...(expected.seeAlso ?? []).map((s) => ({
            type: 'Action.OpenUrl',
            title: s.heading,
            url: `https://ai-wijzer.groningen.nl/tab/#visie/${s.sectionId}`,
          })),
        ]);
      });
  });

  it('links into the personal tab in Teams when it knows the Teams app id', async () => {
    const teamsAppId = '6f1c2b0a-3d4e-4f5a-8b9c-0d1e2f3a4b5c';
    const deepLink = (section: string) =>
      `https://teams.microsoft.com/l/entity/${teamsAppId}/ai-wijzer?context=${encodeURIComponent(
        JSON.stringify({ subEntityId: `visie/${section}` }),
      )}`;
    await adapterFor(botWith({ ...capabilities, teamsAppId }))
      .send('Wat zegt de visie over privacy?')
      .assertReply((a) => expect(a.text).toContain('[1]'))
      .assertReply((a) => {
        expect(cardActions(a.attachments?.[0]?.content as Card).map((x) => x.url)).toEqual([deepLink('privacy')]);
      })
      .send('risico')
      .assertReply((a) => {
        const urls = cardActions(a.attachments?.[0]?.content as Card).map((x) => x.url);
        expect(urls.length).toBeGreaterThan(1);
        for (const url of urls) expect(url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
      });
  });

  it('says plainly when the vision does not answer, and who to ask', async () => {
    await adapterFor(botWith())
      .send('Hoe vraag ik een parkeervergunning aan?')
      .assertReply((a) => {
        const text = cardTexts(a.attachments?.[0]?.content as Card).join('\n');
        expect(text).toContain('Dat staat niet in de AI-visie');
        expect(text).toContain(contact);
      });
  });

  it("sends the vision's own answer before the check card, for a tool without a task", async () => {
    await adapterFor(botWith())
      .send('kan ik een BSN in chatgpt zetten')
      .assertReply((a) => expect(a.text).toBe('Dit zegt de AI-visie erover [1]'))
      .assertReply((a) => {
        expect(cardActions(a.attachments?.[0]?.content as Card)[0]?.url).toContain('/tab/#visie/privacy');
      })
      .assertReply((a) =>
        expect(cardTexts(a.attachments?.[0]?.content as Card)).toContain('AI-check: mag ik dit gebruiken?'),
      );
  });

  it('sends "check" to the check card and "scan" to the scan', async () => {
    await adapterFor(botWith())
      .send('check')
      .assertReply((a) => expect(a.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive'))
      .send('scan')
      .assertReply((a) => expect(a.text).toContain('datahygiëne-scan'));
  });

  it('offers to scan the team\'s files when "scan" is said in a team channel, with a Teams link to Datahygiëne', async () => {
    const inChannel = (text: string, locale: string): Partial<Activity> => ({
      type: ActivityTypes.Message,
      text: `<at>AI-wijzer</at> ${text}`,
      locale,
      conversation: { id: 'channel-1', conversationType: 'channel', isGroup: true, name: '' },
      recipient: { id: 'bot', name: 'AI-wijzer' },
      from: { id: 'user-1', name: 'Medewerker' },
    });
    const appId = '00000000-0000-4000-8000-000000000abc';
    await adapterFor(botWith({ ...capabilities, teamsAppId: appId }))
      .send(inChannel('scan', 'nl-NL'))
      .assertReply((a) => expect(a.text).toContain('datahygiëne-scan'))
      .assertReply((a) => {
        expect(a.text).toContain('kies dit team en start de scan');
        const link = /\((https:\/\/teams\.microsoft\.com\/l\/entity\/[^)]+)\)/.exec(a.text ?? '')![1]!;
        const url = new URL(link);
        expect(url.pathname).toBe(`/l/entity/${appId}/ai-wijzer`);
        expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'scan' });
      })
      .send(inChannel('scan our files', 'en-US'))
      .assertReply(() => undefined)
      .assertReply((a) => expect(a.text).toContain('choose this team and start the scan'));
  });

  it('labels generated text as AI-generated for Teams', async () => {
    const generated: FrontDoorResponse = {
      question: 'q',
      language: 'nl',
      outcome: 'answer',
      answer: 'Een samenvatting [1].',
      generated: true,
      confidence: 0.8,
      visionVersion: 'v',
      citations: [{ sectionId: 'privacy', heading: 'Privacy', quote: 'x' }],
      link: '/tab/#visie/privacy',
    };
    await adapterFor(botWith({ ...capabilities, publicUrl: undefined, frontDoor: { ask: async () => generated } }))
      .send('vraag')
      .assertReply((a) => {
        expect(a.entities).toEqual([expect.objectContaining({ additionalType: ['AIGeneratedContent'] })]);
        expect(a.text).toBe('Een samenvatting [1].');
      })
      .assertReply((a) => {
        // The quotes under a generated answer are the vision's own words: no AI label on their card.
        expect(a.entities).toBeUndefined();
        expect(cardActions(a.attachments?.[0]?.content as Card).map((x) => x.url)).toEqual(['/tab/#visie/privacy']);
      });
  });

  it('asks for a shorter message instead of searching one over 500 characters', async () => {
    await adapterFor(botWith())
      .send('ai '.repeat(200))
      .assertReply((a) => expect(a.text).toContain('hoogstens 500 tekens'));
  });
});
