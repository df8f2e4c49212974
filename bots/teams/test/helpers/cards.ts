import { CARD_CONTENT_TYPE, type AdaptiveCard } from '../../src/cards/adaptive';

/**
 * Validation with Microsoft's own Adaptive Cards library, at version 1.5 (what Teams renders).
 * The package's lib/ build is extensionless ESM that Node cannot load; its dist/ bundle can.
 */
interface ValidationEvent {
  readonly message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: ValidationEvent[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): ValidationEvent };
  Versions: { v1_5: unknown };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC: AdaptiveCardsModule = require('adaptivecards/dist/adaptivecards.js');

/**
 * Teams' CodeBlock is newer than this library, which reports it as unknown and renders its
 * fallback, exactly as an older Teams client would. The fallback itself is parsed and validated.
 */
const CODE_BLOCK_FALLS_BACK = 'Unknown element type "CodeBlock". Fallback will be used if present.';

/** Every parse and validation problem the library reports; empty for a valid 1.5 card. */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const { message } = context.getEventAt(i);
    if (message !== CODE_BLOCK_FALLS_BACK) problems.push(message);
  }
  problems.push(...card.validateProperties().validationEvents.map((e) => e.message));
  return problems;
}

/** All text a card shows or carries, for asserting what it says (and what it must not say). */
export function cardText(json: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(json);
  return out.join('\n');
}

/** The Adaptive Card inside an activity's attachments, or undefined. */
export function cardOf(activity: unknown): AdaptiveCard | undefined {
  if (typeof activity !== 'object' || activity === null || !('attachments' in activity) || !Array.isArray(activity.attachments)) return undefined;
  const found: unknown = activity.attachments.find((a: unknown) => typeof a === 'object' && a !== null && 'contentType' in a && a.contentType === CARD_CONTENT_TYPE);
  if (typeof found !== 'object' || found === null || !('content' in found)) return undefined;
  const content: unknown = found.content;
  return isCard(content) ? content : undefined;
}

function isCard(v: unknown): v is AdaptiveCard {
  return typeof v === 'object' && v !== null && 'type' in v && v.type === 'AdaptiveCard';
}

/** Execute actions anywhere in a card (top-level actions and ActionSets). */
export function executeActions(json: unknown): { title: string; verb: string; data: unknown }[] {
  const found: { title: string; verb: string; data: unknown }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      if ('type' in v && v.type === 'Action.Execute' && 'title' in v && 'verb' in v && typeof v.title === 'string' && typeof v.verb === 'string') {
        found.push({ title: v.title, verb: v.verb, data: 'data' in v ? v.data : undefined });
      }
      Object.values(v).forEach(walk);
    }
  };
  walk(json);
  return found;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The texts a reader sees before opening anything: hidden sections (isVisible false), the cards
 * behind Action.ShowCard and a CodeBlock's fallback are skipped; button titles are included.
 */
export function collapsedText(json: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isRecord(v) || v.isVisible === false) return;
    if (v.type === 'Action.ShowCard' && typeof v.title === 'string') return void out.push(v.title);
    if ((v.type === 'TextBlock' || v.type === 'TextRun') && typeof v.text === 'string') out.push(v.text);
    if (v.type === 'CodeBlock' && typeof v.codeSnippet === 'string') return void out.push(v.codeSnippet);
    // A FactSet's facts are plain {title, value} objects with no type.
    if (v.type === undefined && typeof v.title === 'string' && typeof v.value === 'string') return void out.push(`${v.title}: ${v.value}`);
    if (typeof v.type === 'string' && v.type.startsWith('Action.') && typeof v.title === 'string') out.push(v.title);
    for (const [key, child] of Object.entries(v)) if (key !== 'data' && key !== 'fallback') walk(child);
  };
  walk(json);
  return out;
}

/** The element with this id (a hidden section), or undefined. */
export function elementById(json: unknown, id: string): unknown {
  let found: unknown;
  const walk = (v: unknown): void => {
    if (found !== undefined) return;
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isRecord(v)) return;
    if (v.id === id) found = v;
    else Object.values(v).forEach(walk);
  };
  walk(json);
  return found;
}

/**
 * Markdown texts (TextBlock, fact values) holding an unescaped `<`: Teams reads `<vault-name>`
 * there as an HTML tag and drops it, so none may exist.
 */
export function markdownTags(json: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isRecord(v)) return;
    if (v.type === 'TextBlock' && typeof v.text === 'string' && /(^|[^\\])</.test(v.text)) out.push(v.text);
    if (v.type === 'FactSet' && Array.isArray(v.facts)) {
      for (const f of v.facts) if (isRecord(f) && typeof f.value === 'string' && /(^|[^\\])</.test(f.value)) out.push(f.value);
    }
    Object.values(v).forEach(walk);
  };
  walk(json);
  return out;
}

/** Every CodeBlock's snippet, in card order. */
export function codeBlocks(json: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isRecord(v)) return;
    if (v.type === 'CodeBlock' && typeof v.codeSnippet === 'string') out.push(v.codeSnippet);
    Object.values(v).forEach(walk);
  };
  walk(json);
  return out;
}
