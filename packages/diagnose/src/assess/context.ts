import { classifyAddress } from '../network/classify';
import { ownerOf } from '../network/owners';
import { ipv4Normalised } from '../network/parse-address';
import type { ServiceTagIndex } from '../network/service-tag-index';
import type { ClientIpClass, ClientIpOwner, Finding } from '../report/schema';
import { findingGate, type Gate } from './gate';
import type { VaultAccessModel } from './model';

export interface AssessOptions {
  /** Azure's service tags (imported file, cache or live refresh): names a hosted agent's region and counts its prefixes. */
  readonly serviceTags?: ServiceTagIndex;
}

/** What every check needs: the model, the refusal's gate and the caller as the log stated it. */
export interface AssessContext {
  readonly finding: Finding;
  readonly model: VaultAccessModel;
  readonly gate: Gate | undefined;
  readonly ip: string | undefined;
  readonly ipClass: ClientIpClass | undefined;
  /** Who owns a public IPv4 caller: the finding's own answer, or looked up here when it has none (or only `unknown`). */
  readonly owner: ClientIpOwner | undefined;
  readonly serviceTags: ServiceTagIndex | undefined;
  readonly objectId: string | undefined;
}

export function assessContext(finding: Finding, model: VaultAccessModel, options: AssessOptions = {}): AssessContext {
  // Findings also arrive from outside the library (a card button's data, a saved JSON report): an
  // IPv4-mapped address in them must still be matched and fixed as the IPv4 address it is.
  const ip = finding.facts.clientIp === undefined ? undefined : ipv4Normalised(finding.facts.clientIp);
  const ipClass = finding.facts.clientIpClass ?? (ip === undefined ? undefined : classifyAddress(ip));
  const stated = finding.facts.clientIpOwner;
  // A finding diagnosed without service tags says `unknown` where the index given here may know better.
  const owner = ip !== undefined && ipClass === 'public-ipv4' && (stated === undefined || stated.kind === 'unknown') ? ownerOf(ip, options.serviceTags) : stated;
  return {
    finding,
    model,
    gate: findingGate(finding),
    ip,
    ipClass,
    owner,
    serviceTags: options.serviceTags,
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
