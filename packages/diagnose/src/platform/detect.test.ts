import { PlatformDetector } from './detect';

function detect(text: string): ReturnType<PlatformDetector['result']> {
  const d = new PlatformDetector();
  d.feed(text);
  return d.result();
}

describe('PlatformDetector', () => {
  test.each([
    ["Agent name: 'Azure Pipelines 3'\nAgent machine name: 'fv-az123-456'", { ci: 'azure-devops', agent: 'microsoft-hosted' }],
    ["Agent name: 'build-agent-01'\n##[section]Starting: Build", { ci: 'azure-devops', agent: 'self-hosted' }],
    ['##[error]Script failed with error: Error: The process \'/usr/bin/az\' failed with exit code 1', { ci: 'azure-devops', agent: 'unknown' }],
    ["Current runner version: '2.317.0'\nRunner name: 'GitHub Actions 12'", { ci: 'github-actions', agent: 'github-hosted' }],
    ["Current runner version: '2.317.0'\nRunner name: 'my-runner'", { ci: 'github-actions', agent: 'self-hosted' }],
    ['Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable', { ci: 'github-actions', agent: 'unknown' }],
    ['Running with gitlab-runner 16.5.0 (853330f9)\n  on blue-4.saas-linux-small-amd64.runners-manager.gitlab.com/default J2nyww-s', { ci: 'gitlab', agent: 'gitlab-hosted' }],
    ['Running with gitlab-runner 16.5.0 (853330f9)\nUsing Shell executor...\nRunning on build-box...', { ci: 'gitlab', agent: 'self-hosted' }],
    ['plain text with no runner banner', { ci: 'unknown', agent: 'unknown' }],
  ])('%s', (text, expected) => {
    expect(detect(text)).toEqual({ ...expected, host: 'unknown' });
  });
});

// Real texts, each from the page cited beside it (also in test/corpus/platforms.jsonl).
describe('PlatformDetector: where the caller runs', () => {
  test.each([
    [
      // https://learn.microsoft.com/en-us/troubleshoot/azure/azure-kubernetes/extensions/troubleshoot-key-vault-csi-secrets-store-csi-driver
      'aks-csi-driver',
      'MountVolume.SetUp failed for volume "<volume>" :  \n  rpc error:  \n    code = Unknown desc = failed to mount secrets store objects for pod <namespace>/<pod>,  ',
    ],
    [
      // https://github.com/MicrosoftDocs/azure-docs/issues/106441 (workload identity through the CSI driver)
      'aks-csi-driver',
      '  Warning  FailedMount  15s  kubelet  MountVolume.SetUp failed for volume "secrets-store01-inline" : rpc error: code = Unknown desc = failed to mount secrets store objects for pod default/busybox-secrets-store-inline-user-msi, err: rpc error: code = Unknown desc = failed to mount objects',
    ],
    [
      // https://github.com/ToolDoBox/BigJobHunterPro/blob/1f72bc3949ccb5919e8e914cd783dbc775a65cf4/Meta/Sprints/Sprint-4/Azure-Detailed.md (portal status)
      'app-service',
      "Status\nAccessToKeyVaultDenied\nError details\nKey Vault reference was not able to be resolved because site was denied access to Key Vault reference's vault.",
    ],
    [
      // https://github.com/Azure/Azure-Functions/issues/1291
      'functions',
      "I have a Key Vault that is behind a vnet in West Europe, and a Windows _Consumption_-based .NET Azure Functions App - I added the Function App's MSI to the Key Vault",
    ],
    [
      // https://github.com/microsoft/MCW-Azure-Synapse-Analytics-and-AI/issues/97
      'data-factory',
      'Failed to get the secret from key vault, secretName: SQL-USER-ASA, secretVersion: , vaultBaseUrl: https://asakeyvaultct1974.vault.azure.net/.',
    ],
    [
      // https://github.com/microsoft/SynapseML/issues/1923
      'synapse',
      "Have installed Synapse ML(Used the code given for Spark 3.2 pool) and updated the code in the notebook to point to the Azure OpenAI service and deployment name.",
    ],
    [
      // https://github.com/databricks/cli/issues/1338
      'databricks',
      "Error: Unable to grant read/list permission to Databricks service principal to KeyVault '[https://<keyvaultname>.vault.azure.net/]': Unknown error with status code 403",
    ],
  ])('%s', (host, text) => {
    expect(detect(text).host).toBe(host);
  });

  test('an App Service reference later shown to be a function app is a function app; the first other host sign wins', () => {
    const d = new PlatformDetector();
    d.feed('Status\nAccessToKeyVaultDenied');
    expect(d.result().host).toBe('app-service');
    d.feed("I added the Function App's MSI to the Key Vault");
    expect(d.result().host).toBe('functions');
    d.feed('Databricks');
    expect(d.result().host).toBe('functions');
  });

  test('a CI log that names no hosting service keeps host unknown', () => {
    expect(detect("Current runner version: '2.317.0'\nRun azure/login@v2").host).toBe('unknown');
  });
});
