import type { Details, Facts, Platform } from '../../report/schema';
import { value, type Value } from '../../fixes/quote';
import type { Hints } from './hints';

/** What every fix builder of the family reads: the finding, resolved once. */
export interface FixContext {
  /** `AADSTS700213`, or the placeholder when explained without a code. */
  readonly code: string;
  readonly ci: Platform['ci'];
  readonly app: Value;
  readonly tenant: Value;
  readonly facts: Facts;
  readonly details: Details;
  readonly hints: Hints;
}

export function fixContext(facts: Facts, details: Details, hints: Hints, ci: Platform['ci']): FixContext {
  return {
    code: facts.aadCode ?? 'AADSTS<code>',
    ci,
    app: value(facts.appId, 'app-id'),
    tenant: value(facts.tenantId, 'tenant-id'),
    facts,
    details,
    hints,
  };
}

/** True when advice for this CI applies: the detected one, or every CI when none was detected. */
export function forCi(ctx: FixContext, ci: Exclude<Platform['ci'], 'unknown'>): boolean {
  return ctx.ci === ci || ctx.ci === 'unknown';
}
