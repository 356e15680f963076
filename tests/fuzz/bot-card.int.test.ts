import { jest } from '@jest/globals';
import fc from 'fast-check';
import { checkVerbs } from '../../src/bot/cards/texts.js';
import { tableSnapshots, type TableSnapshot } from '../helpers/db-snapshot.js';
import { LocalConnector, type ConnectorActivity } from '../helpers/local-connector.js';
import { startTestServer } from '../helpers/server.js';
import { Fuzzer, fuzzEnv, fuzzParameters } from './fuzz-http.js';
import {
  breakerBodies,
  deepNesting,
  hostileContent,
  hostileJson,
  hostileString,
  jsonText,
  mutated,
  Obj,
  type Json,
} from './hostile.js';

jest.setTimeout(120_000);

const conversation = 'fuzz-gesprek';
const failure = /Er ging bij AI-wijzer iets mis|Something went wrong in AI-wijzer/;
const recorded = /Vastgelegd als record \d+|Recorded as record \d+/;
/** What the check says when its record could not be written: with a healthy database, input that got past validation. */
const notStored = /kan dit nu niet opslaan|cannot save this right now/;

/**
 * Random and hostile values of the check card's submit, as Teams sends them to POST /api/messages (the real
 * endpoint, the real adapter, anonymous as in local development, replies to a local Bot Connector): the Action.Submit
 * fallback (a message whose `value` holds the inputs and the verb), Action.Execute (an `adaptiveCard/action` invoke)
 * and Teams' feedback (`message/submitAction`). None may answer 5xx or make the turn fail, every message gets an
 * answer, a check is recorded exactly when the verdict comes back, and nothing else is stored by a card action.
 */
