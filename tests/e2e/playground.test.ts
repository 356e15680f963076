import { ask, sharedVision } from '../../src/vision/index.js';
import { startPlayground, type Playground, type PlaygroundMessage } from '../helpers/playground.js';
import { startTestServer } from '../helpers/server.js';

type CardElement = { text?: string; body?: CardElement[]; items?: CardElement[] };
const elementsOf = (e: CardElement): CardElement[] => [
  e,
  ...(e.body ?? []).flatMap(elementsOf),
  ...(e.items ?? []).flatMap(elementsOf),
];
/** The texts of a reply's card, as the Playground delivered it. */
function cardTexts(reply: PlaygroundMessage): string[] {
  const card = (reply.attachments?.[0] as { content: CardElement } | undefined)?.content;
  return card ? elementsOf(card).flatMap((e) => (e.text === undefined ? [] : [e.text])) : [];
}

describe('the bot through the Microsoft 365 Agents Playground', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let playground: Playground;

  beforeAll(async () => {
    server = await startTestServer();
    playground = await startPlayground(`${server.url.replace('localhost', '127.0.0.1')}/api/messages`);
  }, 60_000);
  afterAll(async () => {
    await playground?.stop();
    await server?.dispose();
  });

  it('welcomes the user once when the app is installed, in Dutch, as an AI system, and remembers that in the database', async () => {
    const welcome = await playground.event('botAdded');
    // The install event carries no locale: Dutch, the default. The welcome is a card.
    const card = (welcome.attachments?.[0] as { content: { body: { text?: string }[] } }).content;
    expect(card.body.map((b) => b.text ?? '').join('\n')).toContain('een AI-systeem, geen mens');
    // The state is saved when the turn ends, just after the reply went out.
    let state: { key: string; value: { greeted?: boolean } } | undefined;
    for (let i = 0; i < 50 && !state; i++) {
      const rows = await server.store.query<{ key: string; value: { greeted?: boolean } }>(
        'select key, value from bot_state',
      );
      state = rows.find((r) => r.key.includes(playground.personalChatId));
      if (!state) await new Promise((r) => setTimeout(r, 100));
    }
    expect(state?.value.greeted).toBe(true);
    // A second install event in the same conversation gets no second welcome.
    await expect(playground.event('botAdded', 3000)).rejects.toThrow('no reply from the bot');
  }, 60_000);

  it('answers "help" in the user\'s Teams language (the Playground user is en-US)', async () => {
    const reply = await playground.say('help');
    expect(reply.text).toContain('Ask the vision');
    expect(reply.text).toContain('AI-wijzer is an AI system');
  });

  it('answers a question about the AI vision as the domain function does, and abstains on one it does not cover', async () => {
    const question = 'Wat zegt de visie over privacy?';
    const expected = await ask(sharedVision(), question, { contact: server.config.PRIVACY_CONTACT });
    // The answer is a line that cites the vision, as Teams shows citations, with its thumbs; then the quote in a card.
    const [cited, card] = await playground.sayForReplies(question, 2);
    expect(cited!.text).toBe('Dit zegt de AI-visie erover [1]');
    expect(cited).toMatchObject({ feedbackLoopEnabled: true, attachments: [] });
    expect(cardTexts(card!)).toContain(expected.answer);
    expect(card!.text ?? '').toBe('');
    const before = await server.store.query<{ n: number | string }>(
      "select count(*) as n from vision_feedback where kind = 'unanswered'",
    );
    const parking = await playground.say('Hoe vraag ik een parkeervergunning aan?');
    expect(cardTexts(parking).join('\n')).toContain('Dat staat niet in de AI-visie');
    // Kept for the AI team as the tab's questions are: the fact and the outcome, no text (not allowed by default).
    const rows = await server.store.query<{ outcome: string; question: string | null }>(
      "select outcome, question from vision_feedback where kind = 'unanswered' order by id",
    );
    expect(rows).toHaveLength(Number(before[0]!.n) + 1);
    expect(rows.at(-1)).toEqual({ outcome: 'abstain', question: null });
  });

  it('answers "mag ik ChatGPT gebruiken om een klachtbrief samen te vatten?" with the check card, and the verdict in its place', async () => {
    const reply = await playground.say('Mag ik ChatGPT gebruiken om een klachtbrief van een inwoner samen te vatten?');
    type Element = {
      type: string;
      id?: string;
      value?: string;
      text?: string;
      choices?: { value: string }[];
      body?: Element[];
      items?: Element[];
    };
    const all = (e: Element): Element[] => [e, ...(e.body ?? []).flatMap(all), ...(e.items ?? []).flatMap(all)];
    const card = (reply.attachments?.[0] as { content: Element }).content;
    const inputs = all(card).filter((e) => e.type.startsWith('Input.'));
    expect(inputs.find((e) => e.id === 'tool')?.value).toBe('ChatGPT (gratis)');
    // The person's answers: the first option where nothing is filled in yet.
    const data: Record<string, string> = { purpose: 'een klachtbrief samenvatten', lang: 'en' };
    for (const e of inputs) data[e.id!] = e.value ?? e.choices?.[0]?.value ?? '';
    const response = JSON.stringify(await playground.invoke(reply.messageId!, 'quickcheck.submit', data));
    expect(response).toContain('application/vnd.microsoft.card.adaptive');
    expect(response).toMatch(/Recorded as record \d+\./);
    const rows = await server.store.query<{ n: string | number }>('select count(*) as n from quickcheck_records');
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  it('answers the manifest commands check and scan (the Playground user is en-US)', async () => {
    const check = await playground.say('check');
    expect((check.attachments?.[0] as { contentType: string }).contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    const scan = await playground.say('scan');
    expect(scan.text).toContain('data-readiness scan');
  });
});
