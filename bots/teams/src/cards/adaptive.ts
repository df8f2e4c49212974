/**
 * The small part of Adaptive Cards 1.5 the bot uses (Teams renders up to 1.5), typed so a card
 * cannot be built with a misspelt property. Builders return plain JSON; nothing here renders.
 */
const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

type Color = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly weight?: 'Bolder';
  readonly color?: Color;
  readonly isSubtle?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
  readonly separator?: boolean;
}

/** Text runs are never read as markdown, so commands keep their `*`, `_` and `$()` intact. */
export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly fontType?: 'Monospace';
  readonly weight?: 'Bolder';
  readonly color?: Color;
  readonly isSubtle?: boolean;
}

export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  readonly separator?: boolean;
  readonly spacing?: 'Small' | 'Medium' | 'Large';
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export type CardElement = TextBlock | RichTextBlock | FactSet | Container | ActionSet;

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type CardAction = ExecuteAction | OpenUrlAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  /** Teams-only: use the chat's full width, which long commands need. */
  readonly msteams?: { readonly width: 'Full' };
}

export function card(body: readonly CardElement[], actions: readonly CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function text(value: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...style };
}

/** A command or log line shown verbatim in a monospace run. */
export function code(value: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value, fontType: 'Monospace' }] };
}

export function facts(rows: readonly (readonly [string, string | undefined])[]): FactSet | undefined {
  const present = rows.filter((r): r is readonly [string, string] => r[1] !== undefined && r[1] !== '');
  return present.length === 0 ? undefined : { type: 'FactSet', facts: present.map(([title, value]) => ({ title, value })) };
}

export function container(items: readonly (CardElement | undefined)[], style: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items: items.filter((i): i is CardElement => i !== undefined), ...style };
}

/** A markdown bullet list for a TextBlock; Teams' card docs separate list items with \r. */
export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\r');
}

/** Bytes the card takes inside an activity, which is what Teams' size limit counts. */
export function cardBytes(c: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(c), 'utf8');
}
