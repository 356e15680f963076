import {
  ActivityHandler,
  MessageFactory,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { isVisionAnswer, type FrontDoorResponse } from '../api/ask.js';
import { AppError, stripMentions, type FrontDoor } from '../app/index.js';
import { languageOf, type Lang } from '../lang.js';
import { answerMessage, routedMessage } from './answer-message.js';
import { texts } from './texts.js';

/** What the bot answers with: the application's front door, the same one the tab's API and the CLI ask. */
export interface BotCapabilities {
  frontDoor: Pick<FrontDoor, 'ask'>;
  publicUrl?: string;
}

/** The AI-wijzer bot: greets new users once per conversation and sends every message through the front door. */
export class AiWijzerBot extends ActivityHandler {
  private readonly greeted: StatePropertyAccessor<boolean>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly capabilities: BotCapabilities,
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
      const question = stripMentions(context.activity.text ?? '');
      const result = await this.answer(question, lang);
      await context.sendActivity(typeof result === 'string' ? MessageFactory.text(result) : this.render(result));
      await next();
    });
  }

  /** The front door's answer, or what to say when the message cannot be asked (empty, too long). */
  private async answer(question: string, lang: Lang): Promise<FrontDoorResponse | string> {
    if (question.length > 500) return texts[lang].tooLong;
    try {
      return await this.capabilities.frontDoor.ask({ question: question === '' ? 'help' : question }, lang);
    } catch (error) {
      if (error instanceof AppError && error.kind === 'invalid') return texts[lang].unknown;
      throw error;
    }
  }

  private render(result: FrontDoorResponse) {
    const { publicUrl } = this.capabilities;
    return isVisionAnswer(result) ? answerMessage(result, publicUrl) : routedMessage(result, publicUrl);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}
