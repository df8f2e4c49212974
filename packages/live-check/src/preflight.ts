import { type Finding, FindingSchema, KvdoctorError } from '@kvdoctor/diagnose';
import { z } from 'zod';
import { GuidSchema } from './guid';
import type { Failure } from './outcome';

const AllowListSchema = z.object({
  tenants: z.array(GuidSchema),
  subscriptions: z.array(GuidSchema),
});
export type AllowList = z.infer<typeof AllowListSchema>;

const VAULT_NAME = /^[A-Za-z0-9-]{3,24}$/;

export const NO_CREDENTIAL: Failure = { kind: 'no-credentials', message: 'no Azure credential was given: sign in (az login) or configure a managed identity' };

/** Tokens go only to an https ARM endpoint (a sovereign cloud's, or a local test server's). */
export function isHttpsEndpoint(endpoint: string): boolean {
  return /^https:\/\/[^\s/]+/i.test(endpoint);
}

/** `kv1`, `kv1.vault.azure.net` or `https://kv1.vault.azure.net/` → `kv1`. */
function vaultNameOf(input: string): string {
  return input.trim().replace(/^https?:\/\//i, '').split(/[./:]/)[0] ?? '';
}

export interface Checked {
  readonly name: string;
  readonly allowed: AllowList;
}

/**
 * Everything refused before a single request: Managed HSM, a name no vault can have, an
 * allow-list that does not cover the log's tenant or subscription, no credential, a non-https
 * endpoint.
 */
export function preflight(input: Finding | undefined, vaultName: string, allowed: unknown, hasCredential: boolean, endpoint: string): Checked | Failure {
  const finding = input === undefined ? undefined : checkedFinding(input);
  if (/\.managedhsm\./i.test(vaultName) || finding?.details.managedHsm === true) {
    return { kind: 'not-supported', message: 'Managed HSM is not supported yet: the live check reads Key Vault vaults only' };
  }
  const name = vaultNameOf(vaultName);
  if (!VAULT_NAME.test(name)) {
    return { kind: 'not-found', message: 'that is not a Key Vault name (3–24 letters, digits and hyphens), so no vault can have it' };
  }
  const list = AllowListSchema.safeParse(allowed);
  if (!list.success) return { kind: 'not-allowed', message: 'the allow-list must name tenants and subscriptions by their GUIDs' };
  const tenants = new Set(list.data.tenants.map((t) => t.toLowerCase()));
  const subs = new Set(list.data.subscriptions.map((t) => t.toLowerCase()));
  if (subs.size === 0 || tenants.size === 0) return { kind: 'not-allowed', message: 'no tenant or no subscription is on the allow-list, so nothing may be read' };
  const tenant = finding?.facts.tenantId;
  if (tenant !== undefined && !tenants.has(tenant.toLowerCase())) {
    return { kind: 'not-allowed', message: `tenant ${tenant} (from the log) is not on the allow-list` };
  }
  const sub = finding?.details.subscriptionId;
  if (sub !== undefined && GuidSchema.safeParse(sub).success && !subs.has(sub.toLowerCase())) {
    return { kind: 'not-allowed', message: `subscription ${sub} (from the log) is not on the allow-list` };
  }
  if (!isHttpsEndpoint(endpoint)) return { kind: 'not-supported', message: 'the ARM endpoint must be an https URL' };
  if (!hasCredential) return NO_CREDENTIAL;
  return { name, allowed: list.data };
}

/** A finding handed in by code, not by a user: one outside the report contract is a bug. */
export function checkedFinding(finding: Finding): Finding {
  const parsed = FindingSchema.safeParse(finding);
  if (!parsed.success) throw new KvdoctorError('invalid-input', 'the finding does not match the report contract', 'pass a finding from diagnose()');
  return parsed.data;
}

export function isFailure(x: Checked | Failure): x is Failure {
  return 'kind' in x;
}
