import { OID, VAULT_ID } from '../fixtures';
import { OLD_TENANT, ROLE, type Scenario, TENANT, VAULT_URL, VERSION } from './scenario';

const REST = 'https://learn.microsoft.com/en-us/rest/api/keyvault';
const RBAC_GUIDE = 'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide';
const MOVE = 'https://learn.microsoft.com/en-us/azure/key-vault/general/move-subscription';

const LIST_SECRETS = { url: `${REST}/secrets/get-secrets/get-secrets`, says: 'The Get Secrets operation is applicable to the entire vault. [...] This operation requires the secrets/list permission.' };
const GET_SECRET = { url: `${REST}/secrets/get-secret/get-secret`, says: 'The GET operation is applicable to any secret stored in Azure Key Vault. This operation requires the secrets/get permission.' };
const SECRET_VERSIONS = { url: `${REST}/secrets/get-secret-versions/get-secret-versions`, says: 'No values are returned for the secrets. This operations requires the secrets/list permission.' };
const LIST_KEYS = { url: `${REST}/keys/get-keys/get-keys`, says: 'Individual versions of a key are not listed in the response. This operation requires the keys/list permission.' };
const GET_KEY = { url: `${REST}/keys/get-key/get-key`, says: 'The get key operation is applicable to all key types. [...] This operation requires the keys/get permission.' };
const WRAP = { url: `${REST}/keys/wrap-key/wrap-key`, says: 'This operation requires the keys/wrapKey permission.' };
const UNWRAP = { url: `${REST}/keys/unwrap-key/unwrap-key`, says: 'This operation requires the keys/unwrapKey permission.' };
const SIGN = { url: `${REST}/keys/sign/sign`, says: 'This operation requires the keys/sign permission.' };
const LIST_CERTS = { url: `${REST}/certificates/get-certificates/get-certificates`, says: 'The GetCertificates operation returns the set of certificates resources in the specified key vault. This operation requires the certificates/list permission.' };
const GET_CERT = { url: `${REST}/certificates/get-certificate/get-certificate`, says: 'Gets information about a specific certificate. This operation requires the certificates/get permission.' };
const SET_SECRET = { url: `${REST}/secrets/set-secret/set-secret`, says: 'If the named secret already exists, Azure Key Vault creates a new version of that secret. This operation requires the secrets/set permission.' };
const DELETE_ACTION = { url: 'https://learn.microsoft.com/en-us/azure/role-based-access-control/permissions/security', says: 'Microsoft.KeyVault/vaults/secrets/delete | Deletes a secret. All versions are deleted.' };
const DELETED_LIST = { url: `${REST}/secrets/get-deleted-secrets/get-deleted-secrets`, says: 'The Get Deleted Secrets operation returns the secrets that have been deleted for a vault enabled for soft-delete. This operation requires the secrets/list permission.' };
const ROTATION_POLICY = { url: `${REST}/keys/get-key-rotation-policy/get-key-rotation-policy`, says: 'The GetKeyRotationPolicy operation returns the specified key policy resources in the specified key vault. This operation requires the keys/get permission.' };
const TIED = { url: MOVE, says: 'All access policy entries and roles assignments are also tied to this tenant ID.' };
const READER = { url: RBAC_GUIDE, says: 'Key Vault Reader | Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material.' };
const READER_LISTS = { url: RBAC_GUIDE, says: 'Above role assignment provides ability to list key vault objects in key vault.' };
const SECRETS_USER = { url: RBAC_GUIDE, says: 'Key Vault Secrets User | Read secret contents including secret portion of a certificate with private key.' };
const CSE_USER = { url: RBAC_GUIDE, says: 'Key Vault Crypto Service Encryption User | Read metadata of keys and perform wrap/unwrap operations.' };
const CERT_USER = { url: RBAC_GUIDE, says: 'Key Vault Certificate User | Read entire certificate contents including secret and key portion.' };