describe('fuzzing the bot card submit handler', () => {
  const connector = new LocalConnector();
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fuzzer: Fuzzer;
  let snapshot: () => Promise<TableSnapshot>;
  /** The card's inputs, as a person who answered every question sends them: choices by their option index. */
  let answers: Record<string, string>;
  let n = 0;

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer(fuzzEnv);
    // The conversation's reference is kept at its first message (bot_state); after that a card action writes nothing.
    fuzzer = new Fuzzer(server, { except: ['bot_state'] });
    snapshot = tableSnapshots(server.store, ['bot_state']);
    answers = { tool: 'ChatGPT (gratis)', purpose: 'een nieuwsbrief schrijven' };
    for (const q of server.application.checks.questions('nl').questions)
      if (q.type === 'choice') answers[q.field] = String((q.options?.length ?? 1) - 1);
    await post(envelope({ type: 'message', text: 'hallo' }));
  });
  afterAll(async () => {
    await server?.dispose();
    await connector.stop();
  });

  function envelope(activity: Record<string, unknown>): Record<string, unknown> {
    return {
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      id: `m-${++n}`,
      conversation: { id: conversation, conversationType: 'personal' },
      from: { id: 'fuzz-user' },
      recipient: { id: 'bot' },
      locale: 'nl-NL',
      ...activity,
    };
  }
  /** The activity as JSON text, its `value` (a document of hostile.ts) written in place. */
  const withValue = (activity: Record<string, unknown>, value: Json) =>
    jsonText(new Obj([...Object.entries(activity).map(([k, v]) => [k, v as Json] as const), ['value', value]]));
  const post = (body: Record<string, unknown> | string, invoke = false) =>
    fuzzer.send({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      // The adapter answers a malformed invoke itself, as the Bot Framework's protocol says; not the API's error.
      ...(invoke ? { ownProtocol: (res) => !res.text.includes('"correlationId"') } : {}),
    });

  /**
   * Sends one activity and checks the turn: no failure said, a message answered, a check recorded exactly when its
   * verdict came back, and a card action (`handled`) storing nothing else.
   */
  async function turn(body: string, kind: 'message' | 'invoke', handled: boolean): Promise<void> {
    const before = await snapshot();
    const seen = connector.received.length;
    const res = await post(body, kind === 'invoke');
    const replies: ConnectorActivity[] = connector.received.slice(seen).map((r) => r.activity);
    const said = JSON.stringify(replies) + (kind === 'invoke' ? res.text : '');
    const fail = (why: string) => {
      throw new Error(`${why}\n  activity: ${body.slice(0, 400)}\n  answer: ${said.slice(0, 400)}`);
    };
    if (res.status >= 400) return; // the envelope refused: Fuzzer checked the error and that nothing changed
    if (failure.test(said)) fail('the turn failed');
    if (notStored.test(said)) fail('the database refused what validation let through');
    if (kind === 'message' && !replies.some((r) => r.type === 'message')) fail('a message got no answer');
    const after = await snapshot();
    const records = after.quickcheck_records!.rows - before.quickcheck_records!.rows;
    if (records !== (recorded.test(said) ? 1 : 0)) fail(`${records} checks recorded`);
    if (handled) {
      const changed = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t]));
      const allowed = records === 1 ? ['quickcheck_records', 'quickcheck_chain_head'] : [];
      if (changed.some((t) => !allowed.includes(t))) fail(`a card action changed ${changed.join(', ')}`);
    }
  }

  const submit = () => ({ ...answers, verb: checkVerbs.submit, lang: 'nl' });
  /** What a card's inputs can hold: a valid submit changed in places, hostile content, anything, deep nesting. */
  const values = () =>
    fc.oneof(
      { weight: 4, arbitrary: mutated(submit()) },
      { weight: 3, arbitrary: hostileContent(submit()) },
      { weight: 1, arbitrary: hostileJson },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom(checkVerbs.submit, checkVerbs.restart), hostileJson).map(
          ([verb, extra]) =>
            new Obj([
              ['verb', verb],
              ['lang', extra],
            ]),
        ),
      },
      {
        weight: 1,
        arbitrary: deepNesting.map(
          (d) =>
            new Obj([
              ['verb', checkVerbs.submit],
              ['purpose', d],
            ]),
        ),
      },
    );
  /** Whether the bot takes a value as a card action of its own (a plain object with one of its verbs). */
  const isCardAction = (value: Json) => {
    if (!(value instanceof Obj)) return false;
    // JSON takes a key's last value: a doubled "verb" counts as written last.
    const verb = [...value.entries].reverse().find(([k]) => k === 'verb')?.[1];
    return verb === checkVerbs.submit || verb === checkVerbs.restart;
  };

  it('Action.Submit: a message with hostile card values', async () => {
    const extra = fc.record({
      text: fc.option(hostileString, { nil: undefined }),
      replyToId: fc.option(fc.constantFrom('kaart-1', 'a-1'), { nil: undefined }),
      locale: fc.constantFrom('nl-NL', 'nl-NL', 'en-US', 'fr', '', 'EN', 'en-\u0000'),
    });
    await fc.assert(
      fc.asyncProperty(values(), extra, async (value, { text, replyToId, locale }) => {
        const activity = envelope({
          type: 'message',
          locale,
          ...(text === undefined ? {} : { text }),
          ...(replyToId ? { replyToId } : {}),
        });
        await turn(withValue(activity, value), 'message', isCardAction(value));
      }),
      fuzzParameters(
        2,
        breakerBodies(submit()).map((v): [Json, { text?: string; replyToId?: string; locale: string }] => [
          v,
          { locale: 'nl-NL' },
        ]),
      ),
    );
    await fuzzer.healthy();
  });

  it('Action.Execute: an adaptiveCard/action invoke with hostile data and verbs', async () => {
    const verb = fc.oneof(
      { weight: 4, arbitrary: fc.constant(checkVerbs.submit) },
      { weight: 1, arbitrary: fc.constant(checkVerbs.restart) },
      { weight: 1, arbitrary: hostileJson },
    );
    await fc.assert(
      fc.asyncProperty(values(), verb, async (data, v) => {
        const action = new Obj([
          ['type', 'Action.Execute'],
          ['verb', v],
          ['data', data],
        ]);
        const activity = envelope({ type: 'invoke', name: 'adaptiveCard/action' });
        const handled = v === checkVerbs.submit || v === checkVerbs.restart;
        await turn(
          withValue(
            activity,
            new Obj([
              ['action', action],
              ['trigger', 'manual'],
            ]),
          ),
          'invoke',
          handled,
        );
      }),
      fuzzParameters(),
    );
    await fuzzer.healthy();
  });

  it("Teams' feedback (message/submitAction) with hostile values", async () => {
    const reaction = fc.oneof(fc.constantFrom('like', 'dislike'), hostileJson);
    await fc.assert(
      fc.asyncProperty(reaction, hostileJson, fc.boolean(), async (r, feedback, named) => {
        const value = new Obj([
          ['actionName', named ? 'feedback' : r],
          [
            'actionValue',
            new Obj([
              ['reaction', r],
              ['feedback', feedback],
            ]),
          ],
        ]);
        await turn(withValue(envelope({ type: 'invoke', name: 'message/submitAction' }), value), 'invoke', false);
      }),
      fuzzParameters(0.5),
    );
    await fuzzer.healthy();
  });

  it('envelopes that are no activity: 400 in Dutch, nothing stored', async () => {
    // Not serviceUrl: a reply would go wherever it points.
    const field = fc.constantFrom('type', 'from', 'conversation', 'recipient', 'text', 'locale', 'id', 'channelId');
    await fc.assert(
      fc.asyncProperty(field, hostileJson, async (key, value) => {
        const activity = envelope({ type: 'message', value: submit() });
        const entries = Object.entries(activity).map(([k, v]) => [k, (k === key ? value : v) as Json] as const);
        await post(jsonText(new Obj(entries)));
      }),
      fuzzParameters(0.5),
    );
    await fuzzer.healthy();
  });
});
