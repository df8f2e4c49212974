import { ownerOf, serialiseServiceTags, deserialiseServiceTags, ServiceTagIndex } from '@kvdoctor/diagnose';
import { liveCheck } from './check';
import { SignedOutCredential } from './arm/testing/test-credential';
import { refreshServiceTags, type RefreshServiceTagsOptions } from './refresh-service-tags';
import { OTHER_SUB, SUB, TENANT, vaultBody, vaultId } from './testing/arm-bodies';
import { TEXTS } from './testing/e2e-texts';
import { findingIn } from './testing/finding';
import { authorizationFailed, closedPort, throttled } from './testing/arm-server';
import { type Harness, startHarness } from './testing/harness';
import { serviceTagsBody } from './testing/service-tags-body';

const ROUTE = `/subscriptions/${SUB}/providers/Microsoft.Network/locations/canadacentral/serviceTags`;
const WHAT = `reading service tags (subscription ${SUB}, location canadacentral)`;

describe('refreshServiceTags', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({
      vaults: { [SUB]: [vaultBody({ name: 'aci-kv', rg: 'rg-tf', location: 'westus2', networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: ['52.228.82.0/24'] } })] },
      serviceTags: { [SUB]: serviceTagsBody(SUB) },
    });
  });
  afterEach(async () => h.server.close());

  const options = (rest: Partial<RefreshServiceTagsOptions> = {}): RefreshServiceTagsOptions => ({
    credential: h.credential,
    subscriptionId: SUB,
    location: 'canadacentral',
    allowed: { tenants: [TENANT], subscriptions: [SUB, OTHER_SUB] },
    endpoint: h.server.endpoint,
    ca: h.ca,
    timeoutMs: 5_000,
    ...rest,
  });

  it('reads ARM once and compiles an index that names a known address\'s tag and region', async () => {
    const before = new Date().toISOString().slice(0, 10);
    const result = await refreshServiceTags(options({ location: 'CanadaCentral' }));
    const after = new Date().toISOString().slice(0, 10);
    if (result.kind !== 'ok') throw new Error(`expected ok, got ${result.kind}: ${result.message}`);
    const tags = result.serviceTags;
    expect(h.server.requests.map((r) => [r.method, r.path, r.query.get('api-version') !== null, r.authorization])).toEqual([['GET', ROUTE, true, 'Bearer kvdoctor-test-token']]);
    expect(h.credential.scopes).toEqual([`${h.server.endpoint}/.default`]);
    expect([before, after]).toContain(tags.asOf);
    expect({ changeNumber: tags.changeNumber, cloud: tags.cloud, source: tags.source }).toEqual({
      changeNumber: 305,
      cloud: 'Public',
      source: `Azure Resource Manager service tags (${h.server.endpoint}, location canadacentral, changeNumber 305)`,
    });
    expect(tags.tags).toEqual([
      { name: 'AzureCloud.canadacentral', region: 'canadacentral', systemService: '', ipv4Prefixes: 6, ipv6Prefixes: 1 },
      { name: 'AzureCloud.westus', region: 'westus', systemService: '', ipv4Prefixes: 3, ipv6Prefixes: 0 },
      { name: 'AzureDevOps', region: '', systemService: 'AzureDevOps', ipv4Prefixes: 6, ipv6Prefixes: 0 },
      { name: 'AzureDevOps.CanadaCentral', region: 'canadacentral', systemService: 'AzureDevOps', ipv4Prefixes: 1, ipv6Prefixes: 0 },
      { name: 'AzureKeyVault.CanadaCentral', region: 'canadacentral', systemService: 'AzureKeyVault', ipv4Prefixes: 2, ipv6Prefixes: 1 },
    ]);
    const index = ServiceTagIndex.of(tags);
    // A hosted agent's address in Canada Central, the seed's own address, and the most specific tag winning.
    expect(ownerOf('20.151.100.7', index)).toEqual({ kind: 'azure', region: 'canadacentral', serviceTag: 'AzureCloud.canadacentral', range: '20.151.0.0/16', source: tags.source, asOf: tags.asOf });
    expect(index.lookup('40.82.190.38')).toMatchObject({ tag: { name: 'AzureCloud.canadacentral' }, range: '40.82.160.0/19', region: 'canadacentral' });
    expect(index.lookup('20.48.197.106')).toMatchObject({ tag: { name: 'AzureKeyVault.CanadaCentral' }, range: '20.48.197.104/29', region: 'canadacentral' });
    expect(index.lookup('52.228.82.17')).toMatchObject({ tag: { name: 'AzureDevOps.CanadaCentral' }, range: '52.228.82.0/24', region: 'canadacentral' });
    expect(index.lookup('20.39.13.5')).toMatchObject({ tag: { name: 'AzureDevOps' }, range: '20.39.13.0/26', region: '' });
    expect(index.lookup('20.48.208.1')).toBeUndefined();
    // The CLI writes it to the cache the library loads.
    const again = deserialiseServiceTags(JSON.parse(JSON.stringify(serialiseServiceTags(tags))));
    expect(again.ok && ServiceTagIndex.of(again.value).lookup('20.151.100.7')?.tag.name).toBe('AzureCloud.canadacentral');
  });

  it('refreshed tags feed the live check: a GitHub-hosted runner in West US is named, and the answer is not an allow list', async () => {
    const refreshed = await refreshServiceTags(options());
    if (refreshed.kind !== 'ok') throw new Error(`expected ok, got ${refreshed.kind}`);
    const finding = findingIn(TEXTS.firewallGithubRunner.text, 'firewall');
    // Diagnosed without service tags, the address has no known owner; the live check's tags name it.
    expect(finding.facts.clientIpOwner).toEqual({ kind: 'unknown' });
    const result = await liveCheck({
      finding,
      vaultName: 'aci-kv',
      credential: h.credential,
      allowed: { tenants: [TENANT], subscriptions: [SUB] },
      endpoint: h.server.endpoint,
      ca: h.ca,
      timeoutMs: 5_000,
      serviceTags: ServiceTagIndex.of(refreshed.serviceTags),
    });
    expect(result.verdicts.find((v) => v.check === 'firewall')).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: `defaultAction Deny, bypass AzureServices, 13.83.40.213 matches no ipRule (1 rule); 13.83.40.213 is in Azure West US (AzureCloud.westus, range 13.83.0.0/16, service tags of ${refreshed.serviceTags.asOf}): a caller inside Azure, most likely a Microsoft-hosted agent or GitHub-hosted runner, whose address changes from run to run → AzureCloud.westus has 3 IPv4 prefixes, the United States geography 3, against 999 IPv4 rules left (of 1000): they would fit, but admit every Azure customer there and change weekly; use a self-hosted agent in a virtual network with a private endpoint to aci-kv (or add and remove the agent's address inside each run)`,
      command: {
        tool: 'az',
        text: `az network private-endpoint create --resource-group <vnet-resource-group> --name <private-endpoint-name> --vnet-name <vnet-name> --subnet <subnet-name> --private-connection-resource-id ${vaultId('aci-kv', 'rg-tf')} --group-id vault --connection-name <connection-name>`,
      },
    });
  });

  it('a subscription off the allow-list → not-allowed, with no request and no token', async () => {
    const result = await refreshServiceTags(options({ subscriptionId: '99999999-9999-4999-8999-999999999999' }));
    expect(result).toEqual({ kind: 'not-allowed', message: 'subscription "99999999-9999-4999-8999-999999999999" is not on the allow-list' });
    expect(await refreshServiceTags(options({ allowed: { subscriptions: [] } }))).toEqual({ kind: 'not-allowed', message: `subscription "${SUB}" is not on the allow-list` });
    expect(await refreshServiceTags(options({ allowed: { subscriptions: ['everything'] } }))).toEqual({ kind: 'not-allowed', message: 'the allow-list must name subscriptions by their GUIDs' });
    expect(h.server.requests).toHaveLength(0);
    expect(h.credential.scopes).toHaveLength(0);
  });

  it('refuses a location that is not a region name, and a non-https endpoint, before any request', async () => {
    expect(await refreshServiceTags(options({ location: '../../providers' }))).toEqual({ kind: 'not-supported', message: '"../../providers" is not an Azure region name such as canadacentral' });
    expect(await refreshServiceTags(options({ endpoint: 'http://127.0.0.1:1' }))).toEqual({ kind: 'not-supported', message: 'the ARM endpoint must be an https URL' });
    expect(h.server.requests).toHaveLength(0);
  });

  it('403 → forbidden, naming the action ARM denied and the role that grants it', async () => {
    h.server.override = () => authorizationFailed('Microsoft.Network/locations/serviceTags/read', `/subscriptions/${SUB}`);
    expect(await refreshServiceTags(options())).toEqual({
      kind: 'forbidden',
      message: `${WHAT}: forbidden (403 AuthorizationFailed): no permission for Microsoft.Network/locations/serviceTags/read over /subscriptions/${SUB}`,
      needs: `Reader on subscription ${SUB} (Microsoft.Network/locations/serviceTags/read)`,
    });
  });

  it('429 with Retry-After → throttled with the seconds to wait, after one request (no retries by default)', async () => {
    h.server.override = () => throttled(37);
    expect(await refreshServiceTags(options())).toEqual({
      kind: 'throttled',
      message: `${WHAT}: ARM is throttling this identity (429 SubscriptionRequestsThrottled); retry after 37 s`,
      retryAfterSeconds: 37,
    });
    expect(h.server.requests).toHaveLength(1);
  });

  it('a slow answer → timeout at the deadline', async () => {
    h.server.override = () => ({ status: 200, body: serviceTagsBody(SUB), delayMs: 3_000 });
    expect(await refreshServiceTags(options({ timeoutMs: 300 }))).toEqual({ kind: 'timeout', message: `${WHAT}: no answer within the 300 ms deadline`, afterMs: 300 });
  });

  it('connection refused → network-error', async () => {
    const endpoint = await closedPort();
    expect(await refreshServiceTags(options({ endpoint }))).toEqual({ kind: 'network-error', message: `${WHAT}: could not reach ARM (ECONNREFUSED)`, code: 'ECONNREFUSED' });
  });

  it('no credential, or one with nothing to offer → no-credentials', async () => {
    expect(await refreshServiceTags(options({ credential: undefined }))).toEqual({
      kind: 'no-credentials',
      message: 'no Azure credential was given: sign in (az login) or configure a managed identity',
    });
    expect(h.server.requests).toHaveLength(0);
    expect(await refreshServiceTags(options({ credential: new SignedOutCredential() }))).toEqual({
      kind: 'no-credentials',
      message: `${WHAT}: no usable Azure credential (CredentialUnavailableError: AzureCliCredential: Please run az login to set up an account)`,
    });
  });

  it('an empty answer, a partial one (nextLink) or a bad prefix → not-supported, never a half index', async () => {
    h.server.override = () => ({ status: 200, body: { nextLink: '' } });
    expect(await refreshServiceTags(options())).toEqual({
      kind: 'not-supported',
      message: 'ARM answered with no service tags at all; try again later, or import a downloaded ServiceTags_Public.json instead',
    });
    const next = `${h.server.endpoint}${ROUTE}?api-version=2024-05-01&$skipToken=5`;
    h.server.override = () => ({ status: 200, body: serviceTagsBody(SUB, { nextLink: next }) });
    expect(await refreshServiceTags(options())).toEqual({
      kind: 'not-supported',
      message: 'ARM returned only the first 5 service tags (the answer has a nextLink, which this version does not follow); import a downloaded ServiceTags_Public.json instead',
    });
    const bad = serviceTagsBody(SUB);
    h.server.override = () => ({ status: 200, body: { ...bad, values: [{ name: 'AzureCloud.canadacentral', id: 'AzureCloud.canadacentral', properties: { region: 'canadacentral', systemService: '', addressPrefixes: ['40.82.190.38/19'] } }] } });
    expect(await refreshServiceTags(options())).toEqual({
      kind: 'not-supported',
      message: 'ARM returned service tags this version cannot compile: values[0] (AzureCloud.canadacentral).properties.addressPrefixes[0]: "40.82.190.38/19" has host bits set: the network is 40.82.160.0/19',
    });
  });
});