/** A refusal by the firewall of a request the log shows by URL (Azure DevOps prints the request it made). */
const firewallRefusal = (path: string) => ({
  rule: 'firewall',
  facts: { innerErrorCode: 'ForbiddenByFirewall', clientIp: '40.82.190.38', objectId: OID, requestUrl: `${VAULT_URL}${path}?api-version=7.4` },
});
const rbacRefusal = (path: string) => ({ rule: 'rbac', facts: { innerErrorCode: 'ForbiddenByRbac', objectId: OID, requestUrl: `${VAULT_URL}${path}?api-version=7.4` } });
const policy = (permissions: { secrets?: string[]; keys?: string[]; certificates?: string[] }, tenantId = TENANT) => ({
  objectId: OID,
  tenantId,
  permissions: { secrets: permissions.secrets ?? [], keys: permissions.keys ?? [], certificates: permissions.certificates ?? [] },
});
const rbac = (...assignments: { roleName: string; roleDefinitionId: string; dataActions: readonly string[]; scope?: string }[]) => ({
  enableRbacAuthorization: true,
  roleAssignments: assignments.map((a) => ({ scope: VAULT_ID, principalId: OID, ...a, dataActions: [...a.dataActions] })),
  denyAssignments: [],
  groupsExpanded: true,
});

