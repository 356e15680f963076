/**
 * The front door's own evaluation (`npm run eval -- --router`): per set, how many sentences go where they should
 * (with a 95% interval), the confusion matrix, and for the check how often the tool and the task are filled in right.
 * router-dev*.yaml are tuned on (their misses may be listed); the router-heldout*.yaml sets were
 * written without sight of the router or the other sets and are only scored. Then the vision's own question sets
 * through the front door: which questions the vision answered before and the router now sends elsewhere (target: none).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { routeMessage, type Route, type RouteKind } from '../../../src/app/front-door/route.js';
import { rootDir } from '../../../src/paths.js';
import { loadQuickcheckContent } from '../../../src/quickcheck/index.js';
import { isVisionAnswer } from '../../../src/api/ask.js';
import { createApplication } from '../../../src/app/index.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { askExtractive, type AskResult } from '../../../src/vision/index.js';
import { wilsonInterval } from '../../vision/eval/intervals.js';
import {
  loadOwnQuestions,
  loadQuestions,
  questionsPath,
  validation2QuestionsPath,
  validation3QuestionsPath,
  validationQuestionsPath,
  type ScoredQuestion,
} from '../../vision/eval/evaluate.js';

export const routerEvalDir = join(rootDir, 'tests', 'app', 'eval');
export const routerDevPath = join(routerEvalDir, 'router-dev.yaml');

function setsNamed(pattern: RegExp): string[] {
  const number = (f: string) => Number(/(\d+)\.yaml$/.exec(f)?.[1] ?? 1);
  return readdirSync(routerEvalDir)
    .filter((f) => pattern.test(f))
    .sort((a, b) => number(a) - number(b))
    .map((f) => join(routerEvalDir, f));
}
/** The development sets, tuned on: router-dev.yaml, and the sets written as held out, scored, then tuned on
 * (router-dev2.yaml, ...; their headers say so). The trainer (scripts/train-router.ts) learns from these. */
export function devPaths(): string[] {
  return setsNamed(/^router-dev\d*\.yaml$/);
}
/** The held-out sets: written without sight of the router, scored, never tuned on (router-heldout8.yaml, ...). */
export function heldOutPaths(): string[] {
  return setsNamed(/^router-heldout\d+\.yaml$/);
}

/** What the sets label: help is an intent too (the vision's small talk and the capabilities overview). */
export const goldRoutes = ['vision', 'check', 'scan', 'intent'] as const;
export type GoldRoute = (typeof goldRoutes)[number];

const sentenceSchema = z.strictObject({
  id: z.string().min(1),
  lang: z.enum(['nl', 'en']),
  text: z.string().min(1),
  route: z.enum(goldRoutes),
  tool: z.string().min(1).optional(),
  task: z.string().min(1).optional(),
  note: z.string().optional(),
});
const setSchema = z.strictObject({ version: z.literal(1), sentences: z.array(sentenceSchema).min(1) });
export type RouterSentence = z.infer<typeof sentenceSchema>;

export function loadRouterSet(path: string): RouterSentence[] {
  const parsed = setSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.sentences;
}

/** The route as the sets label it. */
export function goldOf(route: Route): GoldRoute | 'empty' {
  const kinds: Record<RouteKind, GoldRoute | 'empty'> = {
    vision: 'vision',
    check: 'check',
    scan: 'scan',
    intent: 'intent',
    help: 'intent',
    // An empty message (an emoji, an attachment) is answered with help, as "help" is.
    empty: 'intent',
  };
  return kinds[route.kind];
}

/** The tool as the sets write it: a register id, "ambiguous", "unregistered: Name", or nothing. */
export function toolLabel(route: Route): string | undefined {
  if (route.kind !== 'check' || !route.tool) return undefined;
  if (route.tool.kind === 'registered') return route.tool.tool.id;
  if (route.tool.kind === 'ambiguous') return 'ambiguous';
  return `unregistered: ${route.tool.name}`;
}

const sameTool = (gold: string | undefined, got: string | undefined) =>
  (gold ?? '').toLowerCase().replace(/\s+/g, ' ') === (got ?? '').toLowerCase().replace(/\s+/g, ' ');

