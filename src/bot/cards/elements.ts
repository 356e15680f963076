/**
 * Small typed builders for Adaptive Cards 1.5 (what Teams renders): a card is composed from these, never written as
 * a JSON literal in a handler. Each returns the plain JSON element; optional properties are left out when unset.
 */

export type Element = Record<string, unknown> & { type: string };
export type Action = Record<string, unknown> & { type: string; title: string };

export const cardContentType = 'application/vnd.microsoft.card.adaptive';

const defined = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export interface TextOptions {
  weight?: 'Bolder' | 'Default';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  color?: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium' | 'Large';
  style?: 'heading';
  id?: string;
}

/** A wrapped text block (Markdown as Teams renders it in cards). */
export function textBlock(text: string, options: TextOptions = {}): Element {
  return defined({ type: 'TextBlock', text, wrap: true, ...options });
}

/** A heading, marked as one for screen readers (AC 1.5 `style: heading`). */
export function heading(text: string, size: TextOptions['size'] = 'Medium'): Element {
  return textBlock(text, { weight: 'Bolder', size, style: 'heading' });
}

export function container(
  items: Element[],
  options: {
    style?: 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
    spacing?: TextOptions['spacing'];
    id?: string;
  } = {},
): Element {
  return defined({ type: 'Container', items, ...options });
}

export function factSet(facts: { title: string; value: string }[]): Element {
  return { type: 'FactSet', facts };
}

export interface InputOptions {
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export function choiceSet(
  id: string,
  choices: { title: string; value: string }[],
  options: InputOptions & { value?: string; style?: 'compact' | 'expanded' },
): Element {
  return defined({ type: 'Input.ChoiceSet', id, choices, wrap: true, ...options });
}

export function textInput(
  id: string,
  options: InputOptions & { value?: string; placeholder?: string; isMultiline?: boolean; maxLength?: number },
): Element {
  return defined({ type: 'Input.Text', id, ...options });
}

/**
 * `Action.Execute` (Universal Actions): Teams sends an `adaptiveCard/action` invoke with the verb and the inputs. A
 * client that has no Universal Actions falls back to an `Action.Submit` with the same verb in its data.
 */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  style?: 'positive' | 'destructive',
): Action {
  return defined({
    type: 'Action.Execute',
    title,
    verb,
    data,
    style,
    fallback: submitAction(title, { ...data, verb }),
  });
}

/** `Action.Submit`: a message with the inputs in `value`; the fallback for clients without Universal Actions. */
export function submitAction(title: string, data: Record<string, unknown>): Action {
  return { type: 'Action.Submit', title, data };
}

/** A button that sends a message as if the person typed it (Teams `imBack`). */
export function messageBackAction(title: string, text: string): Action {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: text } } };
}

export function openUrlAction(title: string, url: string): Action {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: Action[]): Element {
  return { type: 'ActionSet', actions };
}

/** An Adaptive Card 1.5; `fallbackText` is what clients that cannot render it (and notifications) show. */
export function adaptiveCard(body: Element[], options: { actions?: Action[]; fallbackText?: string } = {}): Element {
  return defined({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: options.actions,
    fallbackText: options.fallbackText,
  });
}
