import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rootDir } from '../src/paths.js';
import { ask, askExtractive, loadVision, semanticIndex, type SemanticOptions } from '../src/vision/index.js';
import { median, percentile } from './stats.js';

/** Vraag het de visie: start-up cost (load + validate + index) and answering latency over every eval question. */
export default async function visionBench(): Promise<void> {
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    loadVision();
    loads.push(performance.now() - t0);
  }
  console.log(
    `vision load + index: median ${median(loads).toFixed(1)} ms of ${loads.length} loads (first ${loads[0]!.toFixed(1)} ms)`,
  );

  const vision = loadVision();
  const { questions } = parse(readFileSync(join(rootDir, 'tests', 'vision', 'eval', 'questions.yaml'), 'utf8')) as {
    questions: { question: string }[];
  };
  const options = { contact: 'het AI- en privacyteam' };
  for (const q of questions) askExtractive(vision, q.question, options); // warm-up
  const rounds: { p50: number; p95: number }[] = [];
  for (let round = 0; round < 7; round++) {
    const times: number[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      askExtractive(vision, q.question, options);
      times.push(performance.now() - t0);
    }
    rounds.push({ p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  console.log(
    `ask (extractive, in-process, ${questions.length} questions x ${rounds.length} rounds): p50 ${(median(rounds.map((r) => r.p50)) * 1000).toFixed(0)} us, p95 ${(median(rounds.map((r) => r.p95)) * 1000).toFixed(0)} us (medians over rounds)`,
  );

  // The worst a message can do: the longest question allowed (500 characters), as one "word" or as many long ones;
  // each time other letters, so that no stem is cached from the time before.
  const letters = (i: number) => String.fromCharCode(97 + i, 98 + i);
  const hostile: Record<string, (i: number) => string> = {
    'one 500-letter word': (i) => `${letters(i)}${'gegevensbescherming'.repeat(27)}`.slice(0, 500),
    'twelve 40-letter words': (i) =>
      Array.from(
        { length: 12 },
        (_, w) => `${letters(i + w)[0]}gegevensbeschermingseffectbeoordeling${letters(w)}`,
      ).join(' '),
  };
  for (const [name, question] of Object.entries(hostile)) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const text = question(i);
      const t0 = performance.now();
      askExtractive(vision, text, options);
      times.push(performance.now() - t0);
    }
    console.log(`ask, ${name}: median ${median(times).toFixed(2)} ms of ${times.length}`);
  }

  // The semantic mode without its endpoint: what it adds in-process to each question (the closeness to every
  // section text and the fused order), with vectors of 384 dimensions (multilingual-e5-small) given by an
  // in-process stand-in for the endpoint. The endpoint's own time comes on top.
  const dimensions = 384;
  const vector = (text: string) => Array.from({ length: dimensions }, (_, i) => Math.sin((text.length + 1) * (i + 1)));
  const semantic: SemanticOptions = {
    baseUrl: 'http://in-process',
    model: 'bench',
    fetch: async (_url, init) => {
      const input = (JSON.parse(init.body) as { input: string[] }).input;
      const body = { data: input.map((text, index) => ({ index, embedding: vector(text) })) };
      return { ok: true, status: 200, headers: { get: () => null }, json: async () => body };
    },
  };
  const ready = await semanticIndex(vision, semantic).prepare();
  const extraPerRound: number[] = [];
  for (let round = 0; round < 7; round++) {
    const extra: number[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      askExtractive(vision, q.question, options);
      const t1 = performance.now();
      await ask(vision, q.question, { ...options, semantic });
      extra.push(performance.now() - t1 - (t1 - t0));
    }
    extraPerRound.push(percentile(extra, 50));
  }
  console.log(
    `ask, semantic mode over ${ready.ok ? ready.texts : 0} section texts of ${dimensions} dimensions, endpoint excluded: ${median(extraPerRound).toFixed(2)} ms more per question (p50, median over rounds)`,
  );
}
