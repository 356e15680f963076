import type { FrontDoorResponse } from '../../api/ask.js';
import { askRequestSchema } from '../../api/ask.js';
import type { Lang } from '../../lang.js';
import { parseInput } from '../../validation.js';
import { chooseLanguage } from '../../vision/index.js';
import type { AskService } from '../ask.js';
import type { CheckService, PrefilledCheck } from '../checks.js';
import { invalidInput } from '../errors.js';
import type { ScanService } from '../scans.js';
import { routeMessage } from './route.js';
import { frontDoorTexts } from './texts.js';

/** One entry for what a person typed, in the bot, the tab's question box or `ai-wijzer ask`. */
export interface FrontDoor {
  /** Validates `{question, lang?}`, routes it and answers: a vision answer, or the check, the scan or help to start. */
  ask(input: unknown, requestLang: Lang): Promise<FrontDoorResponse>;
}

export function frontDoor(deps: { ask: AskService; checks: CheckService; scans: ScanService }): FrontDoor {
  const { ask, checks, scans } = deps;
  return {
    async ask(input, requestLang) {
      const parsed = parseInput(askRequestSchema, input, requestLang);
      if (!parsed.ok) throw invalidInput(parsed.problems);
      const { question, lang } = parsed.data;
      // The tool names as the register is kept now: a tool an admin just added is found at once.
      const route = routeMessage(question, await checks.current());
      // A command ("check", "scan") is no language of its own: the client's decides, as for "help".
      const command = (route.kind === 'check' || route.kind === 'scan') && route.command;
      const language = lang ?? (command ? requestLang : chooseLanguage(ask.vision, question));
      const t = frontDoorTexts[language];
      switch (route.kind) {
        case 'vision':
          return ask.ask(route.question === '' ? question : route.question, lang ? { lang } : {});
        case 'intent':
          return ask.ask(question, { ...(lang ? { lang } : {}), ...(route.intent ? { intent: route.intent } : {}) });
        case 'empty':
        case 'help': {
          // "help" is no language of its own: the client's (Accept-Language, the Teams locale) decides.
          const helpLang = lang ?? requestLang;
          return { outcome: 'help', question, language: helpLang, answer: frontDoorTexts[helpLang].help };
        }
        case 'scan':
          return {
            outcome: 'scan',
            question,
            language,
            answer: scans.graphScans ? t.scan : `${t.scan} ${t.scanNoGraph}`,
            scan: { graphScans: scans.graphScans },
          };
        case 'check': {
          const prefilled = checks.prefill(route.tool, route.task);
          // Without a task ("kan ik een BSN in ChatGPT zetten?") or without a tool ("mag ik AI gebruiken om aanvragen
          // te beoordelen?") the sentence asks about a tool or about AI in general, where the vision speaks: its
          // direct answer comes along. A named tool for a named task is the check's alone, and so is "check" itself.
          const vision =
            (route.task && route.tool) || route.command ? undefined : await ask.ask(route.question, { lang: language });
          return {
            outcome: 'check',
            question,
            language,
            answer: checkText(prefilled, language, checks),
            check: { ...prefilled, ...(vision?.outcome === 'answer' && !vision.intent ? { vision } : {}) },
          };
        }
      }
    },
  };
}

function checkText(prefilled: PrefilledCheck, lang: Lang, checks: CheckService): string {
  const t = frontDoorTexts[lang];
  const parts: string[] = [];
  if (prefilled.tool && 'name' in prefilled.tool) parts.push(t.tool(prefilled.tool.name));
  if (prefilled.task) {
    const label = checks
      .questions(lang)
      .questions.find((q) => q.field === 'task')
      ?.options?.find((o) => o.value === prefilled.task)?.label;
    parts.push(t.task(label ?? prefilled.task));
  }
  return [
    t.check,
    ...(parts.length ? [t.filled(parts)] : []),
    ...(prefilled.tool && 'candidates' in prefilled.tool
      ? [t.choose(prefilled.tool.candidates.map((c) => c.name))]
      : []),
    t.open(prefilled.open.length),
  ].join(' ');
}
