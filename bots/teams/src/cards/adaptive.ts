import type { CommandTool } from '@kvdoctor/diagnose';

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
  readonly size?: 'Small' | 'Medium';
  readonly weight?: 'Bolder';
  readonly color?: Color;
  readonly isSubtle?: boolean;
}

export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

/**
 * Teams' code block: monospace, with a copy button (Teams desktop and web). Other hosts and older
 * clients do not know it and render `fallback` instead, so it always carries one.
 */
export interface CodeBlock {
  readonly type: 'CodeBlock';
  readonly codeSnippet: string;
  readonly language: 'Bash' | 'PowerShell' | 'PlainText';
  readonly fallback: RichTextBlock;
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  /** Set on sections a toggle opens; hidden ones start with isVisible false. */
  readonly id?: string;
  readonly isVisible?: false;
  readonly style?: 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  readonly separator?: boolean;
  readonly spacing?: 'Small' | 'Medium' | 'Large';
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export interface Column {
  readonly type: 'Column';
  readonly width: 'auto' | 'stretch';
  readonly items: readonly CardElement[];
  readonly verticalContentAlignment?: 'Center';
}

export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly separator?: boolean;
  readonly spacing?: 'Small' | 'Medium';
}

export interface TextInput {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly placeholder: string;
  readonly label: string;
  readonly maxLength: number;
}

export type CardElement = TextBlock | RichTextBlock | CodeBlock | FactSet | Container | ColumnSet | ActionSet | TextInput;

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

/** Opens or closes sections in place, for the viewer only: no round trip to the bot. */
export interface ToggleVisibilityAction {
  readonly type: 'Action.ToggleVisibility';
  readonly title: string;
  readonly targetElements: readonly string[];
}

/** A message-back button; its data (and any inputs) reach the bot as a message's value. */
export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Opens a small card under the buttons (here: one input and its submit button). */
export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: { readonly type: 'AdaptiveCard'; readonly body: readonly CardElement[]; readonly actions: readonly CardAction[] };
}

export type CardAction = ExecuteAction | OpenUrlAction | ToggleVisibilityAction | SubmitAction | ShowCardAction;

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

/** A command or log line shown verbatim in a monospace run (text runs are not markdown). */
export function code(value: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value, fontType: 'Monospace' }] };
}

/**
 * Text from the library (titles, causes, steps) shown as written. A TextBlock is markdown, and
 * Teams reads `<vault-name>` in it as an HTML tag and drops it; a text run is never markdown.
 */
export function plain(value: string, style: Pick<TextRun, 'size' | 'weight' | 'color' | 'isSubtle'> & { spacing?: RichTextBlock['spacing'] } = {}): RichTextBlock {
  const { spacing, ...run } = style;
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value, ...run }], ...(spacing === undefined ? {} : { spacing }) };
}

/** Teams' CodeBlock languages include Bash and PowerShell; YAML, Bicep and HCL are not among them. */
const LANGUAGE: Record<CommandTool, CodeBlock['language']> = {
  az: 'Bash',
  bash: 'Bash',
  powershell: 'PowerShell',
  bicep: 'PlainText',
  terraform: 'PlainText',
  'azure-pipelines': 'PlainText',
  'github-actions': 'PlainText',
  'gitlab-ci': 'PlainText',
};

/** A command with Teams' copy button; hosts without CodeBlock show the monospace run instead. */
export function codeBlock(value: string, tool: CommandTool): CodeBlock {
  return { type: 'CodeBlock', codeSnippet: value, language: LANGUAGE[tool], fallback: code(value) };
}

/**
 * Markdown that shows `text` as written: fact values are markdown in Teams, where `<x>` would be
 * taken for a tag and dropped. A backslash escape is plain CommonMark (entities are not decoded
 * by every Teams client).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => `\\${c}`);
}

export function facts(rows: readonly (readonly [string, string | undefined])[]): FactSet | undefined {
  const present = rows.filter((r): r is readonly [string, string] => r[1] !== undefined && r[1] !== '');
  return present.length === 0 ? undefined : { type: 'FactSet', facts: present.map(([title, value]) => ({ title, value: escapeMarkdown(value) })) };
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
