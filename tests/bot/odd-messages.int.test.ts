import { startTestServer } from '../helpers/server.js';
import { LocalConnector, type ConnectorActivity } from '../helpers/local-connector.js';

/**
 * What staff send that is not a question, through the real HTTP endpoint and adapter to a local Bot Connector: every
 * one gets a useful answer in the person's language, and none makes the bot fail.
 */
describe('odd messages to the bot, over HTTP', () => {
  let connector: LocalConnector;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let n = 0;

  async function reply(activity: Record<string, unknown>, locale = 'nl-NL'): Promise<ConnectorActivity> {
    const conversation = `odd-${++n}`;
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        id: `m-${n}`,
        conversation: { id: conversation, conversationType: 'personal' },
        from: { id: `user-${n}` },
        recipient: { id: 'bot' },
        locale,
        ...activity,
      }),
    });
    expect(res.status).toBeLessThan(300);
    return connector.waitFor(conversation, (a) => Boolean(a.text || a.attachments?.length));
  }

  beforeAll(async () => {
    connector = new LocalConnector();
    await connector.start();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.dispose();
    await connector.stop();
  });

  it('a 20,000-character message: asked to keep it shorter, in Dutch and in English', async () => {
    const long = 'Mag ik ChatGPT gebruiken voor een brief? '.repeat(500).slice(0, 20_000);
    expect((await reply({ text: long })).text).toContain('hoogstens 500 tekens');
    expect((await reply({ text: long }, 'en-US')).text).toContain('at most 500 characters');
  });

  it('a message of emoji only, an attachment alone and an empty message: what the bot can do', async () => {
    for (const activity of [
      { text: '🙂🙂🙂' },
      { text: '👍' },
      { text: '', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/x.png' }] },
      { text: '   ' },
    ]) {
      const answer = await reply(activity);
      expect(answer.text).toContain('Dit kan AI-wijzer voor je doen');
    }
  });

  it('gibberish and control characters: the vision says it has no answer and whom to ask, never a failure', async () => {
    for (const text of ['asdfghjkl qwerty', 'x\u0000y\u202e\u200b', '<script>alert(1)</script>']) {
      const answer = await reply({ text });
      const said = `${answer.text ?? ''} ${JSON.stringify(answer.attachments ?? [])}`;
      expect(said).not.toMatch(/Er ging bij AI-wijzer iets mis/);
      // The vision has nothing on it and says whom to ask (as text, or as the answer card).
      expect(said).toMatch(/niet in de AI-visie|staat niet|privacy|contact/i);
    }
  });
});
