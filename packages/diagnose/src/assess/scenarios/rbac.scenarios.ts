import { OID, VAULT_ID } from '../fixtures';
import type { RoleAssignmentEntry } from '../model';
import { GROUP, RG_ID, ROLE, type Scenario, SUB_ID, secretId, VAULT_URL, VERSION } from './scenario';

const RBAC_GUIDE = 'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide';
const ABAC = 'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-abac';
const ROLE_DEFS = 'https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions';
const DENY = 'https://learn.microsoft.com/en-us/azure/role-based-access-control/deny-assignments';
const LIST_REST = 'https://learn.microsoft.com/en-us/azure/role-based-access-control/role-assignments-list-rest';

const OBJECT_SCOPE = { url: RBAC_GUIDE, says: 'Azure RBAC for key vault also allows users to have separate permissions on individual keys, secrets, and certificates.' };
const SCOPE_LEVELS = { url: RBAC_GUIDE, says: 'The Azure RBAC model allows users to set permissions on different scope levels: management group, subscription, resource group, or individual resources.' };
const SUBTRACT = { url: ROLE_DEFS, says: 'The access granted by a role (effective permissions) is computed by subtracting the `NotDataActions` actions from the `DataActions` actions.' };
const NOT_DENY = { url: ROLE_DEFS, says: '`NotDataActions` is not a deny rule – it is simply a convenient way to create a set of allowed data actions when specific data actions need to be excluded.' };
const PREFIX_EXAMPLE = { url: ABAC, says: 'Allowed: Reading `test-app-secret1`. Denied (`ForbiddenByRbac`): Reading `test-db-password`.' };
const CASE = { url: ABAC, says: 'Denied (case-sensitive match): Reading `Test-App-Secret1`.' };
const VAULT_NAME = { url: ABAC, says: 'Allowed: Access to `kvsynabaceuap0520`. Denied: Access to `kvdenyabaceuap0520b`.' };
const TWO_ATTRIBUTES = { url: ABAC, says: 'In this preview, ABAC for Key Vault applies **only to secret data actions** and supports **two attributes**: the vault name and the secret name.' };
const LIKE = { url: ABAC, says: '`StringLike` | Pattern match with wildcards (`*`, `?`).' };
const ACTION_GATE = { url: ABAC, says: "Example | `!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/getSecret/action'}) OR @Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'test-app'`" };
const GROUPS = { url: LIST_REST, says: 'If the user is a member of a group that has a role assignment, that role assignment is also listed.' };
const BLOCKS = { url: DENY, says: 'Deny assignments block users from performing specific Azure resource actions even if a role assignment grants them access.' };
const EXCLUDE = { url: DENY, says: '`ExcludePrincipals[i].Id` | An array of Azure AD principal object IDs (user, group, service principal, or managed identity) to which the deny assignment does not apply.' };
const CHILD = { url: DENY, says: '`DoNotApplyToChildScopes` | Specifies whether the deny assignment applies to child scopes.' };
const DENY_CONDITION = { url: 'https://learn.microsoft.com/en-us/rest/api/authorization/deny-assignments/get', says: 'condition | string | The conditions on the deny assignment. This limits the resources it can be assigned to.' };
const DENY_EXCLUDED_ACTIONS = { url: DENY, says: '`Permissions.NotDataActions` | An array of strings that specify the data operations to exclude from the deny assignment.' };

