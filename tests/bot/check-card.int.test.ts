import {
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  type Activity,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import { createApplication, type Application } from '../../src/app/index.js';
import { AiWijzerBot } from '../../src/bot/bot.js';
import { checkCard } from '../../src/bot/cards/check-card.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { quickcheckRecordStore } from '../../src/store/repositories/quickcheck.js';
import { visionFeedbackStore } from '../../src/store/repositories/vision.js';
import { adaptiveCardProblems } from '../helpers/adaptive-cards.js';
import { openTestStore } from '../helpers/store.js';

/** The test adapter, keeping the activities the bot updated (the card replaced in place). */
class UpdatesKept extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    this.updates.push(activity);
    return super.updateActivity(context, activity);
  }
}

type Card = {
  type: string;
  body: Card[];
  items?: Card[];
  id?: string;
  value?: string;
  choices?: { title: string; value: string }[];
  text?: string;
  actions?: { verb?: string; fallback?: { type: string } }[];
};

/** Every element of a card, depth first. */
function elements(card: Card): Card[] {
  return [card, ...(card.body ?? []).flatMap(elements), ...(card.items ?? []).flatMap(elements)];
}
const input = (card: Card, id: string) => elements(card).find((e) => e.id === id)!;
const texts = (card: Card) => elements(card).flatMap((e) => (e.type === 'TextBlock' ? [e.text!] : []));

