import { assessContext } from './context';
import { findingOf, modelOf, OID, VAULT_ID } from './fixtures';
import { permissionModelCheck } from './permission-check';
import { policyCheck } from './policy-check';
import { roleCheck } from './role-check';

const SUB = '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333';
const rbacRefusal = findingOf('rbac', { innerErrorCode: 'ForbiddenByRbac', objectId: OID, action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' });
const secretsUser = { roleName: 'Key Vault Secrets User', roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`, principalId: OID };
const reader = { roleName: 'Reader', roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`, principalId: OID, scope: SUB, dataActions: [] };

describe('role assignment check', () => {
  it('fails when the object holds only control-plane roles, and names the role to assign at the vault', () => {
    const ctx = assessContext(rbacRefusal, modelOf({ enableRbacAuthorization: true, roleAssignments: [reader] }));
    expect(roleCheck(ctx)).toEqual({
      check: 'role-assignment',
      status: 'fail',
      evidence: `RBAC mode, object ${OID} has no role with Microsoft.KeyVault/vaults/secrets/getSecret/action at this scope (holds Reader at ${SUB}; direct assignments only, group memberships are not expanded)`,
      command: { tool: 'az', text: `az role assignment create --role 'Key Vault Secrets User' --assignee ${OID} --scope ${VAULT_ID}` },
    });
  });

  it('passes on an inherited assignment whose data actions grant the action, and says to retry', () => {
    const ctx = assessContext(rbacRefusal, modelOf({ enableRbacAuthorization: true, roleAssignments: [reader, { ...secretsUser, scope: `${SUB}/resourceGroups/rg-x`, dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'] }] }));
    expect(roleCheck(ctx)).toEqual({
      check: 'role-assignment',
      status: 'pass',
      evidence: `RBAC mode, object ${OID} holds Key Vault Secrets User at ${SUB}/resourceGroups/rg-x, which grants Microsoft.KeyVault/vaults/secrets/getSecret/action; deny assignments were not read: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry`,
    });
  });

  it('honours wildcards (Key Vault Administrator: Microsoft.KeyVault/vaults/*)', () => {
    const admin = { ...secretsUser, roleName: 'Key Vault Administrator', scope: VAULT_ID, dataActions: ['Microsoft.KeyVault/vaults/*'] };
    expect(roleCheck(assessContext(rbacRefusal, modelOf({ enableRbacAuthorization: true, roleAssignments: [admin] }))).status).toBe('pass');
  });

  it('ignores an assignment on a sibling vault and one held by another principal', () => {
    const sibling = { ...secretsUser, scope: `${VAULT_ID}-old`, dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'] };
    const other = { ...secretsUser, principalId: '00000000-0000-0000-0000-000000000001', scope: VAULT_ID, dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'] };
    expect(roleCheck(assessContext(rbacRefusal, modelOf({ enableRbacAuthorization: true, roleAssignments: [sibling, other] }))).status).toBe('fail');
  });

  it('picks the role from the data action the log names (keys/read → Crypto Service Encryption User)', () => {
    const keyRead = findingOf('rbac', { innerErrorCode: 'ForbiddenByRbac', objectId: OID, action: 'Microsoft.KeyVault/vaults/keys/read' });
    expect(roleCheck(assessContext(keyRead, modelOf({ enableRbacAuthorization: true }))).command?.text).toBe(
      `az role assignment create --role 'Key Vault Crypto Service Encryption User' --assignee ${OID} --scope ${VAULT_ID}`,
    );
  });

  it('is unknown, with a listing command, when assignments could not be read', () => {
    const ctx = assessContext(rbacRefusal, modelOf({ enableRbacAuthorization: true, roleAssignments: undefined }));
    expect(roleCheck(ctx)).toEqual({
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode: the role assignments of object ${OID} could not be read; Microsoft.KeyVault/vaults/secrets/getSecret/action needs Key Vault Secrets User`,
      command: { tool: 'az', text: `az role assignment list --assignee ${OID} --scope ${VAULT_ID} --include-inherited --include-groups` },
    });
  });

  it('is unknown for a request Microsoft documents no data action for (reading deleted secrets), whatever the roles', () => {
    const deleted = findingOf('rbac', { innerErrorCode: 'ForbiddenByRbac', objectId: OID, requestUrl: 'https://hypervmigratio98a5kv.vault.azure.net/deletedsecrets?api-version=7.4' });
    const admin = { ...secretsUser, roleName: 'Key Vault Administrator', scope: VAULT_ID, dataActions: ['Microsoft.KeyVault/vaults/*'] };
    expect(roleCheck(assessContext(deleted, modelOf({ enableRbacAuthorization: true, roleAssignments: [admin] })))).toEqual({
      check: 'role-assignment',
      status: 'unknown',
      evidence: 'RBAC mode: Microsoft documents no data action for GET /deletedsecrets (list), so its roles cannot be matched against it here (only a role with Microsoft.KeyVault/vaults/* is sure to cover it)',
      command: { tool: 'az', text: `az role assignment list --assignee ${OID} --scope ${VAULT_ID} --include-inherited --include-groups` },
    });
  });

  it('is unknown with a placeholder when the log names no object id (GitLab seed text)', () => {
    const ctx = assessContext(findingOf('rbac', { innerErrorCode: 'ForbiddenByRbac' }), modelOf({ enableRbacAuthorization: true }));
    expect(roleCheck(ctx)).toEqual({
      check: 'role-assignment',
      status: 'unknown',
      evidence: 'RBAC mode: the log names no object id, so no role assignment can be matched; Microsoft.KeyVault/vaults/secrets/getSecret/action (assumed: the log does not name the operation) needs Key Vault Secrets User',
      command: { tool: 'az', text: `az role assignment create --role 'Key Vault Secrets User' --assignee <object-id> --scope ${VAULT_ID}` },
    });
  });
});

describe('access policy check', () => {
  const policyRefusal = findingOf('access-policy', { innerErrorCode: 'AccessDenied', objectId: OID, objectType: 'secret' }, { permission: 'secrets list' });
  const policy = (secrets: string[], applicationId?: string) => ({
    objectId: OID,
    tenantId: 'a1a2578a-8fd3-4595-bb18-7d17df8944b0',
    ...(applicationId === undefined ? {} : { applicationId }),
    permissions: { secrets, keys: [], certificates: [] },
  });

  it('fails with no entry and gives set-policy for the real vault', () => {
    expect(policyCheck(assessContext(policyRefusal, modelOf()))).toEqual({
      check: 'access-policy',
      status: 'fail',
      evidence: `access-policy mode, object ${OID} has no access policy (0 policies on the vault); it needs secrets list`,
      command: { tool: 'az', text: `az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id ${OID} --secret-permissions list` },
    });
  });

  it('keeps the permissions the entry already has when adding the missing one', () => {
    const get = findingOf('access-policy', { innerErrorCode: 'AccessDenied', objectId: OID }, { permission: 'secrets get' });
    expect(policyCheck(assessContext(get, modelOf({ accessPolicies: [policy(['Set'])] })))).toEqual({
      check: 'access-policy',
      status: 'fail',
      evidence: `access-policy mode, object ${OID} has secrets [set] but not get; it needs secrets get`,
      command: { tool: 'az', text: `az keyvault set-policy --resource-group rg-x --name hypervmigratio98a5kv --object-id ${OID} --secret-permissions set get list` },
    });
  });

  it('passes when the permission (or all) is granted now', () => {
    expect(policyCheck(assessContext(policyRefusal, modelOf({ accessPolicies: [policy(['Get', 'List'])] })))).toEqual({
      check: 'access-policy',
      status: 'pass',
      evidence: `access-policy mode, object ${OID} has secrets [get, list]: list is now granted → the refusal predates the policy, or propagation: retry`,
    });
    expect(policyCheck(assessContext(policyRefusal, modelOf({ accessPolicies: [policy(['all'])] }))).status).toBe('pass');
  });

  it('does not count a compound-identity entry', () => {
    const verdict = policyCheck(assessContext(policyRefusal, modelOf({ accessPolicies: [policy(['get', 'list'], '2c5a35cb-ef1f-4659-98a2-dca8761c0def')] })));
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence).toBe(
      `access-policy mode, object ${OID} has no access policy (1 policy on the vault); its only entry names application 2c5a35cb-ef1f-4659-98a2-dca8761c0def, which admits on-behalf-of calls alone; it needs secrets list`,
    );
  });
});

describe('permission model check', () => {
  it('says access policies are ignored in RBAC mode', () => {
    const ctx = assessContext(rbacRefusal, modelOf({ enableRbacAuthorization: true, accessPolicies: [{ objectId: OID, tenantId: 't', permissions: { secrets: ['get'], keys: [], certificates: [] } }] }));
    expect(permissionModelCheck(ctx)).toEqual({
      check: 'permission-model',
      status: 'pass',
      evidence: `enableRbacAuthorization true: Azure RBAC decides data access, as the refusal says; the access policy for object ${OID} is ignored in this mode`,
    });
  });

  it('is unknown when the model no longer matches the refusal', () => {
    expect(permissionModelCheck(assessContext(rbacRefusal, modelOf()))).toEqual({
      check: 'permission-model',
      status: 'unknown',
      evidence:
        'enableRbacAuthorization false: access policies decide data access, but the refusal came from Azure RBAC (ForbiddenByRbac): the permission model changed after the log was written, or the log is about another vault; the access-policy check reflects today',
    });
  });
});
