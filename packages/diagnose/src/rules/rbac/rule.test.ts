import { explain } from '../../explain';
import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { commandTexts, findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import { roleForAction } from './role-for-action';
import rule from './rule';

testRule(rule, fixtures);

describe('rbac: role per data action', () => {
  test.each([
    ['Microsoft.KeyVault/vaults/secrets/getSecret/action', undefined, 'Key Vault Secrets User'],
    ['Microsoft.KeyVault/vaults/secrets/readMetadata/action', undefined, 'Key Vault Secrets User'],
    ['Microsoft.KeyVault/vaults/secrets/setSecret/action', undefined, 'Key Vault Secrets Officer'],
    ['Microsoft.KeyVault/vaults/secrets/delete', undefined, 'Key Vault Secrets Officer'],
    ['Microsoft.KeyVault/vaults/certificates/import/action', undefined, 'Key Vault Certificates Officer'],
    ['Microsoft.KeyVault/vaults/certificates/read', undefined, 'Key Vault Certificate User'],
    ['Microsoft.KeyVault/vaults/keys/encrypt/action', undefined, 'Key Vault Crypto User'],
    ['Microsoft.KeyVault/vaults/keys/create/action', undefined, 'Key Vault Crypto Officer'],
    ['Microsoft.KeyVault/vaults/keys/unwrap/action', 'Microsoft.Storage/storageAccounts', 'Key Vault Crypto Service Encryption User'],
    ['Microsoft.KeyVault/vaults/keys/unwrap/action', undefined, 'Key Vault Crypto User'],
    ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.RecoveryServices/vaults', 'Key Vault Crypto Service Encryption User'],
    ['Microsoft.KeyVault/vaults/keys/read', 'KeyVault/ManagementPlane', 'Key Vault Crypto Officer'],
    [undefined, undefined, 'Key Vault Secrets User'],
  ])('%s (caller %s) → %s', (action, caller, role) => {
    expect(roleForAction(action, caller).name).toBe(role);
  });
});

describe('rbac: advice follows the facts', () => {
  test('a person\'s az login is named as such, and the fix grants the user by object id', () => {
    const finding = findingOf(rule, fixtureText(fixtures, "az CLI (Forbidden) from a person's az login"));
    expect(finding.summary).toBe(
      'Azure RBAC on Key Vault aoaisimaoaisimdevsl2 refused a user signed in with az login (object id 207e277f-a838-4c61-940a-950b06cd1cc8) Microsoft.KeyVault/vaults/secrets/getSecret/action: no role assignment on the vault, its resource group or subscription grants it; Key Vault Secrets User is the smallest built-in role that does.',
    );
    expect(finding.causes[0]).toMatch(/^The caller is a person signed in with `az login` \(app id 04b07795-8ddb-461a-bbee-02f9e1bf7b46 is the Azure CLI itself\)/);
    const bicep = finding.fixes[0]?.commands.find((c) => c.tool === 'bicep')?.text;
    expect(bicep).toBe(
      [
        "resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
        "  name: 'aoaisimaoaisimdevsl2'",
        '}',
        '',
        "resource kvRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {",
        "  name: guid(keyVault.id, '207e277f-a838-4c61-940a-950b06cd1cc8', '4633458b-17de-408a-b874-0445c86b69e6')",
        '  scope: keyVault',
        '  properties: {',
        "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')",
        "    principalId: '207e277f-a838-4c61-940a-950b06cd1cc8'",
        "    principalType: 'User'",
        '  }',
        '}',
      ].join('\n'),
    );
  });

  test('Terraform gets an azurerm_role_assignment with the real vault id and the service principal object id', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'AzureKeyVault@2 wraps the RBAC text'));
    const terraform = finding.fixes[0]?.commands.find((c) => c.tool === 'terraform')?.text;
    expect(terraform).toBe(
      [
        'resource "azurerm_role_assignment" "key_vault_secrets_user" {',
        '  scope                = "/subscriptions/a4fc5514-21a9-4296-bfaf-5c7ee7fa35d1/resourceGroups/keyvaults/providers/Microsoft.KeyVault/vaults/dnceng-pipeline-secrets"',
        '  role_definition_name = "Key Vault Secrets User"',
        '  principal_id         = "e54fa0b4-a8bd-4a5a-8685-331cf8457e87"',
        '}',
      ].join('\n'),
    );
    expect(finding.fixes[0]?.title).toBe('Grant Key Vault Secrets User on dnceng-pipeline-secrets to e54fa0b4-a8bd-4a5a-8685-331cf8457e87');
  });

  test('the ARM proxy form says access policies cannot help and asks for the officer role', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Pulumi azure-nextgen'));
    expect(finding.causes[0]).toMatch(/^The request went through Azure Resource Manager/);
    expect(finding.fixes[0]?.title).toBe('Grant Key Vault Crypto Officer on <vault-name> to <app-id>');
  });

  test('a Contributor-only service connection learns that control-plane roles grant no data actions', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Azure DevOps AzureCLI@2 certificate import'));
    expect(finding.causes).toContain(
      'The identity has no data-plane role for Microsoft.KeyVault/vaults/certificates/import/action (DecisionReason DeniedWithNoValidRBAC: no role assignment grants the action). Owner, Contributor and Key Vault Contributor are control-plane roles and grant no data actions; Key Vault Certificates Officer is the smallest built-in role that allows it.',
    );
    expect(finding.causes).toContain(
      'The vault uses the Azure RBAC permission model (enableRbacAuthorization true): access policies are ignored, so an access-policy entry added for this identity has no effect.',
    );
  });

  test('propagation and managed-identity group caching are named with their limits', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Terraform azurerm GetSecret'));
    expect(finding.causes).toContain('The assignment is recent: role assignments take up to 10 minutes to reach Key Vault (a second Terraform run then succeeds).');
    expect(finding.causes).toContain(
      'Access is granted through a group and the caller is a managed identity: its tokens cache group membership for up to 8 hours; assign the role to the identity directly.',
    );
  });

  test('the GitLab form names no action: the summary says which need the role covers, and where the app id lives', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'GitLab runner'));
    expect(finding.summary).toBe(
      'Azure RBAC on Key Vault <vault-name> refused the calling identity the requested data action: no role assignment on the vault, its resource group or subscription grants it; to read secrets, Key Vault Secrets User is the smallest built-in role.',
    );
    expect(finding.fixes[0]?.steps).toContain("The app id is the project's AZURE_CLIENT_ID CI/CD variable (the app that holds the federated credential).");
  });

  test('a non-null DenyAssignmentId leads with the deny assignment and a lookup command', () => {
    const e = rule.explain({ facts: { vault: 'kv-x' }, details: { denyAssignmentId: '1a2b3c4d-0000-4000-8000-000000000001' }, platform: UNKNOWN_PLATFORM });
    expect(e.summary).toBe(
      'Azure RBAC on Key Vault kv-x refused the calling identity the requested data action: deny assignment 1a2b3c4d-0000-4000-8000-000000000001 blocks it, whatever roles are assigned.',
    );
    expect(e.causes[0]).toMatch(/^A deny assignment \(DenyAssignmentId 1a2b3c4d-0000-4000-8000-000000000001\) covers this action/);
    expect(commandTexts(e)).toContain('Get-AzDenyAssignment -Id 1a2b3c4d-0000-4000-8000-000000000001');
  });

  test('`kvdoctor explain ForbiddenByRbac` works without a log, with placeholders', () => {
    const outcome = explain('ForbiddenByRbac');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.rule).toBe('rbac');
    expect(outcome.value.fixes[0]?.commands[1]?.text).toBe(
      "New-AzRoleAssignment -RoleDefinitionName 'Key Vault Secrets User' -ApplicationId <app-id> -Scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/<vault-name>",
    );
  });
});

