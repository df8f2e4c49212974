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

/** Every parse and validation problem the library reports; empty for a valid 1.5 card. */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
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
