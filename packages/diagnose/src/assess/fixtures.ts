import { diagnose } from '../diagnose';
import { type Details, type Facts, type Finding, FindingSchema } from '../report/schema';
import { type VaultAccessModel, VaultAccessModelSchema } from './model';

/** A finding as the engine would report it, with only the facts a test cares about. */
export function findingOf(rule: string, facts: Facts, details: Details = {}): Finding {
  return FindingSchema.parse({
    rule,
    title: 'test finding',
    summary: 'test finding',
    severity: 'error',
    confidence: 'high',
    count: 1,
    facts,
    details,
    evidence: [{ line: 1, text: 'test' }],
    causes: ['test'],
    fixes: [{ title: 'test', steps: [], commands: [] }],
    docs: [{ title: 'test', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security' }],
  });
}

export const VAULT_ID = '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv';
export const OID = 'f54370a6-bc53-4e02-8d73-63de4c317b54';

/** The seed blog's vault behind a Deny firewall with two rules, RBAC off, nothing else. */
export function modelOf(overrides: Partial<VaultAccessModel> = {}): VaultAccessModel {
  return VaultAccessModelSchema.parse({
    id: VAULT_ID,
    name: 'hypervmigratio98a5kv',
    resourceGroup: 'rg-x',
    subscriptionId: '0b1f6471-1bf0-4dda-aec3-111122223333',
    location: 'canadacentral',
    tenantId: 'a1a2578a-8fd3-4595-bb18-7d17df8944b0',
    publicNetworkAccess: 'Enabled',
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: ['52.228.82.0/24', '20.37.194.0/24'], virtualNetworkRules: [] },
    privateEndpointConnections: [],
    enableRbacAuthorization: false,
    accessPolicies: [],
    enableSoftDelete: true,
    enablePurgeProtection: false,
    roleAssignments: [],
    nsp: { associated: false },
    ...overrides,
  });
}

// The seed blog's refusal (hammadaslam.com, 2020-09-04), read by the engine itself.
const SEED =
  'Response from server: ‘{“error”:{“code”:”Forbidden”,”message”:”Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 40.82.190.38\\r\\nCaller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/\\r\\nVault: hypervmigratio98a5kv;location=canadacentral”,”innererror”:{“code”:”ForbiddenByFirewall”}}}’';

export function seedFinding(): Finding {
  const [finding] = diagnose(SEED).findings;
  if (finding === undefined) throw new Error('the seed text produced no finding');
  return finding;
}
