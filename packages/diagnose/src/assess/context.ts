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
  /** What is known of a network security perimeter in front of the vault. */
  readonly perimeter: PerimeterState;
}

/**
 * `unknown` covers an unread association, an unknown mode, and "none found" when only some
 * subscriptions were searched: a perimeter elsewhere cannot be ruled out.
 */
export type PerimeterState = 'absent' | 'transition' | 'enforced' | 'unknown';

function perimeterState(model: VaultAccessModel): PerimeterState {
  const { nsp } = model;
  if (nsp === undefined) return 'unknown';
  if (!nsp.associated) return nsp.searchedSubscriptions === undefined ? 'absent' : 'unknown';
  if (nsp.mode === undefined) return 'unknown';
  return nsp.mode === 'Enforced' ? 'enforced' : 'transition';
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
    perimeter: perimeterState(model),
  };
}

/** Appended when a gate that refused now admits the caller: the log is older than the change. */
export function predates(ctx: AssessContext, gate: Gate, what: string, wait = ''): string {
  if (ctx.gate !== gate) return '';
  // An Enforced perimeter replaces public access and the firewall, so a network gate that admits the
  // caller proves nothing while a perimeter cannot be ruled out.
  const network = gate === 'firewall' || gate === 'connection';
  if (network && ctx.perimeter === 'unknown') return ` → the refusal predates the ${what}, or propagation${wait}, unless a network security perimeter in Enforced mode decides (see nsp): retry only once that is ruled out`;
  return ` → the refusal predates the ${what}, or propagation${wait}: retry`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
