import { findToolAndTask, type QuickcheckContent, type SentenceMatch } from '../../quickcheck/index.js';
import { normalise } from '../../quickcheck/normalise.js';
import type { ToolMention } from '../../quickcheck/tool-names.js';
import { detectIntent, type Intent } from '../../vision/index.js';
import { classify, features, shippedRouterModel, type RouterModel } from './classifier.js';
import { phrases } from './phrases.js';

type Task = NonNullable<SentenceMatch['task']>;
type Content = Pick<QuickcheckContent, 'register' | 'questions'>;

/** Where a message goes: the vision, the quick check (with what the sentence already says), the scan, or help. */
export type Route =
  | { kind: 'vision'; question: string }
  | { kind: 'intent'; question: string; intent?: Intent }
  | { kind: 'help' }
  | { kind: 'check'; question: string; tool: ToolMention | null; task: Task | null; command?: true }
  | { kind: 'scan'; question: string; command?: true }
  | { kind: 'empty' };

export type RouteKind = Route['kind'];

/** Teams puts "<at>AI-wijzer</at>" in front of a message in a channel. */
export function stripMentions(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, ' ').trim();
}

const has = (pattern: RegExp, text: string) => pattern.test(text);

/**
 * The front door: one decision for the bot, the tab's question box and the CLI. A permission question about using
 * a tool ("mag ik ChatGPT gebruiken om ...?", "is Copilot toegestaan voor ...", "may I use X for Y") starts the check;
 * a question about the vision stays a vision question, also when it names a tool ("wat zegt de visie over
 * ChatGPT?"); "scan onze mappen" starts the scan; greetings, thanks and "ben je een mens?" are the vision's intents.
 */
export function routeMessage(
  message: string,
  content: Content,
  model: RouterModel | null = shippedRouterModel(),
): Route {
  const question = stripMentions(message);
  const text = normalise(question);
  if (text === '') return { kind: 'empty' };

  const [first = '', ...restWords] = text.split(' ');
  // Typed commands (the manifest's command menu sends its title as text, perhaps followed by more).
  if (phrases.helpCommands.has(text) || (phrases.askCommands.has(first) && restWords.length === 0))
    return { kind: 'help' };
  if (phrases.askCommands.has(first)) return { kind: 'vision', question: afterFirstWord(question) };
  if (phrases.checkCommands.has(text)) return { kind: 'check', question, tool: null, task: null, command: true };
  if (phrases.scanCommands.has(text)) return { kind: 'scan', question, command: true };
  if (first === 'scan' && !has(phrases.visionTopic, text)) return { kind: 'scan', question };
  if (first === 'check')
    return looksLikeScan(text) ? { kind: 'scan', question } : check(question, afterFirstWord(question), content);

  if (detectIntent(question)) return { kind: 'intent', question };
  const checkLike = looksLikeCheck(text, question, content);
  // "mag ons team Copilot gebruiken om de teamsite door te zoeken?" asks about a tool, though it names files.
  if (checkLike && findToolAndTask(question, content, phrases.otherTools).tool)
    return check(question, question, content);
  if (looksLikeScan(text)) return { kind: 'scan', question };
  if (checkLike || has(phrases.checkRequest, text)) return check(question, question, content);
  return learned(question, text, content, model) ?? { kind: 'vision', question };
}

/**
 * Where the rules found nothing to go on (the vision by default), the trained model may still see a check, a scan or
 * small talk in the words ("kun je even kijken wat er op onze S-schijf weg kan?"), when it is sure enough.
 */
