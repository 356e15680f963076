import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for an OpenAI-compatible /chat/completions endpoint whose models quote the passages they are sent,
 * faithfully or not, so that the evaluation's quote-fidelity check can be tried on a model that misquotes. The model
 * named in the request decides what it writes:
 * - `faithful`: a sentence of passage [1], word for word, cited [1];
 * - `changed-quote`: that sentence with one word changed, cited [1];
 * - `invented-quote`: a sentence that is in no passage, cited [1];
 * - `other-section-quote`: a sentence of passage [2] word for word (of another section when only one was sent),
 *   cited [1];
 * - `misquoting`: each of the four above in turn, request after request.
 * Every reply is a plain sentence around the quote, without numbers or names of its own, so that the engine's own
 * checks (citations, numbers, names) let it through and only the quote can be wrong.
 */
export const fakeChatModels = [
  'faithful',
  'changed-quote',
  'invented-quote',
  'other-section-quote',
  'misquoting',
] as const;
export type FakeChatModel = (typeof fakeChatModels)[number];
type Kind = Exclude<FakeChatModel, 'misquoting'>;

export interface FakeChat {
  baseUrl: string;
  requests: number;
  close(): Promise<void>;
}

interface SentPassage {
  number: number;
  text: string;
}

/** The numbered passages of the request as the engine writes them: "[n] heading", a newline, the section text. */
function passagesOf(user: string): SentPassage[] {
  const sources = user.replace(/\n\n(?:Vraag|Question): [\s\S]*$/, '');
  return sources.split(/\n\n(?=\[\d+\] )/).flatMap((chunk) => {
    const m = /^\[(\d+)\] [^\n]*\n([\s\S]*)$/.exec(chunk);
    return m ? [{ number: Number(m[1]), text: m[2]! }] : [];
  });
}

/** Sentences of a section text (list items and paragraphs apart), the longer ones first among equals of order. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.replace(/^-\s+/, '').trim())
    .filter((s) => s.split(/\s+/).length >= 6);
}

const invented = {
  nl: 'de gemeente zet AI alleen in na schriftelijke toestemming van elke inwoner.',
  en: 'the municipality only uses AI after written consent from every resident.',
} as const;
const changedWord = { nl: 'nooit', en: 'never' } as const;
// No capital inside a sentence: the engine would check it as a name against the passages.
const lead = { nl: 'Volgens de visie', en: 'According to the vision' } as const;

/** One word of the sentence changed (a lower-case word of five letters or more, after the first two words). */
function changeOneWord(sentence: string, lang: 'nl' | 'en'): string {
  const words = sentence.split(' ');
  const at = words.findIndex((w, i) => i >= 2 && /^\p{Ll}{5,}$/u.test(w));
  words[at >= 0 ? at : words.length - 1] = changedWord[lang];
  return words.join(' ');
}

/**
 * Starts the fake on a free local port. `otherSentences` are sentences of the vision per language, for a quote from
 * another section when only one passage was sent.
 */
export async function startFakeChat(otherSentences: Record<'nl' | 'en', string[]>): Promise<FakeChat> {
  let requests = 0;
  let turn = 0;
  const reply = (kind: Kind, lang: 'nl' | 'en', passages: SentPassage[]): string => {
    const first = passages[0]!;
    const own = sentencesOf(first.text)[0] ?? first.text.split('\n')[0]!.trim();
    const other =
      passages.length > 1
        ? (sentencesOf(passages[1]!.text)[0] ?? passages[1]!.text.split('\n')[0]!.trim())
        : otherSentences[lang].find((s) => !first.text.includes(s))!;
    const quote = {
      faithful: own,
      'changed-quote': changeOneWord(own, lang),
      'invented-quote': invented[lang],
      'other-section-quote': other,
    }[kind];
    return `${lead[lang]}: "${quote}" [1]`;
  };
  const server: Server = createServer(async (req, res) => {
    let data = '';
    for await (const chunk of req) data += chunk;
    requests++;
    const body = JSON.parse(data) as { model: FakeChatModel; messages: { role: string; content: string }[] };
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
    const lang = system.startsWith('You ') ? 'en' : 'nl';
    const kinds: Kind[] = ['faithful', 'changed-quote', 'invented-quote', 'other-section-quote'];
    const kind = body.model === 'misquoting' ? kinds[turn++ % kinds.length]! : (body.model as Kind);
    if (req.url !== '/v1/chat/completions' || !kinds.includes(kind)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'unknown' } }));
      return;
    }
    const content = reply(kind, lang, passagesOf(user));
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${requests}`,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
