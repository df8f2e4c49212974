import { explain } from '../../explain';
import { findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import { grantFor, roleForGrant } from './grant';
import rule from './rule';

testRule(rule, fixtures);

describe('access-policy: grants', () => {
  test.each([
    ['secrets get', 'secret', ['get', 'list'], 'Key Vault Secrets User'],
    ['secrets list', 'secret', ['get', 'list'], 'Key Vault Secrets User'],
    ['secrets set', 'secret', ['get', 'list', 'set'], 'Key Vault Secrets Officer'],
    ['keys encrypt', 'key', ['get', 'list', 'encrypt'], 'Key Vault Crypto User'],
    ['keys create', 'key', ['get', 'list', 'create'], 'Key Vault Crypto Officer'],
    ['certificates get', 'certificate', ['get', 'list'], 'Key Vault Certificate User'],
    [undefined, 'secret', ['get', 'list'], 'Key Vault Secrets User'],
  ])('%s → %s %j, or role %s', (permission, kind, permissions, role) => {
    const grant = grantFor(permission);
    expect(grant).toEqual({ kind, permissions });
    expect(roleForGrant(grant).name).toBe(role);
  });
});

describe('access-policy: advice follows the facts', () => {
  test('the summary names the permission, the vault and the caller', () => {
    expect(findingOf(rule, fixtureText(fixtures, 'Terraform-style go-autorest GetSecrets')).summary).toBe(
      'The access policies of Key Vault diskvault001 do not give the identity with app id dcfa956d-b453-448c-b06b-4c1383c2afeb (object id 09e7a3cd-4fc8-4d55-bb62-aaef76a8b439) the "secrets list" permission (the vault uses access policies, not Azure RBAC).',
    );
  });

  test('Bicep adds one entry through accessPolicies/add and Terraform writes capitalised permissions', () => {
    const commands = findingOf(rule, fixtureText(fixtures, 'Terraform-style go-autorest GetSecrets')).fixes[0]?.commands ?? [];
    expect(commands.find((c) => c.tool === 'bicep')?.text).toBe(
      [
        "resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
        "  name: 'diskvault001'",
        '}',
        '',
        "resource addPolicy 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {",
        '  parent: keyVault',
        "  name: 'add'",
        '  properties: {',
        '    accessPolicies: [',
        '      {',
        "        tenantId: 'cdffd708-7da0-4cea-abeb-0a4c334d7f64'",
        "        objectId: '09e7a3cd-4fc8-4d55-bb62-aaef76a8b439'",
        '        permissions: {',
        "          secrets: [ 'get', 'list' ]",
        '        }',
        '      }',
        '    ]',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(commands.find((c) => c.tool === 'terraform')?.text).toBe(
      [
        'resource "azurerm_key_vault_access_policy" "pipeline" {',
        '  key_vault_id = "/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/diskvault001"',
        '  tenant_id    = "cdffd708-7da0-4cea-abeb-0a4c334d7f64"',
        '  object_id    = "09e7a3cd-4fc8-4d55-bb62-aaef76a8b439"',
        '',
        '  secret_permissions = ["Get", "List"]',
        '}',
      ].join('\n'),
    );
  });

  test('the OBO refusal blames the "authorized application" entry', () => {
    const f = findingOf(rule, fixtureText(fixtures, 'akv2k8s go-autorest'));
    expect(f.summary).toMatch(/is a compound-identity entry \(with an "authorized application"\)/);
    expect(f.causes[0]).toMatch(/^The entry was created with "Authorized application" set/);
    expect(f.fixes[0]?.steps[0]).toContain('(leave "Authorized application" empty)');
  });

  test('a person\'s az login is named, and the entry is added by object id', () => {
    const f = findingOf(rule, fixtureText(fixtures, 'Terraform destroy before 2020'));
    expect(f.causes[0]).toMatch(/^The caller is a person signed in with `az login`/);
    expect(f.fixes[0]?.title).toBe('Give 8e837a71-ba6e-48ea-a204-8131bbf7b5d9 get, list, delete on secrets in <vault-name>');
  });

  test('the PowerShell warning says the vault has no access policy at all', () => {
    expect(findingOf(rule, fixtureText(fixtures, 'Az PowerShell')).summary).toBe(
      'Key Vault <vault-name> has no access policy at all, so no identity can use its keys, secrets or certificates yet.',
    );
  });

  test('role assignments are called useless on an access-policy vault, and RBAC migration is offered', () => {
    const f = findingOf(rule, fixtureText(fixtures, 'Container Apps secret sync'));
    expect(f.causes).toContain('Role assignments (Owner, Contributor, even Key Vault Secrets User) have no effect on a vault that uses access policies.');
    expect(f.fixes[1]?.title).toBe('Or move someakv to Azure RBAC and grant Key Vault Secrets User');
    expect(f.fixes[1]?.commands.map((c) => c.text)).toEqual([
      "az role assignment create --role 'Key Vault Secrets User' --assignee <app-id> --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/someakv",
      'az keyvault update --name someakv --enable-rbac-authorization true',
    ]);
  });

  test('`kvdoctor explain AccessDenied` works without a log', () => {
    const outcome = explain('AccessDenied');
    expect(outcome.ok && outcome.value.rule).toBe('access-policy');
    expect(outcome.ok && outcome.value.fixes[0]?.commands[0]?.text).toBe('az keyvault set-policy --name <vault-name> --spn <app-id> --secret-permissions get list');
  });
});

describe('access-policy: on Data Factory or a Synapse pipeline', () => {
  test("the factory's or workspace's managed identity is the caller, and it is granted by the message's object id", () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Synapse pipeline (Data Factory engine) AkvAccessDeniedByCallerNotAuthorized: the workspace identity is granted by object id'));
    expect(finding.causes[0]).toBe(
      "Data Factory (and a Synapse pipeline, which runs the same engine) reads linked-service secrets as the factory's or workspace's managed identity (the 'Managed Identity Object ID' on the Azure Key Vault linked service page), not as the person who created the linked service: it needs Get and List on secrets.",
    );
    expect(finding.fixes[0]?.title).toBe("Grant the factory's managed identity access to asaexpkeyvaultkmrshiv");
    expect(finding.fixes[0]?.commands.map((c) => c.text)).toEqual([
      'az datafactory show --resource-group <resource-group> --name <factory-name> --query identity.principalId --output tsv',
      "az role assignment create --role 'Key Vault Secrets User' --assignee fefdf081-c176-418f-8ab3-1764a790cd1d --scope /subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.KeyVault/vaults/asaexpkeyvaultkmrshiv",
      'az keyvault set-policy --name asaexpkeyvaultkmrshiv --object-id fefdf081-c176-418f-8ab3-1764a790cd1d --secret-permissions get list',
    ]);
  });
});
