import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ask, askExtractive, loadVision } from '../../src/vision/index.js';

/** A faithful local stand-in for an OpenAI-compatible /chat/completions endpoint; each test sets its reply. */
interface Reply {
  status?: number;
  content?: string;
  delayMs?: number;
  raw?: unknown;
}

const vision = loadVision({ contentDir: join(import.meta.dirname ?? __dirname, 'fixtures', 'valid'), compounds: {} });
const question = 'Wanneer moet ik een gegevensbeschermingseffectbeoordeling doen?';

describe('generative mode against a local OpenAI-compatible endpoint (real HTTP)', () => {
  let server: Server;
  let baseUrl: string;
  let reply: Reply = {};
  const requests: {
    path: string;
    auth?: string;
    body: { model: string; temperature: number; messages: { role: string; content: string }[] };
  }[] = [];

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      let data = '';
      for await (const chunk of req) data += chunk;
      requests.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(data) });
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (reply.status && reply.status !== 200) {
        res
          .writeHead(reply.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'overloaded' } }));
        return;
      }
      const body = reply.raw ?? {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const options = () => ({
    contact: 'het privacyteam',
    generative: { baseUrl, model: 'eu-model', apiKey: 'test-key', timeoutMs: 300 },
  });
  const extractive = askExtractive(vision, question, { contact: 'het privacyteam' });

  it('sends only the retrieved passages at a low temperature and labels an accepted answer as generated', async () => {
    reply = {
      content:
        'Bij elke AI-toepassing met persoonsgegevens voert de gemeente een gegevensbeschermingseffectbeoordeling uit [1].',
    };
    const result = await ask(vision, question, options());
    expect(result.generated).toBe(true);
    expect(result.answer).toBe(reply.content);
    expect(result.citations[0]!.sectionId).toBe('privacy');
    expect(vision.languages.nl.document.sections.find((s) => s.id === 'privacy')!.body).toContain(
      result.citations[0]!.quote,
    );
    const sent = requests.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.auth).toBe('Bearer test-key');
    expect(sent.body.model).toBe('eu-model');
    expect(sent.body.temperature).toBeLessThanOrEqual(0.2);
    const user = sent.body.messages.find((m) => m.role === 'user')!.content;
    expect(user).toContain('[1] Privacy en gegevensbescherming');
    expect(user).not.toContain('Leidinggevenden stimuleren'); // a passage that was not retrieved
  });

  it.each([
    ['a citation that is not among the passages', { content: 'Dat moet altijd [7].' }],
    ['no citation at all', { content: 'Dat moet altijd.' }],
    ['a number absent from the passages', { content: 'Dat moet binnen 30 dagen [1].' }],
    ['a name absent from the passages', { content: 'Volgens Microsoft moet dat altijd [1].' }],
    ['an endpoint error', { status: 503 }],
    ['a malformed response', { raw: { choices: [] } }],
    ['a timeout', { delayMs: 1000, content: 'Te laat [1].' }],
  ])('falls back to the extractive answer on %s', async (_label, r: Reply) => {
    reply = r;
    const result = await ask(vision, question, options());
    expect(result).toEqual(extractive);
    expect(result.generated).toBe(false);
  });

  it('does not call the endpoint when the vision has no answer, nor when the mode is off', async () => {
    const before = requests.length;
    expect((await ask(vision, 'Hoe verleng ik mijn rijbewijs?', options())).outcome).toBe('abstain');
    expect((await ask(vision, question, { contact: 'het privacyteam' })).generated).toBe(false);
    expect(requests.length).toBe(before);
  });
});
