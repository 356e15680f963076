import { z } from 'zod';
import type { Lang } from '../lang.js';
import { fold } from './analysis/fold.js';
import { postJson, type EndpointOptions } from './openai-endpoint.js';

/** An OpenAI-compatible chat-completions endpoint (self-hosted or EU-hosted); off unless configured. */
export interface GenerativeOptions extends EndpointOptions {
  model: string;
  timeoutMs?: number;
  temperature?: number;
}

export interface SourcePassage {
  heading: string;
  text: string;
}

export type Generation =
  | { ok: true; text: string; cited: number[] }
  | { ok: false; reason: 'endpoint' | 'timeout' | 'format' | 'citation' | 'unsupported-fact' | 'misquote' };

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().min(1) }) })).min(1),
});

const instructions: Record<Lang, string> = {
  nl: 'Je beantwoordt vragen van medewerkers van de gemeente Groningen over de AI-visie. Gebruik uitsluitend de genummerde passages hieronder. Antwoord in het Nederlands in hoogstens drie zinnen en zet na elke bewering het nummer van de passage tussen blokhaken, bijvoorbeeld [1]. Noem geen getallen, namen of feiten die niet in de passages staan.',
  en: 'You answer questions from staff of the municipality of Groningen about its AI vision. Use only the numbered passages below. Answer in English in at most three sentences and put the number of the passage in square brackets after each claim, for example [1]. Do not mention numbers, names or facts that are not in the passages.',
};

/**
 * Asks the model for an answer written from the given passages only, and checks it: every citation must be
 * one of the passages, every number and every name must occur in them, and every quote (text between quotation
 * marks) must be exact text of the passage it is cited from. Anything else is a rejection, and the caller keeps the
 * extractive answer.
 */
export async function generateAnswer(
  question: string,
  lang: Lang,
  passages: SourcePassage[],
  options: GenerativeOptions,
): Promise<Generation> {
  const sources = passages.map((p, i) => `[${i + 1}] ${p.heading}\n${p.text}`).join('\n\n');
  const reply = await postJson(
    options,
    '/chat/completions',
    {
      model: options.model,
      temperature: Math.min(options.temperature ?? 0.1, 0.2),
      messages: [
        { role: 'system', content: instructions[lang] },
        { role: 'user', content: `${sources}\n\n${lang === 'en' ? 'Question' : 'Vraag'}: ${question}` },
      ],
    },
    options.timeoutMs ?? 8000,
  );
  if (!reply.ok) return { ok: false, reason: reply.reason };
  const parsed = completionSchema.safeParse(reply.body);
  if (!parsed.success) return { ok: false, reason: 'format' };
  const text = parsed.data.choices[0]!.message.content.trim();
  const cited = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (cited.length === 0 || cited.some((n) => n < 1 || n > passages.length)) return { ok: false, reason: 'citation' };
  if (!factsSupported(text.replace(/\[\d+\]/g, ' '), `${question}\n${sources}`))
    return { ok: false, reason: 'unsupported-fact' };
  if (!quotesFaithful(text, passages)) return { ok: false, reason: 'misquote' };
  return { ok: true, text, cited: [...new Set(cited)] };
}

const quoted = /["\u201c\u201e\u00ab]([^"\u201c\u201d\u201e\u00ab\u00bb]+)["\u201d\u00bb]/gu;
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Whether every quote of a generated answer is exact text of the passage its citation names (the first [n] after the
 * quote, else the last before it). Only the case of the first letter may differ, for a quote that starts inside a
 * sentence; a quote without a citation, with a word changed, or under another passage's number is a misquote.
 */
export function quotesFaithful(text: string, passages: SourcePassage[]): boolean {
  const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => ({ at: m.index, n: Number(m[1]) }));
  for (const m of text.matchAll(quoted)) {
    const end = m.index + m[0].length;
    const marker = markers.find((k) => k.at >= end) ?? markers.filter((k) => k.at < m.index).at(-1);
    const passage = marker ? passages[marker.n - 1] : undefined;
    const quote = spaced(m[1]!).replace(/[\s.,;:!?\u2026]+$/u, '');
    if (!passage || quote === '') return false;
    const body = spaced(passage.text);
    if (!body.includes(quote) && !body.includes(quote[0]!.toUpperCase() + quote.slice(1))) return false;
  }
  return true;
}

/** Every number and every capitalised name inside a sentence must occur in the sources (or the question). */
function factsSupported(answer: string, sources: string): boolean {
  const folded = fold(sources);
  const numbers = answer.match(/\d+(?:[.,]\d+)?/g) ?? [];
  if (numbers.some((n) => !sources.includes(n))) return false;
  for (const match of answer.matchAll(/(?<![.!?:]\s|^)(?<=\s|\()\p{Lu}[\p{L}\p{N}-]*/gu)) {
    if (!folded.includes(fold(match[0]))) return false;
  }
  return true;
}