describe('rbac: on the AKS CSI driver', () => {
  test('the SecretProviderClass identity is named, and the grant goes to the caller\'s client id', () => {
    const e = rule.explain({
      facts: { vault: 'kv-one', appId: '98033b94-b23a-4e50-8f17-bdea609c41e9', action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' },
      details: {},
      platform: { ...UNKNOWN_PLATFORM, host: 'aks-csi-driver' },
    });
    expect(e.causes[0]).toBe(
      "The Secrets Store CSI driver's Azure provider calls the vault as the identity its SecretProviderClass names, not as your application: with workload identity, the identity whose client ID is in `clientID` (federated with the pod's service account); with `useVMManagedIdentity: \"true\"`, the node identity whose client ID is in `userAssignedIdentityID` (the add-on's azurekeyvaultsecretsprovider identity or the kubelet identity).",
    );
    expect(e.fixes[0]?.title).toBe('Grant the SecretProviderClass identity access to kv-one');
    expect(e.fixes[0]?.commands.map((c) => c.text)).toEqual([
      'kubectl get secretproviderclass <secretproviderclass-name> --namespace <namespace> --output yaml',
      'az aks show --resource-group <resource-group> --name <cluster-name> --query addonProfiles.azureKeyvaultSecretsProvider.identity.clientId --output tsv',
      'az aks show --resource-group <resource-group> --name <cluster-name> --query identityProfile.kubeletidentity.clientId --output tsv',
      "az role assignment create --role 'Key Vault Secrets User' --assignee 98033b94-b23a-4e50-8f17-bdea609c41e9 --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/kv-one",
      'az keyvault set-policy --name kv-one --spn 98033b94-b23a-4e50-8f17-bdea609c41e9 --secret-permissions get',
    ]);
  });

  test('with no host detected the advice is unchanged', () => {
    const e = rule.explain({ facts: { vault: 'kv-one' }, details: {}, platform: UNKNOWN_PLATFORM });
    expect(e.causes.join(' ')).not.toMatch(/SecretProviderClass|AzureDatabricks|keyVaultReferenceIdentity/);
  });
});
