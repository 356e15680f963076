import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { AskResult } from '../vision/index.js';
import { answerMessage } from './answer-message.js';
import { languageOf } from '../lang.js';
import { texts } from './texts.js';

/** The domain functions the bot answers with (the same ones the tab's API and the CLI call). */
export interface BotCapabilities {
  /** Vraag het de visie: answers in the question's language unless the client's language is given. */
  askVision(question: string): Promise<AskResult>;
  publicUrl?: string;
}

const helpWords = new Set(['help', 'hulp', '?', 'menu', 'wat kun je', 'wat kan je']);

/** The AI-wijzer bot: greets new users once per conversation, answers "help", and answers questions from the AI vision. */
export class AiWijzerBot extends ActivityHandler {
  private readonly greeted: StatePropertyAccessor<boolean>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly capabilities?: BotCapabilities,
  ) {
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
      if (helpWords.has(said)) {
        await context.sendActivity(texts[lang].help);
      } else if (said.length > 0 && said.length <= 500 && this.capabilities) {
        const result = await this.capabilities.askVision(stripMentions(context.activity.text ?? ''));
        await context.sendActivity(answerMessage(result, this.capabilities.publicUrl));
      } else {
        await context.sendActivity(said.length > 500 ? texts[lang].tooLong : texts[lang].unknown);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

/** Teams prefixes "<at>AI-wijzer</at>" in channels. */
function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, '').trim();
}

/** For recognising commands: no mentions, punctuation at the end or case. */
function normalise(text: string): string {
  return stripMentions(text)
    .toLowerCase()
    .replace(/[.!]+$/, '');
}
