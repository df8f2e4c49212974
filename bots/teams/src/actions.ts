import { DetailsSchema, FactsSchema, RuleIdSchema, type Details, type Facts } from '@kvdoctor/diagnose';
import { z } from 'zod';

/**
 * The data each card button carries. A button holds everything its handler needs (vault, address,
 * caller, family, facts), so whichever bot instance receives the click can answer it: no state is
 * kept between turns. Everything arriving back is outside data and is parsed here.
 */
export const CHECK_VERB = 'kvdoctor.check';

/** Key Vault names: 3–24 letters, digits and single hyphens, starting with a letter. */
export const VaultNameSchema = z
  .string()
  .regex(/^[A-Za-z](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){2,23}$/, 'a Key Vault name is 3-24 letters, digits and single hyphens, starting with a letter');

const CallerSchema = z
  .object({ appId: z.string().max(64), objectId: z.string().max(64), tenantId: z.string().max(64) })
  .partial()
  .strict();

const CheckDataSchema = z
  .object({
    v: z.literal(1),
    verb: z.literal(CHECK_VERB),
    vault: VaultNameSchema,
    ip: z.string().max(45).optional(),
    caller: CallerSchema.optional(),
    /** Absent when the check was typed (`check <vault>`) rather than asked from a finding. */
    family: z.optional(RuleIdSchema),
    // Strict here, though the Report's schemas keep unknown fields: a button's data is what this bot
    // wrote, so anything else in it was put there by someone else. (The Report's schemas are zod/mini
    // ones, without chainable methods: their shapes are rebuilt as classic strict objects.)
    facts: z.strictObject(FactsSchema.shape),
    /** The finding's details (subscription, permission, bypass…) without free text from the log. */
    details: z.strictObject(DetailsSchema.shape).omit({ message: true }).default({}),
  })
  .strict();
export type CheckData = z.infer<typeof CheckDataSchema>;

/** The `value` of an `adaptiveCard/action` invoke as Teams sends it. */
const CardInvokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().max(64),
    data: z.unknown(),
  }),
  trigger: z.string().optional(),
});

export function checkData(vault: string, family: string | undefined, facts: Facts, details: Details = {}): CheckData {
  const { message: _freeText, ...kept } = details;
  const caller = { appId: facts.appId, objectId: facts.objectId, tenantId: facts.tenantId };
  const hasCaller = Object.values(caller).some((v) => v !== undefined);
  return {
    v: 1,
    verb: CHECK_VERB,
    vault,
    ...(facts.clientIp !== undefined ? { ip: facts.clientIp } : {}),
    ...(hasCaller ? { caller: Object.fromEntries(Object.entries(caller).filter(([, v]) => v !== undefined)) } : {}),
    ...(family !== undefined ? { family } : {}),
    facts,
    details: kept,
  };
}

/** `stale`: the button is an Action.Execute of ours whose data this version no longer reads. */
export type ParsedAction = { ok: true; data: CheckData } | { ok: false; error: { code: 'malformed-action' | 'unknown-verb'; message: string; stale?: true } };

/** Reads an invoke's value; anything unexpected is an answerable error, never an exception. */
export function parseCardAction(value: unknown): ParsedAction {
  const invoke = CardInvokeValueSchema.safeParse(value);
  if (!invoke.success) return { ok: false, error: { code: 'malformed-action', message: 'The button sent data this bot cannot read.' } };
  if (invoke.data.action.verb !== CHECK_VERB) {
    return { ok: false, error: { code: 'unknown-verb', message: 'This button is from an older kvdoctor card and does nothing now; paste the log again for a fresh card.' } };
  }
  const data = CheckDataSchema.safeParse(invoke.data.action.data);
  if (!data.success) return { ok: false, error: { code: 'malformed-action', message: 'This button\'s data is from an older or damaged card; paste the log again for a fresh card.', stale: true } };
  return { ok: true, data: data.data };
}

/**
 * The welcome card's buttons (Action.Submit): Teams sends their data, with the typed input, as a
 * message's `value`. They become the same commands as typed text, so both paths answer alike.
 */
export const SUBMIT_KEY = 'kvdoctor';

const SubmitValueSchema = z.discriminatedUnion(SUBMIT_KEY, [
  z.object({ [SUBMIT_KEY]: z.literal('families') }),
  z.object({ [SUBMIT_KEY]: z.literal('explain'), code: z.string().trim().max(60).default('') }),
  z.object({ [SUBMIT_KEY]: z.literal('check'), vault: z.string().trim().max(60).default('') }),
]);

/** A clicked welcome button as the text the user would have typed, or undefined for anything else. */
export function submittedCommandText(value: unknown): string | undefined {
  const parsed = SubmitValueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const v = parsed.data;
  switch (v.kvdoctor) {
    case 'families':
      return 'what can you find?';
    case 'explain':
      return `explain ${v.code}`.trim();
    case 'check':
      return `check ${v.vault}`.trim();
  }
}