export const OPERATION_SCENARIOS: readonly Scenario[] = [
  {
    name: 'variable group lists the secrets (GET /secrets): a get-only policy does not admit the list',
    doc: LIST_SECRETS,
    finding: firewallRefusal('/secrets'),
    model: { accessPolicies: [policy({ secrets: ['get'] })] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get] but not list; it needs secrets list for GET /secrets (list)", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --secret-permissions get list"}},
  },
  {
    name: 'GET /secrets against get and list: the policy admits it',
    doc: LIST_SECRETS,
    finding: firewallRefusal('/secrets'),
    model: { accessPolicies: [policy({ secrets: ['Get', 'List'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get, list]: list is now granted"},
  },
  {
    name: 'GET /secrets/db-password against get: admitted',
    doc: GET_SECRET,
    finding: firewallRefusal('/secrets/db-password'),
    model: { accessPolicies: [policy({ secrets: ['get'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get]: get is now granted"},
  },
  {
    name: 'GET /secrets/db-password against list only: refused',
    doc: GET_SECRET,
    finding: firewallRefusal('/secrets/db-password'),
    model: { accessPolicies: [policy({ secrets: ['list'] })] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [list] but not get; it needs secrets get for GET /secrets/db-password", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --secret-permissions list get"}},
  },
  {
    name: 'GET /secrets/db-password/versions is a list',
    doc: SECRET_VERSIONS,
    finding: firewallRefusal('/secrets/db-password/versions'),
    model: { accessPolicies: [policy({ secrets: ['get'] })] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get] but not list; it needs secrets list for GET /secrets/db-password/versions (list)", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --secret-permissions get list"}},
  },
  {
    name: 'GET of one secret version is a get',
    doc: GET_SECRET,
    finding: firewallRefusal(`/secrets/db-password/${VERSION}`),
    model: { accessPolicies: [policy({ secrets: ['get'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get]: get is now granted"},
  },
  {
    name: 'GET /keys against keys get: list is missing',
    doc: LIST_KEYS,
    finding: firewallRefusal('/keys'),
    model: { accessPolicies: [policy({ keys: ['get'] })] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has keys [get] but not list; it needs keys list for GET /keys (list)", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --key-permissions get list"}},
  },
  {
    name: 'GET /keys/cmk against keys get: admitted',
    doc: GET_KEY,
    finding: firewallRefusal('/keys/cmk'),
    model: { accessPolicies: [policy({ keys: ['get'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has keys [get]: get is now granted"},
  },
  {
    name: 'wrapkey against keys get: wrapKey is missing',
    doc: WRAP,
    finding: firewallRefusal(`/keys/cmk/${VERSION}/wrapkey`),
    model: { accessPolicies: [policy({ keys: ['get'] })] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has keys [get] but not wrapKey; it needs keys wrapKey for POST /keys/cmk/4387e9f3d6e14c459867679a90fd0f79/wrapkey", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --key-permissions get wrapKey"}},
  },
  {
    name: 'unwrapkey against get and unwrapKey: admitted',
    doc: UNWRAP,
    finding: firewallRefusal(`/keys/cmk/${VERSION}/unwrapkey`),
    model: { accessPolicies: [policy({ keys: ['get', 'unwrapKey'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has keys [get, unwrapkey]: unwrapKey is now granted"},
  },
  {
    name: 'sign on the latest version (empty version segment) against sign: admitted',
    doc: SIGN,
    finding: firewallRefusal('/keys/release-signing//sign'),
    model: { accessPolicies: [policy({ keys: ['sign'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has keys [sign]: sign is now granted"},
  },
  {
    name: 'GET /certificates against certificates get: list is missing',
    doc: LIST_CERTS,
    finding: firewallRefusal('/certificates'),
    model: { accessPolicies: [policy({ certificates: ['get'] })] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has certificates [get] but not list; it needs certificates list for GET /certificates (list)", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --certificate-permissions get list"}},
  },
  {
    name: 'GET /certificates/tls against get and list: admitted',
    doc: GET_CERT,
    finding: firewallRefusal('/certificates/tls'),
    model: { accessPolicies: [policy({ certificates: ['get', 'list'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has certificates [get, list]: get is now granted"},
  },
  {
    name: 'a refusal that names the permission wins over the URL',
    doc: GET_SECRET,
    finding: { ...firewallRefusal('/secrets'), rule: 'access-policy', details: { permission: 'secrets get' } },
    model: { accessPolicies: [policy({ secrets: ['get'] })] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get]: get is now granted"},
  },
  {
    name: 'an entry for the object from the old tenant grants nothing',
    doc: TIED,
    finding: firewallRefusal('/secrets/db-password'),
    model: { accessPolicies: [policy({ secrets: ['get', 'list'] }, OLD_TENANT)] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no access policy in the vault's tenant (1 policy on the vault); its entry names tenant 72f988bf-86f1-41af-91ab-2d7cd011db47, not the vault's tenant a1a2578a-8fd3-4595-bb18-7d17df8944b0, so it grants nothing (left from a tenant move: add a new entry, remove the old); it needs secrets get for GET /secrets/db-password", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --secret-permissions get list"}},
  },
  {
    name: 'an entry in the vault tenant (other letter case) grants',
    doc: TIED,
    finding: firewallRefusal('/secrets/db-password'),
    model: { accessPolicies: [policy({ secrets: ['get'] }, TENANT.toUpperCase())] },
    expect: {"check": "access-policy", "status": "pass", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get]: get is now granted"},
  },
  {
    name: 'only the vault-tenant entry counts when both exist',
    doc: TIED,
    finding: firewallRefusal('/secrets'),
    model: { accessPolicies: [policy({ secrets: ['get', 'list'] }, OLD_TENANT), policy({ secrets: ['get'] })] },
    expect: {"check": "access-policy", "status": "fail", "evidence": "access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get] but not list; it needs secrets list for GET /secrets (list)", "command": {"tool": "az", "text": "az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --secret-permissions get list"}},
  },
  {
    name: 'RBAC: Key Vault Reader lists secret metadata',
    doc: READER_LISTS,
    finding: rbacRefusal('/secrets'),
    model: rbac(ROLE.reader),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Reader at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/readMetadata/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'RBAC: Key Vault Reader cannot read a secret value',
    doc: READER,
    finding: rbacRefusal('/secrets/db-password'),
    model: rbac(ROLE.reader),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action for GET /secrets/db-password at this scope (holds Key Vault Reader at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'RBAC: a custom role with only getSecret cannot list',
    doc: LIST_SECRETS,
    finding: rbacRefusal('/secrets'),
    model: rbac(ROLE.getSecretOnly),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/readMetadata/action for GET /secrets (list) at this scope (holds ci-secret-getter at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'RBAC: a custom role with only getSecret reads one secret',
    doc: GET_SECRET,
    finding: rbacRefusal('/secrets/db-password'),
    model: rbac(ROLE.getSecretOnly),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds ci-secret-getter at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'RBAC: Crypto Service Encryption User wraps',
    doc: CSE_USER,
    finding: rbacRefusal(`/keys/cmk/${VERSION}/wrapkey`),
    model: rbac(ROLE.cryptoServiceEncryptionUser),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Crypto Service Encryption User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/keys/wrap/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'RBAC: Key Vault Reader reads key metadata but cannot wrap',
    doc: CSE_USER,
    finding: rbacRefusal(`/keys/cmk/${VERSION}/wrapkey`),
    model: rbac(ROLE.reader),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/keys/wrap/action for POST /keys/cmk/4387e9f3d6e14c459867679a90fd0f79/wrapkey at this scope (holds Key Vault Reader at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Crypto Service Encryption User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'RBAC: Certificate User lists certificates',
    doc: CERT_USER,
    finding: rbacRefusal('/certificates'),
    model: rbac(ROLE.certificateUser),
    expect: {"check": "role-assignment", "status": "pass", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Certificate User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/certificates/read: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry"},
  },
  {
    name: 'RBAC: the data action the refusal names wins over the URL',
    doc: SECRETS_USER,
    finding: { rule: 'rbac', facts: { ...rbacRefusal('/secrets').facts, action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' } },
    model: rbac(ROLE.reader),
    expect: {"check": "role-assignment", "status": "fail", "evidence": "RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action at this scope (holds Key Vault Reader at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included)", "command": {"tool": "az", "text": "az role assignment create --role 'Key Vault Secrets User' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv"}},
  },
  {
    name: 'a PUT of a secret (the log states the method) needs set, not get',
    doc: SET_SECRET,
    finding: { rule: 'firewall', facts: { ...firewallRefusal('/secrets/db-password').facts, requestMethod: 'PUT' } },
    model: { accessPolicies: [policy({ secrets: ['get', 'list'] })] },
    expect: { check: 'access-policy', status: 'fail', evidence: 'access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get, list] but not set; it needs secrets set for PUT /secrets/db-password', command: { tool: 'az', text: 'az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --secret-permissions get list set' } },
  },
  {
    name: 'RBAC: a DELETE of a secret needs secrets/delete, which Secrets User lacks',
    doc: DELETE_ACTION,
    finding: { rule: 'rbac', facts: { ...rbacRefusal('/secrets/db-password').facts, requestMethod: 'DELETE' } },
    model: rbac(ROLE.secretsUser),
    expect: {
      check: 'role-assignment',
      status: 'fail',
      evidence: 'RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has no role with Microsoft.KeyVault/vaults/secrets/delete for DELETE /secrets/db-password at this scope (holds Key Vault Secrets User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv; group assignments included)',
      command: { tool: 'az', text: "az role assignment create --role 'Key Vault Secrets Officer' --assignee f54370a6-bc53-4e02-8d73-63de4c317b54 --scope /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv" },
    },
  },
  {
    name: 'RBAC: POST …/wrapkey (method and URL stated) is a wrap, which Crypto Service Encryption User grants',
    doc: WRAP,
    finding: { rule: 'rbac', facts: { ...rbacRefusal(`/keys/cmk/${VERSION}/wrapkey`).facts, requestMethod: 'POST' } },
    model: rbac(ROLE.cryptoServiceEncryptionUser),
    expect: {
      check: 'role-assignment',
      status: 'pass',
      evidence: 'RBAC mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 holds Key Vault Crypto Service Encryption User at /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv, which grants Microsoft.KeyVault/vaults/keys/wrap/action: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry',
    },
  },
  {
    name: 'listing deleted secrets (GET /deletedsecrets) needs list',
    doc: DELETED_LIST,
    finding: firewallRefusal('/deletedsecrets'),
    model: { accessPolicies: [policy({ secrets: ['get', 'recover'] })] },
    expect: { check: 'access-policy', status: 'fail', evidence: 'access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has secrets [get, recover] but not list; it needs secrets list for GET /deletedsecrets (list)', command: { tool: 'az', text: 'az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --secret-permissions get recover list' } },
  },
  {
    name: 'a key rotation policy read against keys get only: the docs name two permissions, so unknown',
    doc: ROTATION_POLICY,
    finding: firewallRefusal('/keys/cmk/rotationpolicy'),
    model: { accessPolicies: [policy({ keys: ['get'] })] },
    expect: {
      check: 'access-policy',
      status: 'unknown',
      evidence: 'access-policy mode, object f54370a6-bc53-4e02-8d73-63de4c317b54 has keys [get]: keys getrotationpolicy for GET /keys/cmk/rotationpolicy; Microsoft documents both getrotationpolicy and get for it, and the entry has get but not getrotationpolicy',
      command: { tool: 'az', text: 'az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id f54370a6-bc53-4e02-8d73-63de4c317b54 --key-permissions get getrotationpolicy' },
    },
  },
];
