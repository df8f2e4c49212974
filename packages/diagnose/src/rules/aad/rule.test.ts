import { diagnose } from '../../diagnose';
import { explain } from '../../explain';
import type { Platform } from '../../report/schema';
import { commandTexts, fixtureText, testRule } from '../../rule-kit/test-rule';
import { checkSync } from 'recheck';
import { AAD_CODES } from './codes';
import { BUILT_PATTERNS } from './extract';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

const ON = (ci: Platform['ci']): Platform => ({ ci, agent: 'unknown' });

describe('aad: explain without a log', () => {
  test('every code is listed as AADSTSnnnn and explained by this family', () => {
    expect(rule.meta.codes.every((c) => /^AADSTS\d{5,7}$/.test(c))).toBe(true);
    expect(new Set(rule.meta.codes).size).toBe(rule.meta.codes.length);
    for (const code of rule.meta.codes) {
      const r = explain(code);
      expect(r.ok && r.value.rule).toBe('aad');
      expect(r.ok && r.value.fixes.length).toBeGreaterThan(0);
    }
  });

  test('the catalog codes of error-catalog.md §3 are all present', () => {
    const catalog = ['50027', '70021', '700213', '7002138', '7002137', '700211', '70025', '700016', '70001', '7000215', '70002', '7000222', '700024', '700223', '700238', '70052', '90002', '53003', '500011', '50034', '700027', '7000216', '7000218', '900144', '900382'];
    expect(catalog.filter((c) => !rule.meta.codes.includes(`AADSTS${c}`))).toEqual([]);
    expect(AAD_CODES.every((c) => c.source.startsWith('https://'))).toBe(true);
  });

  test('explain("AADSTS70021") gives the federated-credential fix with placeholders', () => {
    const r = explain('aadsts70021');
    if (!r.ok) throw new Error('AADSTS70021 is not known');
    expect(r.value.causes[0]).toBe('No federated credential on the app registration (or managed identity) has exactly the issuer, subject and audience the message names.');
    expect(commandTexts(r.value)).toContain(
      'az ad app federated-credential create --id <app-id> --parameters \'{"name":"<credential-name>","issuer":"<issuer>","subject":"<subject>","audiences":["api://AzureADTokenExchange"]}\'',
    );
  });

  test('explain of the rule id alone falls back to the generic advice', () => {
    const r = explain('aad');
    expect(r.ok && r.value.fixes[0]?.title).toBe('Look up the AADSTS code');
  });
});