describe('the quick check as a card in the bot', () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let app: Application;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    app = createApplication({ config: loadConfig({}), store, logger: createLogger('silent') });
  });
  afterAll(async () => store.dispose());
  const records = () =>
    quickcheckRecordStore(store, { key: loadConfig({}).AUDIT_KEY }).listFor(
      app.callerFor({ channelUserId: 'user-1' }).pseudonym,
      { limit: 50 },
    );

  function adapter() {
    const bot = new AiWijzerBot(new ConversationState(new MemoryStorage()), {
      frontDoor: app.frontDoor,
      checks: app.checks,
      feedback: app.feedback,
      callerFor: app.callerFor,
      scans: app.scans,
      notices: app.notices,
    });
    const a = new UpdatesKept(async (context) => bot.run(context));
    a.onTurnError = async (_c, e) => {
      throw e;
    };
    return a;
  }
  const from = { id: 'user-1', name: 'Medewerker' };
  const invoke = (verb: string, data: Record<string, unknown>): Partial<Activity> => ({
    type: ActivityTypes.Invoke,
    name: 'adaptiveCard/action',
    from,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  /** The answers a person gives on the card: the option index of each choice, text as typed. */
  function answers(card: Card, overrides: Record<string, string> = {}): Record<string, string> {
    const values: Record<string, string> = { purpose: 'een klachtbrief van een inwoner samenvatten' };
    for (const e of elements(card)) {
      if (e.type === 'Input.ChoiceSet') values[e.id!] = e.value ?? e.choices![0]!.value;
      if (e.type === 'Input.Text' && e.value) values[e.id!] = e.value;
    }
    return { ...values, ...overrides };
  }

  it('answers "mag ik ChatGPT gebruiken om een klachtbrief samen te vatten?" with the check card, ChatGPT and the task filled in', async () => {
    let card: Card | undefined;
    await adapter()
      .send({
        type: ActivityTypes.Message,
        text: 'Mag ik ChatGPT gebruiken om een klachtbrief van een inwoner samen te vatten?',
        from,
      })
      .assertReply((a) => {
        expect(a.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
        card = a.attachments![0]!.content as Card;
      });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(input(card!, 'tool').value).toBe('ChatGPT (gratis)');
    const task = input(card!, 'task');
    expect(task.choices![Number(task.value)]!.title).toBe('samenvatten');
    // Every choice question offers "weet ik niet"; the submit is Action.Execute with an Action.Submit fallback.
    for (const e of elements(card!).filter((x) => x.type === 'Input.ChoiceSet'))
      expect(e.choices!.map((c) => c.title)).toContain('weet ik niet');
    expect(card!.actions![0]).toMatchObject({ verb: 'quickcheck.submit', fallback: { type: 'Action.Submit' } });
  });

  it('gives the verdict in place of the card (the invoke response), recorded, with sources and the record number', async () => {
    const before = (await records()).length;
    const card = checkCard({
      questions: app.checks.questions('nl'),
      lang: 'nl',
      prefill: { tool: { id: 'chatgpt-free', name: 'ChatGPT (gratis)' }, task: 'summarize' },
    }) as Card;
    await adapter()
      .send(invoke('quickcheck.submit', { ...answers(card), lang: 'nl' }))
      .assertReply((a) => {
        expect(a.type).toBe('invokeResponse');
        const { status, body } = a.value as { status: number; body: { type: string; value: Card } };
        expect(status).toBe(200);
        expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
        expect(adaptiveCardProblems(body.value)).toEqual([]);
        const shown = texts(body.value).join('\n');
        expect(shown).toMatch(/^(Nee, dit mag niet\.|Eerst overleggen\.|Ja, onder voorwaarden\.|Ja, dit mag\.)$/m);
        expect(shown).toContain('Bronnen:');
        expect(shown).toMatch(/Vastgelegd als record \d+\./);
        expect(body.value.actions![0]).toMatchObject({ verb: 'quickcheck.restart' });
        // The register entry the verdict used, and what in the name it was recognised by.
        const facts = elements(body.value).flatMap(
          (e) => (e as { facts?: { title: string; value: string }[] }).facts ?? [],
        );
        expect(facts).toContainEqual({
          title: 'Tool',
          value: "ChatGPT (gratis) uit het register, herkend aan de naam 'ChatGPT (gratis)'",
        });
      });
    expect((await records()).length).toBe(before + 1);
  });

  it('sends a tampered or incomplete card back with the problems marked, and records nothing', async () => {
    const before = (await records()).length;
    const card = checkCard({ questions: app.checks.questions('nl'), lang: 'nl' }) as Card;
    const tampered = { ...answers(card, { tool: 'ChatGPT' }), task: '99', lang: 'nl' };
    delete (tampered as Record<string, string>).audience;
    await adapter()
      .send(invoke('quickcheck.submit', tampered))
      .assertReply((a) => {
        const back = (a.value as { body: { value: Card } }).body.value;
        expect(adaptiveCardProblems(back)).toEqual([]);
        const shown = texts(back);
        expect(shown[2]).toContain('Er is niets vastgelegd');
        // The problems stand under their questions; what was entered stays.
        expect(shown.filter((t) => t.startsWith('⚠')).length).toBeGreaterThanOrEqual(2);
        expect(input(back, 'tool').value).toBe('ChatGPT');
      });
    expect((await records()).length).toBe(before);
  });

  it('asks which tool is meant when the name on the card fits several entries, and records nothing', async () => {
    const before = (await records()).length;
    const card = checkCard({ questions: app.checks.questions('nl'), lang: 'nl' }) as Card;
    await adapter()
      .send(invoke('quickcheck.submit', { ...answers(card, { tool: 'copilot' }), lang: 'nl' }))
      .assertReply((a) => {
        const back = (a.value as { body: { value: Card } }).body.value;
        expect(texts(back)).toContain(
          "⚠ 'copilot' past bij meer tools in het register: Microsoft 365 Copilot, Microsoft 365 Copilot Chat of GitHub Copilot (gratis). Kies welke je bedoelt.",
        );
        expect(input(back, 'tool').value).toBe('copilot');
      });
    expect((await records()).length).toBe(before);
  });

  it('answers the Action.Submit fallback by replacing the card it came from', async () => {
    const a = adapter();
    let cardId: string | undefined;
    await a.send({ type: ActivityTypes.Message, text: 'check', from }).assertReply((reply) => {
      cardId = reply.id;
    });
    const card = checkCard({
      questions: app.checks.questions('en'),
      lang: 'en',
      prefill: { tool: { id: 'deepl-pro', name: 'DeepL Pro' }, task: 'translate' },
    }) as Card;
    await a.send({
      type: ActivityTypes.Message,
      from,
      replyToId: cardId,
      value: { ...answers(card), verb: 'quickcheck.submit', lang: 'en' },
    });
    expect(a.updates.map((u) => u.id)).toEqual([cardId]);
    const verdict = a.updates[0]!.attachments![0]!.content as Card;
    expect(texts(verdict).join('\n')).toMatch(/Recorded as record \d+\./);
  });

  it("keeps Teams' thumbs under an answer for the AI team, without the comment typed with them", async () => {
    const before = await visionFeedbackStore(store).list({ kind: 'feedback' });
    await adapter()
      .send({
        type: ActivityTypes.Invoke,
        name: 'message/submitAction',
        from,
        value: {
          actionName: 'feedback',
          actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"Jan de Vries vond het niks"}' },
        },
      })
      .assertReply((a) => expect(a.value).toMatchObject({ status: 200 }));
    const after = await visionFeedbackStore(store).list({ kind: 'feedback' });
    expect(after.length).toBe(before.length + 1);
    expect(after[0]).toMatchObject({ kind: 'feedback', helpful: false });
    expect(JSON.stringify(after)).not.toContain('Jan de Vries');
  });

  it('records a card sent again with the same answers once (its card key), and other answers on it as a new check', async () => {
    const before = (await records()).length;
    const keyOf = (c: Card) => (c.actions![0] as { data: { cardKey: string } }).data.cardKey;
    const card = checkCard({ questions: app.checks.questions('nl'), lang: 'nl' }) as Card;
    expect(keyOf(card)).toMatch(/^[0-9a-f]{32}$/);
    const submit = { ...answers(card, { tool: 'ChatGPT (gratis)' }), lang: 'nl', cardKey: keyOf(card) };
    // A card sent back (here: an answer missing) keeps its key.
    const incomplete: Record<string, string> = { ...submit };
    delete incomplete.audience;
    await adapter()
      .send(invoke('quickcheck.submit', incomplete))
      .assertReply((a) => expect(keyOf((a.value as { body: { value: Card } }).body.value)).toBe(keyOf(card)));
    const numbers: string[] = [];
    for (const values of [submit, submit, { ...submit, purpose: 'een andere notitie herschrijven' }])
      await adapter()
        .send(invoke('quickcheck.submit', values))
        .assertReply((a) => {
          const shown = texts((a.value as { body: { value: Card } }).body.value).join('\n');
          numbers.push(/Vastgelegd als record (\d+)\./.exec(shown)![1]!);
        });
    expect(numbers[1]).toBe(numbers[0]);
    expect(numbers[2]).not.toBe(numbers[0]);
    expect((await records()).length).toBe(before + 2);
    // Another card is another submission, whatever its answers.
    expect(keyOf(checkCard({ questions: app.checks.questions('nl'), lang: 'nl' }) as Card)).not.toBe(keyOf(card));
  });

  it('starts a fresh card for "Opnieuw"', async () => {
    await adapter()
      .send(invoke('quickcheck.restart', { lang: 'en' }))
      .assertReply((a) => {
        const card = (a.value as { body: { value: Card } }).body.value;
        expect(texts(card)[0]).toBe('AI quick check: may I use this?');
        expect(input(card, 'tool').value).toBeUndefined();
      });
  });

  it('offers the register entries to choose from when the name fits several', async () => {
    await adapter()
      .send({ type: ActivityTypes.Message, text: 'May I use Copilot for meeting notes?', from })
      .assertReply((a) => {
        const card = a.attachments![0]!.content as Card;
        expect(input(card, 'tool').choices!.map((c) => c.value)).toEqual([
          'm365-copilot',
          'copilot-chat',
          'github-copilot-free',
        ]);
        expect(input(card, 'tool').value).toBeUndefined();
      });
  });
});
