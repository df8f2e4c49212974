import type { Verdict, VerdictCheck } from '@kvdoctor/diagnose';
import { accessPolicyBody, accessRuleBody, associationBody, OTHER_SUB, perimeterBody, perimeterId, RG, roleDefinitions, SUB, vaultBody, vaultId, type VaultShape } from './arm-bodies';
import type { ArmData } from './arm-server';
import { assignment, customRoleDefinition, denyAssignment, type RoleShape } from './rbac-bodies';
import { scenarioFinding } from './scenario-finding';

/** Live counterparts of the pure assess scenarios: the same documented behaviours, served by the fake ARM. */
export const NAME = 'kv-scenarios';
export const ID = vaultId(NAME);
const URL = `https://${NAME}.vault.azure.net`;
const OID = '6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b';
const GROUP = '9b0c3a55-2f1e-4f4d-8f53-5d8a1d6e0a11';
const OTHER_GROUP = '3e7d9c1b-0a2f-4b6e-8d5c-7f1a2b3c4d5e';
const OLD_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** A subscription that is never on the allow-list. */
export const THIRD_SUB = 'e5d4c3b2-a190-4f8e-9d7c-6b5a4f3e2d1c';
const ALL = '00000000-0000-0000-0000-000000000000';
const KV = 'Microsoft.KeyVault/vaults';

const LEARN = 'https://learn.microsoft.com/en-us/azure';
export const DOC = {
  objectScope: { url: `${LEARN}/key-vault/general/rbac-guide`, says: 'Azure RBAC for key vault also allows users to have separate permissions on individual keys, secrets, and certificates.' },
  readerLists: { url: `${LEARN}/key-vault/general/rbac-guide`, says: 'Above role assignment provides ability to list key vault objects in key vault.' },
  listNeedsList: { url: 'https://learn.microsoft.com/en-us/rest/api/keyvault/secrets/get-secrets/get-secrets', says: 'The Get Secrets operation is applicable to the entire vault. [...] This operation requires the secrets/list permission.' },
  subtract: { url: `${LEARN}/role-based-access-control/role-definitions`, says: 'The access granted by a role (effective permissions) is computed by subtracting the `NotDataActions` actions from the `DataActions` actions.' },
  vaultName: { url: `${LEARN}/key-vault/general/rbac-abac`, says: 'Allowed: Access to `kvsynabaceuap0520`. Denied: Access to `kvdenyabaceuap0520b`.' },
  prefix: { url: `${LEARN}/key-vault/general/rbac-abac`, says: 'Allowed: Reading `test-app-secret1`. Denied (`ForbiddenByRbac`): Reading `test-db-password`.' },
  twoAttributes: { url: `${LEARN}/key-vault/general/rbac-abac`, says: 'In this preview, ABAC for Key Vault applies **only to secret data actions** and supports **two attributes**: the vault name and the secret name.' },
  groups: { url: `${LEARN}/role-based-access-control/role-assignments-list-rest`, says: 'If the user is a member of a group that has a role assignment, that role assignment is also listed.' },
  deny: { url: `${LEARN}/role-based-access-control/deny-assignments`, says: 'Deny assignments block users from performing specific Azure resource actions even if a role assignment grants them access.' },
  exclude: { url: `${LEARN}/role-based-access-control/deny-assignments`, says: 'An array of Azure AD principal object IDs (user, group, service principal, or managed identity) to which the deny assignment does not apply.' },
  enforced: { url: `${LEARN}/key-vault/general/network-security`, says: 'In Enforced mode, the `publicNetworkAccess` setting is overridden by the network security perimeter rules.' },
  enforcedDeny: { url: `${LEARN}/private-link/network-security-perimeter-concepts`, says: 'By default, all traffic except intra-perimeter traffic is denied in this mode unless an *Allow* access rule exists.' },
  subscriptionRule: { url: `${LEARN}/azure-monitor/essentials/network-security-perimeter`, says: '**Subscriptions**. This type of rule allows inbound access authenticated using any managed identity from the subscription.' },
  transition: { url: `${LEARN}/key-vault/general/network-security`, says: 'In Transition mode, the `publicNetworkAccess` setting controls public access to the resource.' },
  lockdown: {
    url: `${LEARN}/private-link/network-security-perimeter-transition`,
    says: 'On resource creation, if `publicNetworkAccess` is set to `SecuredByPerimeter`, the resource is created in the lockdown mode even when not associated with a perimeter. Only private link traffic will be allowed if configured.',
  },
  tied: { url: `${LEARN}/key-vault/general/move-subscription`, says: 'All access policy entries and roles assignments are also tied to this tenant ID.' },
  cidr: { url: `${LEARN}/key-vault/general/network-security`, says: 'On the **Firewalls and virtual networks** tab, under **Firewall**, enter IPv4 addresses or CIDR ranges.' },
  softDelete: { url: `${LEARN}/key-vault/general/soft-delete-overview`, says: "When creating a new key vault, soft-delete is on by default. Once soft-delete is enabled on a key vault, it can't be disabled." },
};