describe('aad: platform-aware advice', () => {
  const seed = { facts: { aadCode: 'AADSTS50027', httpStatus: 400 }, details: {} };

  test('AADSTS50027 on GitHub Actions asks for id-token: write and nothing GitLab-specific', () => {
    const e = rule.explain({ ...seed, platform: ON('github-actions') });
    expect(e.fixes.map((f) => f.title)).toEqual(['GitHub Actions: let the job request an OIDC token', 'Pass the raw JWT to the login']);
    expect(commandTexts(e)).toEqual(['permissions:\n  id-token: write\n  contents: read']);
  });

  test('AADSTS50027 on GitLab (the seed doc text) asks for GitLab Runner 16.6', () => {
    const e = rule.explain({ ...seed, platform: ON('gitlab') });
    expect(e.fixes[0]?.title).toBe('GitLab: upgrade GitLab Runner to 16.6 or later');
    expect(commandTexts(e)).toEqual(['gitlab-runner --version', expect.stringContaining("      aud: 'https://gitlab.com'")]);
  });

  test('a log that lost its CI banner still gets GitHub advice from ACTIONS_ID_TOKEN_REQUEST_URL', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'azure/login v1 without id-token: write permission')).findings;
    expect(finding?.causes[0]).toBe('GitHub Actions: a job without `permissions: id-token: write` has no ACTIONS_ID_TOKEN_REQUEST_URL, so it has no token to send.');
    expect(finding?.fixes.map((f) => f.title)).toEqual(['GitHub Actions: let the job request an OIDC token', 'Pass the raw JWT to the login']);
  });

  test('AADSTS700213 on GitLab with a known subject uses the GitLab issuer and audience', () => {
    const e = rule.explain({
      facts: { aadCode: 'AADSTS700213', appId: '11111111-2222-3333-4444-555555555555' },
      details: { message: 'subject: project_path:mygroup/myproject:ref_type:branch:ref:main' },
      platform: ON('unknown'),
    });
    expect(commandTexts(e)).toContain(
      'az ad app federated-credential create --id 11111111-2222-3333-4444-555555555555 --parameters \'{"name":"project_path-mygroup-myproject-ref_type-branch-ref-main","issuer":"https://gitlab.com","subject":"project_path:mygroup/myproject:ref_type:branch:ref:main","audiences":["https://gitlab.com"]}\'',
    );
  });

  test('AADSTS700213 on Azure DevOps puts the service-connection rewrite first and uses the Entra issuer', () => {
    const e = rule.explain({ facts: { aadCode: 'AADSTS700213', tenantId: 'aaaabbbb-0000-cccc-1111-dddd2222eeee' }, details: {}, platform: ON('azure-devops') });
    expect(e.fixes[0]?.title).toBe('Azure DevOps: let the service connection rewrite its credential');
    expect(commandTexts(e)).toContain(
      'az ad app federated-credential create --id <app-id> --parameters \'{"name":"<credential-name>","issuer":"https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/v2.0","subject":"<subject>","audiences":["api://AzureADTokenExchange"]}\'',
    );
    expect(e.fixes[1]?.steps).toContain("Azure DevOps subjects: `sc://<organization>/<project>/<service-connection>`; the service connection's edit dialog shows the exact issuer and subject.");
  });

  test('AADSTS7000215 from AzureCLI@2 rotates the secret and offers the conversion, not GitHub OIDC', () => {
    const report = diagnose(fixtureText(fixtures, 'AzureCLI@2 task log, the error and its ##vso re-issue'));
    expect(report.platform.ci).toBe('azure-devops');
    const [finding] = report.findings;
    expect(finding?.fixes.map((f) => f.title)).toEqual(['Create a new client secret and store its value', 'Azure DevOps: convert the service connection to workload identity federation']);
    expect(finding?.evidence[0]?.text).toMatch(/^Script failed with error: ERROR: AADSTS7000215: Invalid client secret provided\./);
  });

  test('AADSTS65001 for the Azure CLI client pre-authorizes the CLI instead of admin-consent on it', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'az account get-access-token for a custom resource, Azure CLI not consented')).findings;
    expect(finding?.fixes[0]?.title).toBe('Pre-authorize the Azure CLI on the API, or sign in as a service principal');
    expect(finding ? commandTexts(finding) : ['missing']).toEqual([]);
  });
});

