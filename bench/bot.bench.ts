import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp } from './serve.js';
import { percentile } from './stats.js';

/**
 * The bot under conversation load: 50 simulated conversations of 20 messages each through POST /api/messages (real
 * HTTP, the real adapter and bot, the embedded database), with a local Bot Connector that receives the replies. The
 * app runs as `ai-wijzer serve` in a process of its own, so that the load does not share its event loop.
 * Per message kind, the time from sending it to the bot's reply arriving at the connector: p50 and p95, and errors.
 * Target: no errors, p95 under 200 ms for questions and card submits on this machine.
 * Two runs: as conversations (each person starts and reads an answer before the next message: 1 to 3 s, seeded), and as a
 * stress run with no pause at all (50 clients back to back, about 170 messages a second here), where one process'
 * queue, not a turn's own work, sets the p95. BENCH_BOT=conversations|stress runs one of them.
 */
const conversations = 50;
const perConversation = 20;
const messages = [
  { kind: 'question', text: 'Wat zijn de kernwaarden van de gemeente?' },
  { kind: 'question', text: 'Wie is verantwoordelijk als AI een fout maakt?' },
  { kind: 'question', text: 'Hoe vraag ik een parkeervergunning aan?' },
  { kind: 'check sentence', text: 'Mag ik ChatGPT gebruiken om een brief samen te vatten?' },
  { kind: 'command', text: 'help' },
] as const;

export default async function botBench(): Promise<void> {
  const which = process.env.BENCH_BOT;
  if (which !== 'stress') await run('conversations', { minThinkMs: 1000, maxThinkMs: 3000 });
  if (which !== 'conversations') await run('stress (no pause)', { minThinkMs: 0, maxThinkMs: 0 });
}

/** A small seeded generator, so that every run pauses the same. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function run(name: string, pause: { minThinkMs: number; maxThinkMs: number }): Promise<void> {
  const random = seeded(42);
  const think = () =>
    pause.maxThinkMs === 0
      ? Promise.resolve()
      : new Promise((r) => setTimeout(r, pause.minThinkMs + random() * (pause.maxThinkMs - pause.minThinkMs)));
  const waiting = new Map<string, (at: number) => void>();
  const connector: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const conversation = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1];
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `r-${Math.random().toString(36).slice(2)}` }));
      const activity = JSON.parse(body || '{}') as { type?: string };
      if (conversation && activity.type === 'message')
        waiting.get(decodeURIComponent(conversation))?.(performance.now());
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const server = await startApp();
  const times = new Map<string, number[]>();
  let errors = 0;
  const send = async (conversation: string, i: number, activity: Record<string, unknown>, kind: string) => {
    const replied = new Promise<number>((resolve) => waiting.set(conversation, resolve));
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'msteams',
        serviceUrl,
        id: `${conversation}-${i}`,
        conversation: { id: conversation, conversationType: 'personal' },
        from: { id: `user-${conversation}` },
        recipient: { id: 'bot' },
        locale: 'nl-NL',
        ...activity,
      }),
    });
    if (activity.type === 'invoke') {
      const ok = res.status === 200 && (await res.text()).includes('AdaptiveCard');
      if (!ok) errors++;
      times.set(kind, [...(times.get(kind) ?? []), performance.now() - t0]);
      return;
    }
    if (res.status >= 400) errors++;
    const at = await Promise.race([replied, new Promise<number>((r) => setTimeout(() => r(-1), 5000))]);
    if (at < 0) errors++;
    else times.set(kind, [...(times.get(kind) ?? []), at - t0]);
  };
  const submit = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'quickcheck.submit',
        data: {
          tool: 'ChatGPT',
          purpose: 'een brief',
          task: '1',
          prohibitedPractice: '0',
          personalData: '0',
          confidentialData: '0',
          decisionAboutPerson: '0',
          humanReview: '0',
          audience: '0',
          syntheticMedia: '0',
          phase: '0',
          trainingDone: '0',
          lang: 'nl',
        },
      },
      trigger: 'manual',
    },
  };
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: conversations }, async (_, c) => {
        const conversation = `bench-${c}`;
        for (let i = 0; i < perConversation; i++) {
          // People do not start in step either: the first message comes after a pause too.
          await think();
          if (i % 5 === 4) await send(conversation, i, submit, 'card submit');
          else {
            const m = messages[(c + i) % messages.length]!;
            await send(conversation, i, { type: 'message', text: m.text }, m.kind);
          }
        }
      }),
    );
  } finally {
    await server.stop();
    connector.close();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `bot, ${name}: ${conversations} conversations x ${perConversation} messages in ${seconds.toFixed(1)} s, errors ${errors}`,
  );
  for (const [kind, list] of times)
    console.log(
      `  ${kind.padEnd(16)} n=${String(list.length).padStart(4)}  p50 ${percentile(list, 50).toFixed(1)} ms  p95 ${percentile(list, 95).toFixed(1)} ms`,
    );
}
