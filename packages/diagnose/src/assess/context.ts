import { classifyAddress } from '../network/classify';
import type { ClientIpClass, Finding } from '../report/schema';
import { findingGate, type Gate } from './gate';
import type { VaultAccessModel } from './model';

/** What every check needs: the model, the refusal's gate and the caller as the log stated it. */
export interface AssessContext {
  readonly finding: Finding;
  readonly model: VaultAccessModel;
  readonly gate: Gate | undefined;
  readonly ip: string | undefined;
  readonly ipClass: ClientIpClass | undefined;
  readonly objectId: string | undefined;
}

export function assessContext(finding: Finding, model: VaultAccessModel): AssessContext {
  const ip = finding.facts.clientIp;
  return {
    finding,
    model,
    gate: findingGate(finding),
    ip,
    ipClass: finding.facts.clientIpClass ?? (ip === undefined ? undefined : classifyAddress(ip)),
    objectId: finding.facts.objectId?.toLowerCase(),
  };
}

/** Appended when a gate that refused now admits the caller: the log is older than the change. */
export function predates(ctx: AssessContext, gate: Gate, what: string, wait = ''): string {
  return ctx.gate === gate ? ` → the refusal predates the ${what}, or propagation${wait}: retry` : '';
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