describe('aad: summaries and specifics', () => {
  test('the summary names the app, tenant, code and the subject that did not match', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'azure/login v2 with echoed client-id and tenant-id, case mismatch on main')).findings;
    expect(finding?.summary).toBe(
      "Microsoft Entra ID refused to issue a token to app bcd1a9a1-fe12-4321-8474-ad0a420a19c8 in tenant 2a585d57-a5a8-4688-a60c-9796389eae7a (AADSTS7002138: Subject matches only with case-insensitive comparison), so Key Vault was never called: the federated credential's subject differs from 'repo:kartAI/doppa-data:ref:refs/heads/main' only in letter case.",
    );
  });

  test('an expired OIDC token says how late it was presented', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'GitHub Actions job deleting an AKS cluster 55 minutes after login')).findings;
    expect(finding?.summary).toMatch(/the federated token had expired when it was used \(presented 50 min after it expired at 2025-09-03T17:09:47\.0000000Z\)\.$/);
  });

  test('the legacy AADSTS70002 wrapper is read by its inner AADSTS50012', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'Pre-2019 wrapper AADSTS70002 around AADSTS50012 (Azure DevOps extension)')).findings;
    expect(finding?.details.message).toBe('inner: Error validating credentials. AADSTS50012: Invalid client secret is provided.');
    expect(finding?.fixes[0]?.title).toBe('Create a new client secret and store its value');
  });

  test('AADSTS500011 for the private-link host is a token for the wrong resource, not a DNS failure', () => {
    const text =
      'Error parsing Seal configuration: error fetching Azure Key Vault wrapper key information: azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token for request to https://azkeyvault.privatelink.vaultcore.azure.net/keys/vault-unseal-key/?api-version=7.0: StatusCode=400 – Original Error: adal: Refresh request failed. Status Code = ‘400’. Response body: {“error”:“invalid_resource”,“error_description”:“AADSTS500011: The resource principal named https://privatelink.vaultcore.azure.net/ was not found in the tenant named xxx. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.\\r\\nTrace ID: 966a87d0-339c-436b-b146-3ea603221400\\r\\nCorrelation ID: 33b87d14-d409-4978-9768-a430997abcaf\\r\\nTimestamp: 2022-10-14 17:47:48Z”,“error_codes”:[500011],“timestamp”:“2022-10-14 17:47:48Z”,“trace_id”:“966a87d0-339c-436b-b146-3ea603221400”,“correlation_id”:“33b87d14-d409-4978-9768-a430997abcaf”,“error_uri”:“https://login.microsoftonline.com/error?code=500011”} Endp';
    // Source: https://github.com/hashicorp/vault-helm/issues/801
    const findings = diagnose(text).findings;
    expect(findings.map((f) => f.rule)).toEqual(['aad']);
    const [finding] = findings;
    expect(finding?.facts).toMatchObject({ aadCode: 'AADSTS500011', vault: 'azkeyvault', correlationId: '33b87d14-d409-4978-9768-a430997abcaf', timestamp: '2022-10-14 17:47:48Z' });
    expect(finding?.details.resource).toBe('https://privatelink.vaultcore.azure.net/');
    expect(finding?.summary).toBe(
      "Microsoft Entra ID refused to issue a token to the pipeline's identity (AADSTS500011: InvalidResourceServicePrincipalNotFound), so Key Vault was never called: the token was requested for the private-link name 'https://privatelink.vaultcore.azure.net/', which is no resource: Key Vault tokens are for https://vault.azure.net.",
    );
    expect(finding?.causes[0]).toMatch(/^The token was requested for the private-link name/);
    expect(finding?.fixes.map((f) => f.title)).toEqual(['Request the token for https://vault.azure.net, not for the private-link name']);
    expect(finding ? commandTexts(finding) : []).toEqual(['az account get-access-token --resource https://vault.azure.net --output none']);
  });
});

describe('aad: run-time built patterns cannot backtrack catastrophically', () => {
  test.each([...BUILT_PATTERNS].map((re) => [re.source.slice(0, 60), re] as const))('%s', (_, re) => {
    expect(checkSync(re.source, re.flags, { checker: 'automaton', timeout: 5000 }).status).toBe('safe');
  });
});

describe('aad: on the AKS CSI driver (workload identity)', () => {
  test('the SecretProviderClass identity comes first, and no cause or fix names a CI', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'CSI driver pod event: AADSTS70021 for the service account subject; the credential is for the AKS issuer')).findings;
    expect(finding?.summary).toMatch(/^Microsoft Entra ID refused to issue a token to the workload identity the CSI driver uses in tenant d95095be-6338-44be-89cb-12753aa161e4 \(AADSTS70021/);
    expect(finding?.causes[0]).toBe(
      "The Secrets Store CSI driver's Azure provider calls the vault as the identity its SecretProviderClass names, not as your application: with workload identity, the identity whose client ID is in `clientID` (federated with the pod's service account); with `useVMManagedIdentity: \"true\"`, the node identity whose client ID is in `userAssignedIdentityID` (the add-on's azurekeyvaultsecretsprovider identity or the kubelet identity).",
    );
    expect(JSON.stringify([finding?.causes, finding?.fixes])).not.toMatch(/GitHub|GitLab|Azure DevOps/);
  });
});
