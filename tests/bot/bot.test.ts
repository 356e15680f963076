import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { AiWijzerBot } from '../../src/bot/bot.js';
import type { AskResult } from '../../src/vision/index.js';
import { ask, sharedVision } from '../../src/vision/index.js';

function adapterFor(bot: AiWijzerBot) {
  return new TestAdapter(async (context) => bot.run(context));
}

const personal = (extra: Partial<Activity>): Partial<Activity> => ({
  conversation: { id: 'conv-1', conversationType: 'personal', isGroup: false, name: '' },
  recipient: { id: 'bot', name: 'AI-wijzer' },
  from: { id: 'user-1', name: 'Medewerker' },
  ...extra,
});

describe('AiWijzerBot', () => {
  it('welcomes in Dutch once per conversation when the app is installed', async () => {
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()));
    const install = personal({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: 'bot', name: 'AI-wijzer' }],
    });
    const replies: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      await bot.run(context);
    });
    adapter.onTurnError = async (_c, e) => {
      throw e;
    };
    await adapter.send(install).assertReply((a) => {
      replies.push(a.text ?? '');
    });
    await adapter
      .send(install)
      .send('help')
      .assertReply((a) => {
        replies.push(a.text ?? '');
      });
    expect(replies[0]).toContain('Welkom bij **AI-wijzer**');
    expect(replies[0]).toContain('Ik ben een AI-assistent, geen mens');
    // The second install was silent: the next reply is the answer to "help".
    expect(replies[1]).toContain('Dit kan ik voor je doen');
  });

  it('does not greet in a team channel when another member joins', async () => {
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()));
    const join: Partial<Activity> = {
      type: ActivityTypes.ConversationUpdate,
      conversation: { id: 'channel-1', conversationType: 'channel', isGroup: true, name: '' },
      recipient: { id: 'bot', name: 'AI-wijzer' },
      membersAdded: [{ id: 'user-2', name: 'Nieuwe collega' }],
    };
    await adapterFor(bot)
      .send(join)
      .send('help')
      .assertReply((a) => expect(a.text).toContain('Dit kan ik voor je doen'));
  });

  it('answers help in Dutch, also with a mention and punctuation, and in English for an English client', async () => {
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()));
    await adapterFor(bot)
      .send('<at>AI-wijzer</at> Help!')
      .assertReply((a) => expect(a.text).toContain('**Vraag het de visie**'))
      .send(personal({ type: ActivityTypes.Message, text: 'help', locale: 'en-US' }))
      .assertReply((a) => expect(a.text).toContain('**Ask the vision**'));
  });

  it('says what it can do when it does not understand', async () => {
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()));
    await adapterFor(bot)
      .send('wat is het weer?')
      .assertReply((a) => expect(a.text).toBe('Dat begrijp ik nog niet. Typ **help** om te zien wat ik kan.'));
  });
});

describe('AiWijzerBot answering from the AI vision', () => {
  const contact = 'het AI-team (ai@groningen.nl)';
  const vision = sharedVision();
  const capabilities = {
    askVision: (q: string) => ask(vision, q, { contact }),
    publicUrl: 'https://ai-wijzer.groningen.nl',
  };

  it('gives the same answer as the domain function, with its source and a link into the tab', async () => {
    const question = 'Wat verstaat de gemeente onder kunstmatige intelligentie?';
    const expected = await ask(vision, question, { contact });
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()), capabilities);
    await adapterFor(bot)
      .send(question)
      .assertReply((a) => {
        expect(a.text).toContain(expected.answer);
        if (expected.outcome === 'answer') {
          expect(a.text).toContain(`Bron: *${expected.citations[0]!.heading}*`);
          expect(a.text).toContain(`(https://ai-wijzer.groningen.nl${expected.link})`);
        }
        expect(a.entities ?? []).toEqual([]);
      });
  });

  it('says plainly when the vision does not answer, and who to ask', async () => {
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()), capabilities);
    await adapterFor(bot)
      .send('Hoe vraag ik een parkeervergunning aan?')
      .assertReply((a) => {
        expect(a.text).toContain('Dat staat niet in de AI-visie');
        expect(a.text).toContain(contact);
      });
  });

  it('labels generated text as AI-generated for Teams', async () => {
    const generated: AskResult = {
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
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()), { askVision: async () => generated });
    await adapterFor(bot)
      .send('vraag')
      .assertReply((a) => {
        expect(a.entities).toEqual([expect.objectContaining({ additionalType: ['AIGeneratedContent'] })]);
        expect(a.text).toContain('[Lees het in de AI-visie](/tab/#visie/privacy)');
      });
  });

  it('asks for a shorter message instead of searching one over 500 characters', async () => {
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()), capabilities);
    await adapterFor(bot)
      .send('ai '.repeat(200))
      .assertReply((a) => expect(a.text).toContain('hoogstens 500 tekens'));
  });
});