const ROLE = {
  secretsUser: { guid: '4633458b-17de-408a-b874-0445c86b69e6', name: 'Key Vault Secrets User', dataActions: [`${KV}/secrets/getSecret/action`, `${KV}/secrets/readMetadata/action`] },
  reader: { guid: '21090545-7ca7-4776-b22c-e363652d74d2', name: 'Key Vault Reader', dataActions: [`${KV}/*/read`, `${KV}/secrets/readMetadata/action`] },
  cryptoServiceEncryptionUser: {
    guid: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    name: 'Key Vault Crypto Service Encryption User',
    dataActions: [`${KV}/keys/read`, `${KV}/keys/wrap/action`, `${KV}/keys/unwrap/action`],
  },
  getSecretOnly: { guid: '0c6f1d8e-3b4a-4e5f-9a1b-2c3d4e5f6a7b', name: 'ci-secret-getter', dataActions: [`${KV}/secrets/getSecret/action`] },
  secretsButNoValue: { guid: '1d7a2e9f-4c5b-4f6a-8b2c-3d4e5f6a7b8c', name: 'secrets-without-values', dataActions: [`${KV}/secrets/*`], notDataActions: [`${KV}/secrets/getSecret/action`] },
} satisfies Record<string, RoleShape>;
const DEFINITIONS = { ...roleDefinitions(), ...Object.fromEntries(Object.values(ROLE).map((r) => [r.guid, customRoleDefinition(r)])) };

const hint = { subscriptionId: SUB, resourceGroup: RG };
const rbacRefusal = (path: string) => scenarioFinding('rbac', { innerErrorCode: 'ForbiddenByRbac', objectId: OID, requestUrl: `${URL}${path}?api-version=7.4`, vault: NAME }, hint);
export const firewallRefusal = (path = '/secrets') =>
  scenarioFinding('firewall', { innerErrorCode: 'ForbiddenByFirewall', clientIp: '40.82.190.38', objectId: OID, requestUrl: `${URL}${path}?api-version=7.4`, vault: NAME }, hint);
const nspRefusal = () => scenarioFinding('nsp', { innerErrorCode: 'ForbiddenByFirewall', clientIp: '40.82.190.38', objectId: OID, vault: NAME }, hint);

const rbacVault = (data: Partial<ArmData> = {}, shape: Partial<VaultShape> = {}): ArmData => ({
  vaults: { [SUB]: [vaultBody({ name: NAME, enableRbacAuthorization: true, ...shape })] },
  roleDefinitions: DEFINITIONS,
  ...data,
});
const firewalled = { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: ['52.228.82.0/24'] };
const prefixCondition = "((!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/getSecret/action'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'app1-'))";

export interface LiveScenario {
  readonly name: string;
  readonly doc: { readonly url: string; readonly says: string };
  readonly data: ArmData;
  readonly finding: ReturnType<typeof scenarioFinding>;
  readonly expect: Verdict;
  readonly absent?: readonly VerdictCheck[];
}