const refusal = (path: string) => ({ rule: 'rbac', facts: { innerErrorCode: 'ForbiddenByRbac', objectId: OID, requestUrl: `${VAULT_URL}${path}?api-version=7.4` } });
type Role = { roleName: string; roleDefinitionId: string; dataActions: readonly string[]; notDataActions?: readonly string[] };
const held = (role: Role, scope = VAULT_ID, extra: Partial<RoleAssignmentEntry> = {}): RoleAssignmentEntry => ({
  roleName: role.roleName,
  roleDefinitionId: role.roleDefinitionId,
  dataActions: [...role.dataActions],
  ...(role.notDataActions === undefined ? {} : { notDataActions: [...role.notDataActions] }),
  scope,
  principalId: OID,
  ...extra,
});
const rbac = (roleAssignments: RoleAssignmentEntry[], more: { groupsExpanded?: boolean; denyAssignments?: { name: string; scope: string; dataActions: string[]; notDataActions?: string[]; excludePrincipals?: string[]; doNotApplyToChildScopes?: boolean; condition?: string }[] } = {}) => ({
  enableRbacAuthorization: true,
  roleAssignments,
  // The live check lists with assignedTo(), which includes group-held assignments.
  groupsExpanded: more.groupsExpanded ?? true,
  denyAssignments: (more.denyAssignments ?? []).map((d) => ({ notDataActions: [], excludePrincipals: [], doNotApplyToChildScopes: false, ...d })),
});
const prefixCondition = (prefix: string, op = 'StringStartsWith') =>
  `((!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/getSecret/action'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] ${op} '${prefix}'))`;
const readMetadataCondition = "((!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/readMetadata/action'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'api-'))";
const denyAll = (scope: string) => ({ name: 'Protected by managed application', scope, dataActions: ['Microsoft.KeyVault/vaults/secrets/*'] });

