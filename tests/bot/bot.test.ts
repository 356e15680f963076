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
  it('gives the same answer as the front door, with its source and a link into the tab', async () => {
    const question = 'Wat verstaat de gemeente onder kunstmatige intelligentie?';
    const expected = await app.frontDoor.ask({ question }, 'nl');
    if (expected.outcome !== 'answer') throw new Error(`expected an answer, got ${expected.outcome}`);
    await adapterFor(botWith())
      .send(question)
      .assertReply((a) => {
        expect(a.text).toContain(expected.answer);
        expect(a.text).toContain(`Bron: *${expected.citations[0]!.heading}*`);
        expect(a.text).toContain(`(https://ai-wijzer.groningen.nl${expected.link})`);
        // The quote is cited as Teams shows citations, and not labelled AI-generated: it is the vision's own text.
        expect(a.text).toContain(`${expected.answer} [1]`);
        const [entity] = (a.entities ?? []) as unknown as {
          additionalType?: string[];
          citation: { position: number; appearance: { name: string; abstract: string; url: string } }[];
        }[];
        expect(entity?.additionalType).toBeUndefined();
        expect(entity?.citation).toEqual([
          expect.objectContaining({
            position: 1,
            appearance: expect.objectContaining({
              name: expected.citations[0]!.heading,
              url: `https://ai-wijzer.groningen.nl/tab/#visie/${expected.citations[0]!.sectionId}`,
            }),
          }),
        ]);
        expect(entity!.citation[0]!.appearance.abstract.length).toBeLessThanOrEqual(160);
        expect(a.channelData).toEqual({ feedbackLoopEnabled: true });
      });
  });

  it('says plainly when the vision does not answer, and who to ask', async () => {
    await adapterFor(botWith())
      .send('Hoe vraag ik een parkeervergunning aan?')
      .assertReply((a) => {
        expect(a.text).toContain('Dat staat niet in de AI-visie');
        expect(a.text).toContain(contact);
      });
  });

  it('sends "check" to the check card and "scan" to the scan', async () => {
    await adapterFor(botWith())
      .send('check')
      .assertReply((a) => expect(a.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive'))
      .send('scan')
      .assertReply((a) => expect(a.text).toContain('datahygiëne-scan'));
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
        expect(a.text).not.toContain('[1] [1]');
        expect(a.text).toContain('[Lees het in de AI-visie](/tab/#visie/privacy)');
      });
  });

  it('asks for a shorter message instead of searching one over 500 characters', async () => {
    await adapterFor(botWith())
      .send('ai '.repeat(200))
      .assertReply((a) => expect(a.text).toContain('hoogstens 500 tekens'));
  });
});