export const LIVE_SCENARIOS: readonly LiveScenario[] = [
  {
    name: 'Secrets User assigned on the secret reads it',
    doc: DOC.objectScope,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: `${ID}/secrets/db-password` })] }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios/secrets/db-password, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'Secrets User on one secret does not list the vault',
    doc: DOC.objectScope,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: `${ID}/secrets/db-password` })] }),
    finding: rbacRefusal('/secrets'),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no role with Microsoft.KeyVault/vaults/secrets/readMetadata/action for GET /secrets (list) at this scope (no role assignments at or above the vault; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios"}},
  },
  {
    name: 'Key Vault Reader on the resource group lists secrets',
    doc: DOC.readerLists,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.reader, principalId: OID, scope: `/subscriptions/${SUB}/resourceGroups/${RG}` })] }),
    finding: rbacRefusal('/secrets'),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b holds Key Vault Reader at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc, which grants Microsoft.KeyVault/vaults/secrets/readMetadata/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a getSecret-only custom role on the subscription cannot list',
    doc: DOC.listNeedsList,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.getSecretOnly, principalId: OID, scope: `/subscriptions/${SUB}` })] }),
    finding: rbacRefusal('/secrets'),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no role with Microsoft.KeyVault/vaults/secrets/readMetadata/action for GET /secrets (list) at this scope (holds ci-secret-getter at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios"}},
  },
  {
    name: 'secrets/* minus getSecret cannot read a value',
    doc: DOC.subtract,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.secretsButNoValue, principalId: OID, scope: ID })] }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds secrets-without-values at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios; group assignments included): secrets-without-values at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios grants it but its NotDataActions remove it (Microsoft.KeyVault/vaults/secrets/getSecret/action)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios"}},
  },
  {
    name: 'a name-prefix condition admits app1-db',
    doc: DOC.prefix,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: ID, condition: prefixCondition })] }),
    finding: rbacRefusal('/secrets/app1-db'),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a name-prefix condition refuses db-password',
    doc: DOC.prefix,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: ID, condition: prefixCondition })] }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios; group assignments included): Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios is limited by a condition this request does not meet: ((!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/getSecret/action'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'app1-'))", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios"}},
  },
  {
    name: 'a principal-attribute condition: unknown, condition shown',
    doc: DOC.twoAttributes,
    data: rbacVault({
      roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: ID, condition: "@Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Engineering_Project] StringEquals 'Cascade'" })],
    }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "unknown", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action only under a condition that cannot be evaluated here: @Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Engineering_Project] StringEquals 'Cascade'", "command": {"tool": "az", "text": "az role assignment list --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios/secrets/db-password --include-inherited --include-groups"}},
  },
  {
    name: "a group's assignment, listed through assignedTo(): unknown, naming it",
    doc: DOC.groups,
    data: rbacVault({ groups: { [OID]: [GROUP] }, roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: GROUP, principalType: 'Group', scope: ID })] }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "unknown", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no direct role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password; only group assignments grant it: Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios (held by group 9b0c3a55-2f1e-4f4d-8f53-5d8a1d6e0a11). ARM lists them because the object is a member, but the caller's token carries the membership only once issued after it (and never past the groups overage limit)", "command": {"tool": "az", "text": "az role assignment list --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios/secrets/db-password --include-inherited --include-groups"}},
  },
  {
    name: 'a group the caller is not in is not listed: fail, groups included',
    doc: DOC.groups,
    data: rbacVault({ groups: { [OID]: [GROUP] }, roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OTHER_GROUP, principalType: 'Group', scope: ID })] }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (no role assignments at or above the object; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios"}},
  },
  {
    name: 'a deny assignment for All Principals blocks the granted read',
    doc: DOC.deny,
    data: rbacVault({
      roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: ID })],
      denyAssignments: [denyAssignment({ name: 'Managed application lock', scope: ID, dataActions: [`${KV}/secrets/*`], principals: [ALL] })],
    }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, deny assignment Managed application lock at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios blocks Microsoft.KeyVault/vaults/secrets/getSecret/action for object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b, whatever its roles grant; Azure creates deny assignments (managed applications, deployment stacks) and they are changed only where they came from"},
  },
  {
    name: "a deny assignment on one of the caller's groups is listed through assignedTo() and blocks",
    doc: DOC.deny,
    data: rbacVault({
      groups: { [OID]: [GROUP] },
      roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: ID })],
      denyAssignments: [denyAssignment({ name: 'Group lock', scope: ID, dataActions: [`${KV}/secrets/*`], principals: [GROUP] })],
    }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {
      check: 'role-assignment',
      status: 'fail',
      evidence: `RBAC mode, deny assignment Group lock at ${ID} blocks Microsoft.KeyVault/vaults/secrets/getSecret/action for object ${OID}, whatever its roles grant; Azure creates deny assignments (managed applications, deployment stacks) and they are changed only where they came from`,
    },
  },
  {
    name: 'a deny assignment that excludes the caller leaves the grant',
    doc: DOC.exclude,
    data: rbacVault({
      roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: ID })],
      denyAssignments: [denyAssignment({ name: 'Managed application lock', scope: ID, dataActions: [`${KV}/secrets/*`], principals: [ALL], excludePrincipals: [OID] })],
    }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: "another principal's deny assignment is not listed for the caller",
    doc: DOC.deny,
    data: rbacVault({
      roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: ID })],
      denyAssignments: [denyAssignment({ name: 'Other app lock', scope: ID, dataActions: [`${KV}/secrets/*`], principals: [OTHER_GROUP] })],
    }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'an Enforced perimeter in an allowed subscription replaces public access and the firewall',
    doc: DOC.enforcedDeny,
    data: {
      vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: firewalled })] },
      perimeters: { [SUB]: [perimeterBody('nsp-ci')] },
      associations: { [perimeterId('nsp-ci').toLowerCase()]: [associationBody(perimeterId('nsp-ci'), ID, 'defaultProfile', 'Enforced')] },
      accessRules: { [`${perimeterId('nsp-ci')}/profiles/defaultProfile`.toLowerCase()]: [accessRuleBody(`${perimeterId('nsp-ci')}/profiles/defaultProfile`, { name: 'ci-agents', addressPrefixes: ['52.228.82.0/24'] })] },
    },
    finding: nspRefusal(),
    expect: {"check": "nsp", "status": "fail", "evidence": "associated with perimeter nsp-ci (profile defaultProfile) in Enforced mode: the perimeter's inbound access rules decide for 40.82.190.38 (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt); no inbound access rule admits 40.82.190.38 (1 inbound rule: prefixes 52.228.82.0/24)", "command": {"tool": "az", "text": "az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-network --perimeter-name nsp-ci --profile-name defaultProfile --name allow-40-82-190-38 --direction Inbound --address-prefixes '[40.82.190.38/32]'"}},
    absent: ['public-network-access', 'firewall'],
  },
  {
    name: 'an Enforced perimeter in another allowed subscription is found',
    doc: DOC.subscriptionRule,
    data: {
      vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: firewalled })] },
      perimeters: { [OTHER_SUB]: [perimeterBody('nsp-hub', 'rg-hub', OTHER_SUB)] },
      associations: { [perimeterId('nsp-hub', 'rg-hub', OTHER_SUB).toLowerCase()]: [associationBody(perimeterId('nsp-hub', 'rg-hub', OTHER_SUB), ID, 'ci-profile', 'Enforced')] },
      accessRules: {
        [`${perimeterId('nsp-hub', 'rg-hub', OTHER_SUB)}/profiles/ci-profile`.toLowerCase()]: [
          accessRuleBody(`${perimeterId('nsp-hub', 'rg-hub', OTHER_SUB)}/profiles/ci-profile`, { name: 'hub-identities', subscriptions: [SUB] }),
          accessRuleBody(`${perimeterId('nsp-hub', 'rg-hub', OTHER_SUB)}/profiles/ci-profile`, { name: 'to-storage', direction: 'Outbound', fqdns: ['stci.blob.core.windows.net'] }),
        ],
      },
    },
    finding: nspRefusal(),
    expect: {"check": "nsp", "status": "unknown", "evidence": "associated with perimeter nsp-hub (profile ci-profile) in Enforced mode: the perimeter's inbound access rules decide for 40.82.190.38 (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt); no inbound access rule holds 40.82.190.38 by address (1 inbound rule: no address prefixes), but rule hub-identities admits managed identities of subscription 0b1f6471-1bf0-4dda-aec3-111122223333: the log does not show the caller's subscription, service tag or perimeter", "command": {"tool": "az", "text": "az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-hub --perimeter-name nsp-hub --profile-name ci-profile --name allow-40-82-190-38 --direction Inbound --address-prefixes '[40.82.190.38/32]'"}},
    absent: ['public-network-access', 'firewall'],
  },
  {
    name: 'a Transition perimeter and a firewall that now admits the caller: retry',
    doc: DOC.transition,
    data: {
      vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: { ...firewalled, ipRules: ['40.82.190.0/24'] } })] },
      perimeters: { [SUB]: [perimeterBody('nsp-ci')] },
      associations: { [perimeterId('nsp-ci').toLowerCase()]: [associationBody(perimeterId('nsp-ci'), ID, 'defaultProfile', 'Learning')] },
    },
    finding: firewallRefusal(),
    expect: {"check": "firewall", "status": "pass", "evidence": "defaultAction Deny, bypass AzureServices, 40.82.190.38 matches ipRule 40.82.190.0/24: the address is now allowed → the refusal predates the rule, or propagation: retry"},
  },
  {
    name: 'Crypto Service Encryption User on the key itself wraps with it',
    doc: DOC.objectScope,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.cryptoServiceEncryptionUser, principalId: OID, scope: `${ID}/keys/cmk` })] }),
    finding: rbacRefusal('/keys/cmk/4387e9f3d6e14c459867679a90fd0f79/wrapkey'),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b holds Key Vault Crypto Service Encryption User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios/keys/cmk, which grants Microsoft.KeyVault/vaults/keys/wrap/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a vault-name condition on a subscription-wide assignment excludes this vault',
    doc: DOC.vaultName,
    data: rbacVault({ roleAssignments: [assignment({ role: ROLE.secretsUser, principalId: OID, scope: `/subscriptions/${SUB}`, condition: "@Resource[Microsoft.KeyVault/vaults:name] StringStartsWith 'kvsyn'" })] }),
    finding: rbacRefusal('/secrets/db-password'),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333; group assignments included): Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333 is limited by a condition this request does not meet: @Resource[Microsoft.KeyVault/vaults:name] StringStartsWith 'kvsyn'", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-migrate-cc/providers/Microsoft.KeyVault/vaults/kv-scenarios"}},
  },
  {
    name: 'a Transition (Learning) perimeter leaves the firewall in charge',
    doc: DOC.transition,
    data: {
      vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: firewalled })] },
      perimeters: { [SUB]: [perimeterBody('nsp-ci')] },
      associations: { [perimeterId('nsp-ci').toLowerCase()]: [associationBody(perimeterId('nsp-ci'), ID, 'defaultProfile', 'Learning')] },
    },
    finding: firewallRefusal(),
    expect: {"check": "nsp", "status": "pass", "evidence": "associated with perimeter nsp-ci (profile defaultProfile) in Learning mode: publicNetworkAccess and the firewall still decide"},
  },
  {
    name: 'a perimeter in a subscription off the allow-list is not readable: unknown, and never requested',
    doc: DOC.enforced,
    data: {
      vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: firewalled })] },
      perimeters: { [THIRD_SUB]: [perimeterBody('nsp-corp', 'rg-network', THIRD_SUB)] },
      associations: { [perimeterId('nsp-corp', 'rg-network', THIRD_SUB).toLowerCase()]: [associationBody(perimeterId('nsp-corp', 'rg-network', THIRD_SUB), ID, 'defaultProfile', 'Enforced')] },
    },
    finding: nspRefusal(),
    expect: {"check": "nsp", "status": "unknown", "evidence": "kv-scenarios is not associated with a network security perimeter in the subscriptions searched (0b1f6471-1bf0-4dda-aec3-111122223333, 7c2e9a10-55d4-4c1b-9e0f-444455556666); a perimeter in another subscription is not readable here (not on the allow-list), and one in Enforced mode would override publicNetworkAccess and the firewall"},
  },
  {
    name: 'SecuredByPerimeter with the perimeter off the allow-list: elsewhere, or locked down',
    doc: DOC.lockdown,
    data: {
      vaults: { [SUB]: [vaultBody({ name: NAME, publicNetworkAccess: 'SecuredByPerimeter', networkAcls: firewalled })] },
      perimeters: { [THIRD_SUB]: [perimeterBody('nsp-corp', 'rg-network', THIRD_SUB)] },
    },
    finding: nspRefusal(),
    expect: {"check": "nsp", "status": "unknown", "evidence": "publicNetworkAccess SecuredByPerimeter, yet no perimeter in the subscriptions searched (0b1f6471-1bf0-4dda-aec3-111122223333, 7c2e9a10-55d4-4c1b-9e0f-444455556666) holds kv-scenarios: either its perimeter is in a subscription that was not read (and that perimeter's access rules decide), or it has none, and SecuredByPerimeter without a perimeter refuses every public caller (only private endpoint traffic gets in)"},
    absent: ['firewall'],
  },
  {
    name: 'the variable group lists secrets against a get-only policy',
    doc: DOC.listNeedsList,
    data: { vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: firewalled, accessPolicies: [accessPolicyBody(OID, ['Get'])] })] } },
    finding: firewallRefusal('/secrets'),
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has secrets [get] but not list; it needs secrets list for GET /secrets (list)", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-migrate-cc --name kv-scenarios --object-id 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --secret-permissions get list"}},
  },
  {
    name: "an access policy left in the old tenant grants nothing",
    doc: DOC.tied,
    data: { vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: firewalled, accessPolicies: [accessPolicyBody(OID, ['Get', 'List'], OLD_TENANT)] })] } },
    finding: firewallRefusal('/secrets/db-password'),
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b has no access policy in the vault's tenant (1 policy on the vault); its entry names tenant 72f988bf-86f1-41af-91ab-2d7cd011db47, not the vault's tenant a1a2578a-8fd3-4595-bb18-7d17df8944b0, so it grants nothing (left from a tenant move: add a new entry, remove the old); it needs secrets get for GET /secrets/db-password", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-migrate-cc --name kv-scenarios --object-id 6a1c4f2e-8b3d-4e5f-9a0b-1c2d3e4f5a6b --secret-permissions get list"}},
  },
  {
    name: 'a rule with host bits set is unknown, with the rewrite',
    doc: DOC.cidr,
    data: { vaults: { [SUB]: [vaultBody({ name: NAME, networkAcls: { ...firewalled, ipRules: ['40.82.190.38/23'] } })] } },
    finding: firewallRefusal(),
    expect: {"check": "firewall", "status": "unknown", "evidence": "defaultAction Deny, bypass AzureServices, 40.82.190.38 is inside ipRule 40.82.190.38/23 only if Key Vault reads it as 40.82.190.0/23: the rule is malformed (host bits set), and whether Key Vault normalises or ignores such a rule is not documented; rewrite it as 40.82.190.0/23", "command": {"tool": "az", "text": "az keyvault network-rule remove --resource-group rg-migrate-cc --name kv-scenarios --ip-address 40.82.190.38/23 && az keyvault network-rule add --resource-group rg-migrate-cc --name kv-scenarios --ip-address 40.82.190.0/23"}},
  },
];