export const RBAC_SCENARIOS: readonly Scenario[] = [
  {
    name: 'Secrets User on the secret itself reads it',
    doc: OBJECT_SCOPE,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, secretId('db-password'))]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv/secrets/db-password, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'Secrets User on one secret does not read another',
    doc: OBJECT_SCOPE,
    finding: refusal('/secrets/api-key'),
    model: rbac([held(ROLE.secretsUser, secretId('db-password'))]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/api-key at this scope (no role assignments at or above the object; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'Secrets User on one secret does not list the vault',
    doc: OBJECT_SCOPE,
    finding: refusal('/secrets'),
    model: rbac([held(ROLE.secretsUser, secretId('db-password'))]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/readMetadata/action for GET /secrets (list) at this scope (no role assignments at or above the vault; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'Crypto Service Encryption User on the key wraps with it',
    doc: OBJECT_SCOPE,
    finding: refusal(`/keys/cmk/${VERSION}/wrapkey`),
    model: rbac([held(ROLE.cryptoServiceEncryptionUser, `${VAULT_ID}/keys/cmk`)]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Crypto Service Encryption User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv/keys/cmk, which grants Microsoft.KeyVault/vaults/keys/wrap/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'Certificate User on the certificate reads it',
    doc: OBJECT_SCOPE,
    finding: refusal('/certificates/tls'),
    model: rbac([held(ROLE.certificateUser, `${VAULT_ID}/certificates/tls`)]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Certificate User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv/certificates/tls, which grants Microsoft.KeyVault/vaults/certificates/read: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a secret named by the RBAC message (no URL) is matched at its own scope',
    doc: OBJECT_SCOPE,
    finding: { rule: 'rbac', facts: { innerErrorCode: 'ForbiddenByRbac', objectId: OID, action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action', objectType: 'secret', objectName: 'db-password' } },
    model: rbac([held(ROLE.secretsUser, secretId('db-password'))]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv/secrets/db-password, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'an assignment on a vault whose name extends this one does not count',
    doc: SCOPE_LEVELS,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, `${VAULT_ID}-old`)]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (no role assignments at or above the object; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'an assignment on the resource group reaches the vault',
    doc: SCOPE_LEVELS,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, RG_ID)]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'NotDataActions take getSecret out of secrets/*',
    doc: SUBTRACT,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsButNoValue)]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds secrets-without-values at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included): secrets-without-values at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv grants it but its NotDataActions remove it (Microsoft.KeyVault/vaults/secrets/getSecret/action)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'the same role still lists (readMetadata is not excluded)',
    doc: SUBTRACT,
    finding: refusal('/secrets'),
    model: rbac([held(ROLE.secretsButNoValue)]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds secrets-without-values at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/readMetadata/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a second role grants what the first one excludes',
    doc: NOT_DENY,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsButNoValue), held(ROLE.secretsUser, RG_ID)]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'vaults/* minus keys/* cannot wrap',
    doc: SUBTRACT,
    finding: refusal(`/keys/cmk/${VERSION}/wrapkey`),
    model: rbac([held(ROLE.allButKeys)]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/keys/wrap/action for POST /keys/cmk/4387e9f3d6e14c459867679a90fd0f79/wrapkey at this scope (holds vault-admin-no-keys at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included): vault-admin-no-keys at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv grants it but its NotDataActions remove it (Microsoft.KeyVault/vaults/keys/*)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Crypto Service Encryption User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'a name-prefix condition admits a matching secret',
    doc: PREFIX_EXAMPLE,
    finding: refusal('/secrets/app1-db'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { condition: prefixCondition('app1-') })]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a name-prefix condition refuses another secret, and says which condition',
    doc: PREFIX_EXAMPLE,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { condition: prefixCondition('app1-') })]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included): Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv is limited by a condition this request does not meet: ((!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/getSecret/action'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'app1-'))", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'name conditions are case-sensitive',
    doc: CASE,
    finding: refusal('/secrets/App1-db'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { condition: prefixCondition('app1-') })]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/App1-db at this scope (holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included): Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv is limited by a condition this request does not meet: ((!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/getSecret/action'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'app1-'))", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'a condition on getSecret only leaves listing alone',
    doc: ACTION_GATE,
    finding: refusal('/secrets'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { condition: prefixCondition('app1-') })]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/readMetadata/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a condition on readMetadata cannot be told for a list (no secret name)',
    doc: ACTION_GATE,
    finding: refusal('/secrets'),
    model: rbac([held(ROLE.reader, VAULT_ID, { condition: readMetadataCondition })]),
    expect: {"check": "role-assignment", "status": "unknown", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Reader at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/readMetadata/action only under a condition that cannot be evaluated here: ((!(ActionMatches{'Microsoft.KeyVault/vaults/secrets/readMetadata/action'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'api-'))", "command": {"tool": "az", "text": "az role assignment list --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv --include-inherited --include-groups"}},
  },
  {
    name: 'a vault-name condition at subscription scope admits this vault',
    doc: VAULT_NAME,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, SUB_ID, { condition: "@Resource[Microsoft.KeyVault/vaults:name] StringStartsWith 'hyper'" })]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a vault-name condition for other vaults refuses this one',
    doc: VAULT_NAME,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, SUB_ID, { condition: "@Resource[Microsoft.KeyVault/vaults:name] StringStartsWith 'kvsyn'" })]),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333; group assignments included): Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333 is limited by a condition this request does not meet: @Resource[Microsoft.KeyVault/vaults:name] StringStartsWith 'kvsyn'", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'StringLike with a wildcard',
    doc: LIKE,
    finding: refusal('/secrets/app1-db'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { condition: prefixCondition('app?-*', 'StringLike') })]),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a tag attribute is not one Key Vault evaluates here: unknown, condition shown',
    doc: TWO_ATTRIBUTES,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { condition: "@Resource[Microsoft.KeyVault/vaults/secrets:tags:team<$key_case_sensitive$>] StringEquals 'payments'" })]),
    expect: {"check": "role-assignment", "status": "unknown", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action only under a condition that cannot be evaluated here: @Resource[Microsoft.KeyVault/vaults/secrets:tags:team<$key_case_sensitive$>] StringEquals 'payments'", "command": {"tool": "az", "text": "az role assignment list --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv/secrets/db-password --include-inherited --include-groups"}},
  },
  {
    name: 'a principal attribute cannot be read from a log: unknown',
    doc: TWO_ATTRIBUTES,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { condition: "@Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Engineering_Project] StringEquals 'Cascade'" })]),
    expect: {"check": "role-assignment", "status": "unknown", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action only under a condition that cannot be evaluated here: @Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Engineering_Project] StringEquals 'Cascade'", "command": {"tool": "az", "text": "az role assignment list --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv/secrets/db-password --include-inherited --include-groups"}},
  },
  {
    name: 'only a group assignment grants it: unknown, naming the group assignment',
    doc: GROUPS,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { principalId: GROUP, principalType: 'Group' })], { groupsExpanded: true }),
    expect: {"check": "role-assignment", "status": "unknown", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no direct role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password; only group assignments grant it: Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv (held by group 9b0c3a55-2f1e-4f4d-8f53-5d8a1d6e0a11). ARM lists them because the object is a member, but the caller's token carries the membership only once issued after it (and never past the groups overage limit)", "command": {"tool": "az", "text": "az role assignment list --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv/secrets/db-password --include-inherited --include-groups"}},
  },
  {
    name: 'a direct assignment decides even when a group holds one too',
    doc: GROUPS,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser, VAULT_ID, { principalId: GROUP, principalType: 'Group' }), held(ROLE.secretsUser, RG_ID, { principalType: 'ServicePrincipal' })], { groupsExpanded: true }),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'groups expanded and nothing grants: fail, saying groups were included',
    doc: GROUPS,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.reader, VAULT_ID, { principalId: GROUP, principalType: 'Group' })], { groupsExpanded: true }),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds Key Vault Reader at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv (held by group 9b0c3a55-2f1e-4f4d-8f53-5d8a1d6e0a11); group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'a deny assignment on the vault blocks what a role grants',
    doc: BLOCKS,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser)], { denyAssignments: [denyAll(VAULT_ID)] }),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, deny assignment Protected by managed application at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv blocks Microsoft.KeyVault/vaults/secrets/getSecret/action for object f54370a6-bc53-4e02-8d73-63de4c317b54, whatever its roles grant; Azure creates deny assignments (managed applications, deployment stacks) and they are changed only where they came from"},
  },
  {
    name: 'a deny assignment that excludes the caller does not block it',
    doc: EXCLUDE,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser)], { denyAssignments: [{ ...denyAll(VAULT_ID), excludePrincipals: [OID] }] }),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a resource-group deny that does not apply to child scopes leaves the vault alone',
    doc: CHILD,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser)], { denyAssignments: [{ ...denyAll(RG_ID), doNotApplyToChildScopes: true }] }),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a deny on the resource group reaches the vault by default',
    doc: CHILD,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser)], { denyAssignments: [denyAll(RG_ID)] }),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, deny assignment Protected by managed application at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x blocks Microsoft.KeyVault/vaults/secrets/getSecret/action for object f54370a6-bc53-4e02-8d73-63de4c317b54, whatever its roles grant; Azure creates deny assignments (managed applications, deployment stacks) and they are changed only where they came from"},
  },
  {
    name: 'a deny whose NotDataActions exclude getSecret does not block reading',
    doc: DENY_EXCLUDED_ACTIONS,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser)], { denyAssignments: [{ ...denyAll(VAULT_ID), notDataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'] }] }),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a deny assignment limited to other vaults by its condition does not block this one',
    doc: DENY_CONDITION,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser)], { denyAssignments: [{ ...denyAll(SUB_ID), condition: "@Resource[Microsoft.KeyVault/vaults:name] StringStartsWith 'locked-'" }] }),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'a deny assignment under a condition that cannot be evaluated: unknown, condition shown',
    doc: DENY_CONDITION,
    finding: refusal('/secrets/db-password'),
    model: rbac([held(ROLE.secretsUser)], { denyAssignments: [{ ...denyAll(VAULT_ID), condition: "@Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Clearance] StringNotEquals 'high'" }] }),
    expect: {"check": "role-assignment", "status": "unknown", "evidence": "RBAC mode, deny assignment Protected by managed application at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv may block (under a condition that cannot be evaluated here: @Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Clearance] StringNotEquals 'high') Microsoft.KeyVault/vaults/secrets/getSecret/action for object f54370a6-bc53-4e02-8d73-63de4c317b54, whatever its roles grant; Azure creates deny assignments (managed applications, deployment stacks) and they are changed only where they came from"},
  },
];
