import { UNKNOWN_PLATFORM } from '../../platform/detect';
import { findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import { formatNote } from './note';
import rule from './rule';

testRule(rule, fixtures);

describe('unauthorized-token: advice per AKV code', () => {
  test('AKV10032 names both tenants: the caller in facts, the vault in the summary', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Synapse notebook: AKV10032 with the vault tenant and the caller tenant'));
    expect(finding.summary).toBe(
      "The key vault belongs to tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 but the token was issued by tenant a6ca95a9-7d2f-4ecb-b715-381d58ca2dbd (AKV10032 invalid issuer): sign in to the vault's tenant.",
    );
    expect(finding.fixes[0]?.title).toBe("Get the token from the vault's tenant 72f988bf-86f1-41af-91ab-2d7cd011db47");
  });

  test('a raised AKV10000 followed by a 200 response is kept, at low confidence, as the challenge leg', () => {
    // The Python SDK body (azure-sdk-for-python#24557), then a 200 status line as azurerm's debug log prints it (terraform-provider-azurerm#13142).
    const body = fixtureText(fixtures, 'Python SecretClient: AKV10000 body');
    const finding = findingOf(rule, `${body}\nHTTP/2.0 200 OK`);
    expect(finding.confidence).toBe('low');
    expect(finding.summary).toBe(
      "The key vault answered 401 AKV10000 to a request without a token; this looks like the SDK's first, unauthenticated request, which is normal when the next one succeeds.",
    );
    expect(finding.causes[0]).toMatch(/^Azure SDKs send their first request to a vault without a token on purpose/);
  });

  test('a raised AKV10000 keeps high confidence and puts the missing token first', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Get-AzKeyVaultSecret after Connect-AzAccount -AccessToken (AKV10000)'));
    expect(finding.confidence).toBe('high');
    expect(finding.causes[0]).toMatch(/^Az PowerShell was signed in with Connect-AzAccount -AccessToken but without -KeyVaultAccessToken/);
    expect(finding.causes[finding.causes.length - 1]).toMatch(/^Azure SDKs send their first request/);
  });

  test('AKV10022 explains an ARM token and asks for the expected sovereign resource', () => {
    const arm = findingOf(rule, fixtureText(fixtures, 'Crossplane reuses its ARM token for a Key Vault secret (AKV10022)'));
    expect(arm.causes[0]).toBe('The token was issued for Azure Resource Manager (the control plane): a tool reused its ARM token for the Key Vault data plane.');
    const gov = rule.explain({
      facts: { innerErrorCode: 'AKV10022' },
      details: { message: formatNote({ audience: 'https://management.usgovcloudapi.net/', expected: 'https://vault.usgovcloudapi.net' }) },
      platform: UNKNOWN_PLATFORM,
    });
    expect(gov.fixes[0]?.commands.map((c) => c.text)).toEqual([
      'az account get-access-token --resource https://vault.usgovcloudapi.net --query accessToken -o tsv',
      'Get-AzAccessToken -ResourceUrl https://vault.usgovcloudapi.net',
      'curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.usgovcloudapi.net"',
    ]);
  });

  test('on GitHub Actions the tenant fix includes the azure/login step', () => {
    const e = rule.explain({
      facts: { innerErrorCode: 'AKV10032', tenantId: 'a6ca95a9-7d2f-4ecb-b715-381d58ca2dbd' },
      details: { message: formatNote({ vaultTenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' }) },
      platform: { ci: 'github-actions', agent: 'github-hosted' },
    });
    const step = e.fixes[0]?.commands.find((c) => c.tool === 'github-actions');
    expect(step?.text).toBe(
      '- uses: azure/login@v2\n  with:\n    client-id: ${{ secrets.AZURE_CLIENT_ID }}\n    tenant-id: 72f988bf-86f1-41af-91ab-2d7cd011db47\n    subscription-id: ${{ secrets.AZURE_SUBSCRIPTION_ID }}',
    );
  });

  test('AKV10046 advises a retry, not a permission change', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'Terraform reading certificate contacts: AKV10046 signing key'));
    expect(finding.summary).toBe('The key vault could not resolve the key that signed the token (AKV10046); this is usually transient on the service side.');
    expect(finding.fixes.map((f) => f.title)).toEqual(['Retry with a fresh token']);
  });

  test('without a sub-code (kvdoctor explain) every 401 reason is listed', () => {
    const e = rule.explain({ facts: {}, details: {}, platform: UNKNOWN_PLATFORM });
    expect(e.summary).toBe("The key vault rejected the request's access token (401 Unauthorized, AKV100xx).");
    expect(e.causes.map((c) => c.slice(0, 9))).toEqual(['AKV10000:', 'AKV10032:', 'AKV10022:', 'AKV10046:']);
    expect(e.fixes.map((f) => f.title)).toEqual([
      'Send a Key Vault token with the request',
      "Get the token from the vault's tenant <vault-tenant-id>",
      'Request the token for https://vault.azure.net',
      'Retry with a fresh token',
    ]);
  });
});

describe('unauthorized-token: a managed HSM', () => {
  test('asks for a token for the managed HSM resource, not the key vault one', () => {
    const e = rule.explain({ facts: {}, details: { managedHsm: true }, platform: UNKNOWN_PLATFORM });
    const commands = e.fixes.flatMap((f) => f.commands.map((c) => c.text));
    expect(commands).toContain('az account get-access-token --resource https://managedhsm.azure.net --query accessToken -o tsv');
    expect(commands).not.toContain('az account get-access-token --resource https://vault.azure.net --query accessToken -o tsv');
  });
});
