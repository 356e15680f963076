import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { languageOf, texts } from './texts.js';

const helpWords = new Set(['help', 'hulp', '?', 'menu', 'wat kun je', 'wat kan je']);

/** The AI-wijzer bot: greets new users once per conversation and answers "help". */
export class AiWijzerBot extends ActivityHandler {
  private readonly greeted: StatePropertyAccessor<boolean>;

  constructor(private readonly conversationState: ConversationState) {
    super();
    this.greeted = conversationState.createProperty<boolean>('greeted');

    // Greet once per conversation: when the app is installed (the bot itself is added) or, in a personal
    // chat, when the user joins. New members of a team are not greeted in the channel, which would be noise.
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      const personal = context.activity.conversation?.conversationType === 'personal';
      const welcome = added.some((m) => m.id === botId) || (personal && added.some((m) => m.id !== botId));
      if (welcome && !(await this.greeted.get(context, false))) {
        await context.sendActivity(texts[languageOf(context.activity.locale)].welcome);
        await this.greeted.set(context, true);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const lang = languageOf(context.activity.locale);
      const said = normalise(context.activity.text ?? '');
      await context.sendActivity(helpWords.has(said) ? texts[lang].help : texts[lang].unknown);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

/** Teams prefixes "<at>AI-wijzer</at>" in channels; strip mentions, punctuation and case. */
function normalise(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, '')
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
}
