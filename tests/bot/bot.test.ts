import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { AiWijzerBot } from '../../src/bot/bot.js';

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
    const install = personal({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'AI-wijzer' }] });
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
    await adapter.send(install).send('help').assertReply((a) => {
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
    await adapterFor(bot).send(join).send('help').assertReply((a) => expect(a.text).toContain('Dit kan ik voor je doen'));
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
