import type { Lang } from '../../lang.js';
import { verdictHeadline, type RecordedCheck } from '../../quickcheck/index.js';
import { adaptiveCard, container, executeAction, factSet, heading, textBlock, type Element } from './elements.js';
import { cardTexts, checkVerbs } from './texts.js';

const verdictStyle = { prohibited: 'attention', consult: 'warning', conditional: 'accent', allowed: 'good' } as const;

/** The register entry the verdict used and why ("herkend aan de alias 'chatgpt'"), or a name not in the register. */
function toolValue(tool: RecordedCheck['tool'], lang: Lang): string {
  const t = cardTexts[lang];
  if (!tool.id) return `${tool.name} (${t.notInRegister})`;
  return tool.matched ? t.toolMatched(tool.name, tool.matched.on, tool.matched.label) : tool.name;
}

/**
 * The verdict in place of the check card: the verdict first, then every reason with its sources (and the vision's own
 * words where a reason quotes it), the conditions as a checklist, advice, and the record it was kept as.
 */
export function verdictCard(verdict: RecordedCheck, lang: Lang): Element {
  const t = cardTexts[lang];
  const body: Element[] = [
    textBlock(t.verdictTitle, { isSubtle: true, size: 'Small' }),
    container([heading(verdictHeadline[verdict.verdict][lang], 'Large')], { style: verdictStyle[verdict.verdict] }),
    factSet([{ title: t.tool, value: toolValue(verdict.tool, lang) }]),
    heading(t.reasons),
  ];
  for (const reason of verdict.reasons) {
    const items: Element[] = [textBlock(reason.text)];
    if (reason.consult)
      items.push(textBlock(t.consult(reason.consult.who, reason.consult.assessment), { weight: 'Bolder' }));
    const sources = reason.sources.map(
      (s) => (s.url ? `[${s.title}](${s.url})` : s.title) + (s.ref ? ` (${s.ref})` : ''),
    );
    items.push(textBlock(`${t.sources}: ${sources.join('; ')}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    for (const quote of reason.sources.flatMap((s) => (s.quote ? [s.quote] : [])))
      items.push(textBlock(`"${quote}"`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    body.push(container(items, { spacing: 'Medium' }));
  }
  if (verdict.conditions.length > 0) {
    body.push(heading(t.conditions));
    for (const condition of verdict.conditions) body.push(textBlock(`☐ ${condition.text}`, { spacing: 'Small' }));
  }
  if (verdict.advice.length > 0) {
    body.push(heading(t.advice));
    for (const advice of verdict.advice) body.push(textBlock(`- ${advice.text}`, { spacing: 'Small' }));
  }
  body.push(
    textBlock(`${t.record(verdict.record.seq)} ${t.versions(verdict.rulesVersion, verdict.registerVersion)}`, {
      isSubtle: true,
      size: 'Small',
    }),
  );
  return adaptiveCard(body, {
    actions: [executeAction(t.again, checkVerbs.restart, { lang })],
    fallbackText: verdictHeadline[verdict.verdict][lang],
  });
}
