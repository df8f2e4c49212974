import { type VaultAccessModel, VaultAccessModelSchema } from '@kvdoctor/diagnose';
import { z } from 'zod';
import { lastSegment, scopeOf } from './arm/resource-id';

const perms = z.array(z.string()).nullish();
const ConnectionState = z.object({ status: z.string().nullish() }).nullish();

/**
 * A vault as ARM describes it: the REST body, the SDK's object (same field names) and the JSON that
 * `az keyvault show` prints (ARM's body plus `resourceGroup`; unset fields come as `null`).
 */
export const ArmVaultSchema = z.object({
  id: z.string().regex(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+$/i, 'not a Key Vault resource id'),
  name: z.string().min(1),
  location: z.string().min(1),
  resourceGroup: z.string().nullish(),
  properties: z.object({
    tenantId: z.string().min(1),
    publicNetworkAccess: z.string().nullish(),
    networkAcls: z
      .object({
        defaultAction: z.string().nullish(),
        bypass: z.string().nullish(),
        ipRules: z.array(z.object({ value: z.string() })).nullish(),
        virtualNetworkRules: z.array(z.object({ id: z.string() })).nullish(),
      })
      .nullish(),
    // SDKs and az flatten each item; the raw REST body nests the state under `properties`.
    privateEndpointConnections: z
      .array(
        z.object({
          id: z.string().nullish(),
          privateLinkServiceConnectionState: ConnectionState,
          properties: z.object({ privateLinkServiceConnectionState: ConnectionState }).nullish(),
        }),
      )
      .nullish(),
    enableRbacAuthorization: z.boolean().nullish(),
    accessPolicies: z
      .array(
        z.object({
          objectId: z.string().min(1),
          applicationId: z.string().nullish(),
          tenantId: z.string().min(1),
          permissions: z.object({ secrets: perms, keys: perms, certificates: perms }),
        }),
      )
      .nullish(),
    enableSoftDelete: z.boolean().nullish(),
    enablePurgeProtection: z.boolean().nullish(),
  }),
});
export type ArmVault = z.infer<typeof ArmVaultSchema>;

/** ARM's spelling varies in case across API versions and tools; the model's does not. */
function pick<T extends string>(raw: string | null | undefined, allowed: readonly T[], fallback: T): T | string {
  if (raw === null || raw === undefined || raw === '') return fallback;
  return allowed.find((a) => a.toLowerCase() === raw.toLowerCase()) ?? raw;
}

function nameOf(id: string | null | undefined): string {
  return id ? lastSegment(id) : 'unnamed';
}

export type ModelExtras = Pick<VaultAccessModel, 'roleAssignments' | 'groupsExpanded' | 'denyAssignments' | 'nsp'> & {
  privateEndpointConnections?: VaultAccessModel['privateEndpointConnections'];
};

export type ModelResult = { ok: true; model: VaultAccessModel } | { ok: false; message: string };

/**
 * The access model of an ARM vault. An absent networkAcls is an open firewall and an absent
 * publicNetworkAccess is Enabled: that is how ARM reports vaults created before either existed.
 */
export function toModel(vault: ArmVault, extras: ModelExtras = {}): ModelResult {
  const { subscriptionId, resourceGroup } = scopeOf(vault.id);
  const p = vault.properties;
  const acls = p.networkAcls;
  const candidate = {
    id: vault.id,
    name: vault.name,
    resourceGroup: vault.resourceGroup ?? resourceGroup,
    subscriptionId,
    location: vault.location,
    tenantId: p.tenantId,
    publicNetworkAccess: pick(p.publicNetworkAccess, ['Enabled', 'Disabled', 'SecuredByPerimeter'], 'Enabled'),
    networkAcls: {
      defaultAction: pick(acls?.defaultAction, ['Allow', 'Deny'], 'Allow'),
      bypass: pick(acls?.bypass, ['AzureServices', 'None'], 'AzureServices'),
      ipRules: (acls?.ipRules ?? []).map((r) => r.value),
      virtualNetworkRules: (acls?.virtualNetworkRules ?? []).map((r) => r.id),
    },
    privateEndpointConnections:
      extras.privateEndpointConnections ??
      (p.privateEndpointConnections ?? []).map((c) => ({ name: nameOf(c.id), status: (c.privateLinkServiceConnectionState ?? c.properties?.privateLinkServiceConnectionState)?.status ?? 'Unknown' })),
    enableRbacAuthorization: p.enableRbacAuthorization ?? false,
    accessPolicies: (p.accessPolicies ?? []).map((a) => ({
      objectId: a.objectId,
      ...(a.applicationId ? { applicationId: a.applicationId } : {}),
      tenantId: a.tenantId,
      permissions: { secrets: a.permissions.secrets ?? [], keys: a.permissions.keys ?? [], certificates: a.permissions.certificates ?? [] },
    })),
    // "When creating a new key vault, soft-delete is on by default. Once soft-delete is enabled on a key
    // vault, it can't be disabled." (soft-delete overview): an unset value is on, not off.
    enableSoftDelete: p.enableSoftDelete ?? true,
    enablePurgeProtection: p.enablePurgeProtection ?? false,
    roleAssignments: extras.roleAssignments,
    groupsExpanded: extras.groupsExpanded,
    denyAssignments: extras.denyAssignments,
    nsp: extras.nsp,
  };
  const parsed = VaultAccessModelSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, model: parsed.data };
  return { ok: false, message: issues(parsed.error) };
}

/**
 * Paths and expectations only: zod's messages here never quote the input. Typed as zod's core
 * error, the one classic and zod/mini schemas (the library's) both fail with.
 */
export function issues(error: z.core.$ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
