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
    family: RuleIdSchema.optional(),
    facts: FactsSchema,
    /** The finding's details (subscription, permission, bypass…) without free text from the log. */
    details: DetailsSchema.omit({ message: true }).default({}),
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

export type ParsedAction = { ok: true; data: CheckData } | { ok: false; error: { code: 'malformed-action' | 'unknown-verb'; message: string } };

/** Reads an invoke's value; anything unexpected is an answerable error, never an exception. */
export function parseCardAction(value: unknown): ParsedAction {
  const invoke = CardInvokeValueSchema.safeParse(value);
  if (!invoke.success) return { ok: false, error: { code: 'malformed-action', message: 'The button sent data this bot cannot read.' } };
  if (invoke.data.action.verb !== CHECK_VERB) {
    return { ok: false, error: { code: 'unknown-verb', message: 'This button is not one this bot knows (it may be from an older version).' } };
  }
  const data = CheckDataSchema.safeParse(invoke.data.action.data);
  if (!data.success) return { ok: false, error: { code: 'malformed-action', message: 'The button\'s data is incomplete or damaged; paste the log again for a fresh card.' } };
  return { ok: true, data: data.data };
}