function learned(question: string, text: string, content: Content, model: RouterModel | null): Route | undefined {
  if (!model) return undefined;
  const p = classify(model, features(question, signals(text, question, content)));
  const [best, probability] = (['check', 'scan', 'intent'] as const)
    .map((c) => [c, p[c]] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  if (probability < model.threshold || vetoed(best, text)) return undefined;
  if (best === 'check') return check(question, question, content);
  if (best === 'scan') return { kind: 'scan', question };
  return { kind: 'intent', question, intent: intentFromWords(text) };
}

/** What the rules hold for the vision whatever the words say: the model does not overrule it. */
function vetoed(route: 'check' | 'scan' | 'intent', text: string): boolean {
  if (has(phrases.visionTopic, text)) return true;
  if (route === 'check') return has(phrases.policyStance, text) || has(phrases.askTheBot, text);
  if (route === 'scan') {
    const aboutAi = has(phrases.genericAi, text) || has(phrases.asOrganisation, text);
    return (
      has(phrases.policyQuestion, text) || (aboutAi && !has(phrases.inspectVerb, text) && !has(phrases.readiness, text))
    );
  }
  return false;
}

/** Which small talk a message the model took for small talk is, by its words. */
function intentFromWords(text: string): Intent {
  if (has(phrases.thanksWords, text)) return 'thanks';
  if (has(phrases.personWords, text)) return 'human';
  if (has(phrases.greetingWords, text) && text.split(' ').length <= 4) return 'greeting';
  return 'about';
}

/** The rules' view of a message, as features for the model. */
export function signals(text: string, question: string, content: Content): string[] {
  const { tool, task } = findToolAndTask(question, content, phrases.otherTools);
  const named = Object.entries(phrases)
    .filter(([, pattern]) => pattern instanceof RegExp && pattern.test(text))
    .map(([name]) => name);
  return [
    ...named,
    `tool-${tool?.kind ?? 'none'}`,
    `task-${task ?? 'none'}`,
    ...(detectIntent(question) ? ['intent'] : []),
  ];
}

function afterFirstWord(question: string): string {
  return question.replace(/^\s*\/?[\p{L}-]+[\s:,]*/u, '').trim();
}

function check(question: string, about: string, content: Content): Route {
  const { tool, task } = findToolAndTask(askingPart(about), content, phrases.otherTools);
  const whole = findToolAndTask(about, content, phrases.otherTools);
  return { kind: 'check', question, tool: tool ?? whole.tool, task: task ?? whole.task };
}

/** "We gebruikten altijd ChatGPT, maar dat mag niet. Mag ik dan wel Mistral gebruiken?": the sentence that asks. */
function askingPart(message: string): string {
  const sentences = message.split(/(?<=[.?!])\s+/);
  return sentences.find((s) => has(phrases.permission, normalise(s))) ?? message;
}

function looksLikeScan(text: string): boolean {
  if (has(phrases.visionTopic, text) || has(phrases.policyQuestion, text)) return false;
  if (has(phrases.asOrganisation, text) && !has(phrases.scanWords, text)) return false;
  // "hoe netjes zijn onze bestanden?" asks for a scan; "hoe belangrijk is het dat onze mappen netjes zijn?" and
  // "waarom moet de G-schijf op orde zijn?" ask the vision.
  if (has(phrases.howTidy, text)) return has(phrases.strictlyOurFiles, text);
  if (has(phrases.whichFiles, text))
    return (has(phrases.tidiness, text) || has(phrases.sensitiveData, text)) && has(phrases.strictlyOurFiles, text);
  if (has(phrases.questionWord, text)) return false;
  if (has(phrases.scanWords, text)) return true;
  if (!has(phrases.ourFiles, text)) return false;
  if (has(phrases.inspectVerb, text) || has(phrases.readiness, text) || has(phrases.whatIsInFiles, text)) return true;
  // "onze bestanden opruimen voordat we AI gebruiken" is about the vision's data housekeeping, not a scan request.
  return has(phrases.tidiness, text) && !has(phrases.genericAi, text) && !has(phrases.asOrganisation, text);
}

function looksLikeCheck(text: string, question: string, content: Content): boolean {
  const askedAfter = has(phrases.permissionAfter, text);
  // "hoe zit het met Copilot voor notulen, mag dat?" asks permission after all; "waarom is X niet toegestaan" does not.
  if (has(phrases.visionTopic, text) || has(phrases.policyStance, text)) return false;
  const { tool, task } = findToolAndTask(question, content, phrases.otherTools);
  if (has(phrases.howAbout, text) && tool !== null && task !== null) return true;
  if (has(phrases.questionWord, text) && !has(phrases.askedAfter, text)) return false;
  const use = has(phrases.useVerb, text);
  if (!has(phrases.permission, text) && !askedAfter) {
    if (tool === null) return false;
    // "kan Copilot de notulen maken?", "mag Fireflies onze vergadering opnemen?": the tool is asked about directly;
    // "graag een check: ChatGPT voor een nota"; "Copilot gebruiken voor notulen?".
    if (has(phrases.toolFirst, text) || has(phrases.checkWord, text)) return task !== null || use;
    return use && task !== null && text.split(' ').length <= 10;
  }
  if (tool?.kind === 'unregistered') return true;
  if (tool) return use || task !== null || has(phrases.allowedWord, text) || has(phrases.intoTool, text);
  if (!has(phrases.genericAi, text) || has(phrases.asOrganisation, text)) return false;
  // "mag ik AI gebruiken om aanvragen te beoordelen?" names a task; "mag ik AI gebruiken?" asks for the check itself;
  // "..., mag dat?" asks outright. "mag ik als medewerker experimenteren met AI?" asks the vision.
  return (
    task !== null || has(phrases.strongPermission, text) || (use && (leftOver(text) <= 2 || has(phrases.purpose, text)))
  );
}

/** Words that are not part of "mag ik (een) AI(-tool) gebruiken (voor mijn werk)". */
function leftOver(text: string): number {
  return text
    .replace(phrases.permission, ' ')
    .replace(phrases.genericAi, ' ')
    .replace(phrases.useVerb, ' ')
    .split(' ')
    .filter((w) => w !== '' && !phrases.fillers.has(w)).length;
}
