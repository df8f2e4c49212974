import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlatformDetector } from './detect';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'test', 'corpus');

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

// Real texts: whole snippets of the labelled corpus (test/corpus), each cited there.
const corpus = new Map(
  readdirSync(CORPUS)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(CORPUS, f), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .map((e) => [e.id, e.text]),
);

describe('PlatformDetector: where the caller runs', () => {
  test.each([
    ['aks-csi-driver', 'pna-aks-csi-private-endpoint-other-vnet-ms-troubleshoot'],
    ['aks-csi-driver', 'aad-aks-csi-workload-identity-70021-docs-106441'],
    // The provider's own words, without kubelet's prefix.
    ['aks-csi-driver', 'fw-aks-csi-unknown-subnet-arana'],
    ['app-service', 'fwr-appservice-kvref-portal-accesstokeyvaultdenied-bjhp'],
    ['app-service', 'mim-appservice-kvref-portal-msinotenabled-bjhp'],
    ['functions', 'fw-functions-kvref-accesstokeyvaultdenied-vnet-1291'],
    ['data-factory', 'nf-adf-linkedservice-mcw-synapse-97'],
    ['data-factory', 'fw-adf-web-activity-jbswiki'],
    // A Synapse pipeline runs Data Factory's copy engine and says so only through it.
    ['data-factory', 'ap-synapse-pipeline-akvaccessdenied-engagement-34'],
    ['synapse', 'tok-akv10032-synapse-notebook-bold-1923'],
    ['databricks', 'neg-databricks-scope-policy-403-cli-1338'],
    ['databricks', 'fwr-databricks-kv-scope-invalid-state-98803'],
    // The same driver with another provider (GCP, the Vault provider's namespace) is not the AKS one.
    ['unknown', 'neg-csi-gcp-provider-not-found-165'],
    ['unknown', 'neg-csi-driver-serviceaccount-token-openshift-96694'],
    // No hosting service named: a node's nslookup, a CI log.
    ['unknown', 'neg-aks-csi-nslookup-public-ms-troubleshoot'],
    ['unknown', 'aad-501661-gitlab-docs'],
  ])('%s: %s', (host, id) => {
    const text = corpus.get(id);
    if (text === undefined) throw new Error(`no corpus snippet ${id}`);
    expect(detect(text).host).toBe(host);
  });

  const text = (id: string): string => corpus.get(id) ?? '';

  test("the driver's sign and Azure's may come in different pieces of one log", () => {
    const d = new PlatformDetector();
    d.feed(text('neg-csi-gcp-provider-not-found-165'));
    expect(d.result().host).toBe('unknown');
    d.feed(text('neg-aks-csi-nc-timeout-ms-troubleshoot'));
    expect(d.result().host).toBe('aks-csi-driver');
  });

  test('an App Service reference later shown to be a function app is a function app; the first other host sign wins', () => {
    const d = new PlatformDetector();
    d.feed(text('fwr-appservice-kvref-portal-accesstokeyvaultdenied-bjhp'));
    expect(d.result().host).toBe('app-service');
    d.feed(text('fw-functions-kvref-accesstokeyvaultdenied-vnet-1291'));
    expect(d.result().host).toBe('functions');
    d.feed(text('neg-databricks-scope-policy-403-cli-1338'));
    expect(d.result().host).toBe('functions');
  });

  test('a GitHub Actions step that names no hosting service keeps host unknown', () => {
    expect(detect(text('neg-aws-sm-gha-101')).host).toBe('unknown');
  });
});
