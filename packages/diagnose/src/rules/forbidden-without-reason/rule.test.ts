import { diagnose } from '../../diagnose';
import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { commandTexts, findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('forbidden-without-reason', () => {
  test('is low confidence and says the gate is unknown', () => {
    const [finding] = diagnose("Add-AzKeyVaultCertificate : Operation returned an invalid status code 'Forbidden'").findings;
    expect(finding?.confidence).toBe('low');
    expect(finding?.summary).toBe(
      'Key Vault <vault-name> refused the request (403 Forbidden), but the client printed no response body, so the log does not say which gate refused it.',
    );
  });

  test('gives way to the family that reads the body of the same error (Az PowerShell warning)', () => {
    const log =
      "WARNING: Access policy is not set. No user or application have access permission to use this vault. This can happen if the vault was created by a service principal. Please use Set-AzKeyVaultAccessPolicy to set access policies.\nSet-AzKeyVaultSecret : Operation returned an invalid status code 'Forbidden'";
    expect(diagnose(log).findings.map((f) => f.rule)).toEqual(['access-policy']);
  });
});

describe('forbidden-without-reason: a refused secure key release', () => {
  test('the release policy and the key roles come first, managed HSM roles named as local roles', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'confidential containers SKR sidecar: a refused secure key release prints only 403 Forbidden'));
    expect(finding.summary).toBe('The key vault or managed HSM refused to release key <key-name> (403 Forbidden); the secure key release sidecar printed only the status.');
    expect(finding.causes[0]).toMatch(/^The key's release policy did not accept the container's attestation/);
    expect(finding.causes[1]).toContain('Managed HSM Crypto Officer and Crypto User local roles');
    expect(finding.fixes.map((f) => f.title)).toEqual(["Match the key's release policy to the container's security policy", "Give the sidecar's managed identity the key roles"]);
  });
});

describe('forbidden-without-reason: a managed HSM', () => {
  test('names local RBAC as the gate and assigns a local role with the HSM\'s name, not an Azure RBAC role or an access policy', () => {
    const e = rule.explain({ facts: { vault: 'contoso-hsm', objectName: 'cmk', objectId: '29e1fbed-ab6d-4741-8d3f-48590f5943c0' }, details: { managedHsm: true }, platform: UNKNOWN_PLATFORM });
    expect(e.summary).toBe('Managed HSM contoso-hsm refused the request (403 Forbidden), but the client printed no response body, so the log does not say which gate refused it.');
    expect(e.causes[0]).toMatch(/^The caller has no local role in the HSM for this operation/);
    expect(commandTexts(e)).toEqual([
      'az keyvault key show --hsm-name contoso-hsm --name cmk --debug',
      'az keyvault role assignment list --hsm-name contoso-hsm --assignee 29e1fbed-ab6d-4741-8d3f-48590f5943c0',
      'az keyvault role assignment create --hsm-name contoso-hsm --role "Managed HSM Crypto User" --assignee 29e1fbed-ab6d-4741-8d3f-48590f5943c0 --scope /keys',
      'New-AzKeyVaultRoleAssignment -HsmName contoso-hsm -RoleDefinitionName "Managed HSM Crypto User" -ObjectId 29e1fbed-ab6d-4741-8d3f-48590f5943c0 -Scope /keys',
    ]);
  });

  test('a key vault keeps the access-policy and Azure RBAC advice', () => {
    const e = rule.explain({ facts: { vault: 'kv-app' }, details: {}, platform: UNKNOWN_PLATFORM });
    expect(commandTexts(e)).toContain('az keyvault secret show --vault-name kv-app --name <secret-name> --debug');
  });
});

describe('forbidden-without-reason: a hosting service that names no gate', () => {
  test('App Service AccessToKeyVaultDenied: the reference identity, then the virtual network path', () => {
    const finding = findingOf(rule, fixtureText(fixtures, "App Service portal status AccessToKeyVaultDenied: the app's managed identity and its virtual network"));
    expect(finding.causes.slice(0, 2)).toEqual([
      "A Key Vault reference of the App Service app is resolved with the app's system-assigned managed identity, or with the user-assigned identity whose resource ID is in the app's `keyVaultReferenceIdentity`: that identity lacks Get on secrets.",
      "App Service is not a trusted service for Key Vault references, and the vault should admit the App Service app's virtual network rather than its public outbound addresses (the origin of the secret request can differ): without virtual network integration and a rule or private endpoint for that network, the vault's network rules refuse the app.",
    ]);
    expect(finding.fixes.map((f) => f.title)).toEqual([
      'See the refusal itself',
      "Grant the App Service app's managed identity access to bjhp-keyvault-prod",
      "Reach bjhp-keyvault-prod through the app's virtual network",
    ]);
  });

  test('Databricks INVALID_STATE: the AzureDatabricks application and the trusted-service bypass', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Databricks Key Vault-backed scope: INVALID_STATE names only the vault; the AzureDatabricks application is the caller'));
    expect(finding.causes.slice(0, 2)).toEqual([
      'An Azure Key Vault-backed secret scope reads the vault as the AzureDatabricks first-party application, not as the notebook user or a cluster identity: creating the scope grants that application Get and List through access policies (even on a vault that uses Azure RBAC), and creating it needs Contributor or Owner on the vault.',
      "Azure Databricks is a trusted Microsoft service: it passes the vault's network rules only when the vault lets trusted services through (bypass AzureServices).",
    ]);
    expect(finding.causes.join(' ')).not.toContain('App Service');
  });
});