export interface RouterFigures {
  sentences: number;
  right: number;
  interval: [number, number];
  matrix: Record<GoldRoute, Record<GoldRoute | 'empty', number>>;
  checks: number;
  toolRight: number;
  taskRight: number;
  misses: { id: string; text: string; gold: string; got: string }[];
}

export function scoreRouter(sentences: RouterSentence[]): RouterFigures {
  const content = loadQuickcheckContent();
  const empty = () => ({ vision: 0, check: 0, scan: 0, intent: 0, empty: 0 });
  const matrix = { vision: empty(), check: empty(), scan: empty(), intent: empty() };
  let right = 0;
  let checks = 0;
  let toolRight = 0;
  let taskRight = 0;
  const misses: RouterFigures['misses'] = [];
  for (const s of sentences) {
    const route = routeMessage(s.text, content);
    const got = goldOf(route);
    matrix[s.route][got]++;
    const tool = toolLabel(route);
    const task = route.kind === 'check' ? (route.task ?? undefined) : undefined;
    if (got === s.route) right++;
    if (s.route === 'check' && got === 'check') {
      checks++;
      if (sameTool(s.tool, tool)) toolRight++;
      if ((s.task ?? undefined) === task) taskRight++;
    }
    const prefillWrong = got === 'check' && s.route === 'check' && (!sameTool(s.tool, tool) || s.task !== task);
    if (got !== s.route || prefillWrong) {
      misses.push({
        id: s.id,
        text: s.text,
        gold: `${s.route}${s.route === 'check' ? ` tool=${s.tool ?? '-'} task=${s.task ?? '-'}` : ''}`,
        got: `${got}${got === 'check' ? ` tool=${tool ?? '-'} task=${task ?? '-'}` : ''}`,
      });
    }
  }
  return {
    sentences: sentences.length,
    right,
    interval: wilsonInterval(right, sentences.length),
    matrix,
    checks,
    toolRight,
    taskRight,
    misses,
  };
}

export interface RoutedAway {
  set: string;
  inScope: number;
  /** In-scope questions the front door sends to the check, the scan or help. */
  routedAway: number;
  /** Of those, how many still carry the vision's answer (a check about a tool without a task brings it along). */
  answerKept: number;
  /** Questions the vision alone answered directly with a right section, and the front door no longer does: lost. */
  answeredRightLost: { id: string; question: string; route: string }[];
  /** Out-of-scope questions the front door sends elsewhere (no loss: the vision would have said it has no answer). */
  outOfScopeElsewhere: number;
}

/** The vision's question sets through the real front door: which right answers would a person no longer get? */
export async function visionSetsThroughFrontDoor(): Promise<RoutedAway[]> {
  const app = createApplication({ config: loadConfig({}), logger: createLogger('silent') });
  const contact = loadConfig({}).PRIVACY_CONTACT;
  const sets: [string, ScoredQuestion[]][] = [
    ['questions.yaml', await loadQuestions(questionsPath)],
    ['validation-questions.yaml', await loadQuestions(validationQuestionsPath)],
    ['validation2-questions.yaml', await loadQuestions(validation2QuestionsPath)],
    ['validation3-questions.yaml', await loadQuestions(validation3QuestionsPath)],
    ['own-questions.yaml', await loadOwnQuestions()],
  ];
  const results: RoutedAway[] = [];
  for (const [set, questions] of sets) {
    const result: RoutedAway = {
      set,
      inScope: 0,
      routedAway: 0,
      answerKept: 0,
      answeredRightLost: [],
      outOfScopeElsewhere: 0,
    };
    for (const q of questions) {
      const response = await app.frontDoor.ask({ question: q.question }, q.lang);
      const away = !isVisionAnswer(response);
      if (q.scope === 'out') {
        if (away) result.outOfScopeElsewhere++;
        continue;
      }
      result.inScope++;
      if (!away) continue;
      result.routedAway++;
      const kept = response.outcome === 'check' ? response.check.vision : undefined;
      if (kept) result.answerKept++;
      const alone = askExtractive(app.ask.vision, q.question, { contact });
      const right = (r: AskResult | undefined) =>
        r?.outcome === 'answer' && r.citations[0] !== undefined && q.sections.includes(r.citations[0].sectionId);
      if (right(alone) && !right(kept))
        result.answeredRightLost.push({ id: q.id, question: q.question, route: response.outcome });
    }
    results.push(result);
  }
  return results;
}
