import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { isVisionAnswer, type FrontDoorResponse } from '../api/ask.js';
import { AppError, stripMentions, type Application, type Caller, type FrontDoor } from '../app/index.js';
import { languageOf, type Lang } from '../lang.js';
import { answerMessages, routedMessage } from './answer-message.js';
import { cardContentType } from './cards/elements.js';
import { welcomeCard } from './cards/welcome-card.js';
import { cardAction, startCard, type CheckCapabilities } from './check-flow.js';
import { myScansMessage, referenceOf, teamScanMessage } from './notices.js';
import { texts } from './texts.js';

/** What the bot answers with: the application's front door and check, the same the tab's API and the CLI use. */
export interface BotCapabilities {
  frontDoor: Pick<FrontDoor, 'ask'>;
  /** The quick check the card submits to (the same validation and record as POST /api/checks). */
  checks: CheckCapabilities;
  /** Where Teams' thumbs under an answer go (the same store as the tab's thumbs). */
  feedback: Pick<Application['feedback'], 'rate'>;
  callerFor: Application['callerFor'];
  /** The person's own recent scans, listed for "scan" in a personal chat. */
  scans: Pick<Application['scans'], 'mine'>;
  /** Where the person can be told later that their scan is done (their personal chat). */
  notices: Pick<Application['notices'], 'remember'>;
  publicUrl?: string;
  /** The Teams app's id (`TEAMS_APP_ID`): links into the vision open the personal tab in Teams. */
  teamsAppId?: string;
}

/**
 * The AI-wijzer bot: greets new users once per conversation, sends every message through the front door, and
 * answers the check card's actions (Action.Execute, or the Action.Submit fallback) in place of the card.
 */
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
        const card = welcomeCard(languageOf(context.activity.locale));
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        await this.greeted.set(context, true);
      }
      if (personal) await this.rememberWhereTheyAre(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const lang = languageOf(context.activity.locale);
      await this.rememberWhereTheyAre(context);
      const submitted = submittedValues(context.activity.value);
      if (submitted && (await this.replaceCard(context, submitted, lang))) return next();
      const question = stripMentions(context.activity.text ?? '');
      const result = await this.answer(question, lang);
      if (typeof result === 'string') await context.sendActivity(MessageFactory.text(result));
      else if (result.outcome === 'check') {
        const { checks, publicUrl, teamsAppId } = this.capabilities;
        if (result.check.vision)
          await context.sendActivities(answerMessages(result.check.vision, { publicUrl, teamsAppId }));
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(startCard(checks, result))));
      } else await context.sendActivities(this.render(result));
      if (typeof result !== 'string' && result.outcome === 'scan') await this.scanReply(context, lang);
      await next();
    });
  }

  /** Teams' feedback loop (`message/submitAction`, action `feedback`): a thumbs up or down under an answer, kept. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'message/submitAction') return super.onInvokeActivity(context);
    const value = context.activity.value as { actionName?: unknown; actionValue?: { reaction?: unknown } } | undefined;
    const reaction = value?.actionName === 'feedback' ? value.actionValue?.reaction : undefined;
    if (reaction !== 'like' && reaction !== 'dislike') return { status: 400 };
    // The typed comment is not kept: it may hold what a person would not want stored.
    await this.capabilities.feedback.rate({ helpful: reaction === 'like' }, languageOf(context.activity.locale));
    return { status: 200 };
  }

  /** Action.Execute on a card (`adaptiveCard/action`): the card that replaces it comes back in the invoke response. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = (invoke.action?.data ?? {}) as Record<string, unknown>;
    const lang = languageOf(context.activity.locale);
    const card = await cardAction(this.capabilities.checks, this.caller(context), invoke.action?.verb, data, lang);
    if (!card) {
      const error = { code: 'BadRequest', message: 'Onbekende actie / unknown action' };
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: error as never };
    }
    return { statusCode: 200, type: cardContentType, value: card as never };
  }

  /** Action.Submit, the fallback of a client without Universal Actions: the answer replaces the card it came from. */
  private async replaceCard(context: TurnContext, submitted: Record<string, unknown>, lang: Lang): Promise<boolean> {
    const verb = typeof submitted.verb === 'string' ? submitted.verb : undefined;
    const card = await cardAction(this.capabilities.checks, this.caller(context), verb, submitted, lang);
    if (!card) return false;
    const reply = { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
    if (context.activity.replyToId) await context.updateActivity({ ...reply, id: context.activity.replyToId });
    else await context.sendActivity(reply);
    return true;
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
    const { publicUrl, teamsAppId } = this.capabilities;
    return isVisionAnswer(result) ? answerMessages(result, { publicUrl, teamsAppId }) : [routedMessage(result)];
  }

  /** "scan": in a personal chat the person's recent scans, in a team the offer to scan its files; each with the tab's link. */
  private async scanReply(context: TurnContext, lang: Lang): Promise<void> {
    const { publicUrl, teamsAppId } = this.capabilities;
    const links = { publicUrl, teamsAppId };
    const reply = isPersonal(context)
      ? myScansMessage(await this.capabilities.scans.mine(this.caller(context)), lang, links)
      : context.activity.conversation?.conversationType === 'channel'
        ? teamScanMessage(lang, links)
        : undefined;
    if (!reply) return;
    const message = MessageFactory.text(reply);
    message.textFormat = 'markdown';
    await context.sendActivity(message);
  }

  /** A personal chat is where a person is told later that their scan is done: its reference is kept (no name). */
  private async rememberWhereTheyAre(context: TurnContext): Promise<void> {
    const reference = referenceOf(context.activity);
    if (reference) await this.capabilities.notices.remember(this.caller(context), reference);
  }

  /** Who sent the activity, as a pseudonym: the same one their tab sign-in gives. */
  private caller(context: TurnContext): Caller {
    const { from, conversation } = context.activity;
    return this.capabilities.callerFor({
      ...(conversation?.tenantId ? { tenantId: conversation.tenantId } : {}),
      ...(from?.aadObjectId ? { objectId: from.aadObjectId } : {}),
      channelUserId: from?.id ?? 'unknown',
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

/** The inputs and verb of an Action.Submit (a message with a `value` object that names a verb), or undefined. */
function submittedValues(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return typeof (value as { verb?: unknown }).verb === 'string' ? (value as Record<string, unknown>) : undefined;
}
