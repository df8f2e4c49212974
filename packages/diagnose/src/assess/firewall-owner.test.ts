import SNAPSHOT from '@kvdoctor/azure-ranges/snapshot.json';
import { ServiceTagIndex } from '../network/service-tag-index';
import { compileServiceTags } from '../network/service-tags';
import type { Facts } from '../report/schema';
import { assess } from './assess';
import { type AssessOptions, assessContext } from './context';
import { findingOf, modelOf, seedFinding } from './fixtures';
import { firewallCheck } from './network-checks';

// A few tags in ServiceTags_Public.json's shape, with prefixes Microsoft published for them (2024-05-06).
const TAGS = {
  changeNumber: 305,
  cloud: 'Public',
  values: [
    { name: 'AzureCloud.canadacentral', properties: { region: 'canadacentral', systemService: '', addressPrefixes: ['20.48.192.0/20', '20.151.0.0/16', '40.82.160.0/19'] } },
    { name: 'AzureCloud.eastus', properties: { region: 'eastus', systemService: '', addressPrefixes: ['20.42.0.0/17'] } },
    { name: 'AzureDevOps', properties: { region: '', systemService: 'AzureDevOps', addressPrefixes: ['20.39.13.0/26'] } },
    { name: 'AzureKeyVault.CanadaCentral', properties: { region: 'canadacentral', systemService: 'AzureKeyVault', addressPrefixes: ['20.48.197.104/29'] } },
  ],
};

function smallIndex(): ServiceTagIndex {
  return ServiceTagIndex.lazy(() => compileServiceTags(TAGS, { asOf: '2024-05-06', source: 'test' }));
}

const RG_VAULT = '--resource-group rg-x --name hypervmigratio98a5kv';
const add = (...rules: string[]): string => rules.map((r) => `az keyvault network-rule add ${RG_VAULT} --ip-address ${r}`).join('\n');
const ENDPOINT =
  'az network private-endpoint create --resource-group <vnet-resource-group> --name <private-endpoint-name> --vnet-name <vnet-name> --subnet <subnet-name> --private-connection-resource-id /subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv --group-id vault --connection-name <connection-name>';
const HOSTED_TAIL = 'use a self-hosted agent in a virtual network with a private endpoint to hypervmigratio98a5kv (or add and remove the agent\'s address inside each run)';

function firewall(facts: Facts, ipRules: string[] = [], options: AssessOptions = {}) {
  const model = modelOf({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules, virtualNetworkRules: [] } });
  return firewallCheck(assessContext(findingOf('firewall', { innerErrorCode: 'ForbiddenByFirewall', ...facts }), model, options));
}

describe('firewall verdict by owner: Azure DevOps', () => {
  it('seed 40.82.190.38 on a vault with no rules → Azure DevOps Canada: its inbound range and the address itself', () => {
    const model = modelOf({ networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] } });
    const finding = seedFinding();
    expect(finding.facts.clientIpOwner).toMatchObject({ kind: 'azure-devops', geography: 'Canada' });
    expect(firewallCheck(assessContext(finding, model))).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence:
        'defaultAction Deny, bypass AzureServices, 40.82.190.38 matches no ipRule (0 rules); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 52.228.82.0/24, 40.82.190.38',
      command: { tool: 'az', text: add('52.228.82.0/24', '40.82.190.38') },
    });
  });

  it('an address of today\'s list, with no owner in the facts, is looked up and needs only its range', () => {
    expect(firewall({ clientIp: '52.228.82.17' })).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence:
        'defaultAction Deny, bypass AzureServices, 52.228.82.17 matches no ipRule (0 rules); 52.228.82.17 is Azure DevOps Canada (Azure DevOps inbound connections: Inbound, Central Canada, 52.228.82.0/24, published 2024-06-19): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada: add 52.228.82.0/24',
      command: { tool: 'az', text: add('52.228.82.0/24') },
    });
  });

  it('the United States means every US range, less the ones the vault already holds', () => {
    const verdict = firewall({ clientIp: '20.42.5.9' }, ['20.41.6.0/23', '40.74.28.0/23']);
    expect(verdict.evidence).toBe(
      'defaultAction Deny, bypass AzureServices, 20.42.5.9 matches no ipRule (2 rules); 20.42.5.9 is Azure DevOps United States (Azure DevOps inbound connections: Inbound, East United States, 20.42.5.0/24, published 2024-06-19): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps United States (all US regions: the service may call from any): add 20.37.158.0/23, 52.150.138.0/24, 20.42.5.0/24, 40.80.187.0/24, 40.119.10.0/24, 40.82.252.0/24, 20.42.134.0/23; 20.41.6.0/23 is already allowed',
    );
    expect(verdict.command).toEqual({ tool: 'az', text: add('20.37.158.0/23', '52.150.138.0/24', '20.42.5.0/24', '40.80.187.0/24', '40.119.10.0/24', '40.82.252.0/24', '20.42.134.0/23') });
  });

  it('a geography with no published inbound ranges (the global identity service) → the address alone', () => {
    expect(firewall({ clientIp: '168.62.105.45' })).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence:
        'defaultAction Deny, bypass AzureServices, 168.62.105.45 matches no ipRule (0 rules); 168.62.105.45 is Azure DevOps Global (Azure DevOps data-migration IPs: Azure DevOps Services Identity Service, all regions, 168.62.105.45/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → add this address',
      command: { tool: 'az', text: add('168.62.105.45') },
    });
  });

  it('an AzureDevOps service-tag address outside the bundled lists → allow the published range that holds it', () => {
    expect(firewall({ clientIp: '20.39.13.5' }, [], { serviceTags: smallIndex() })).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence:
        'defaultAction Deny, bypass AzureServices, 20.39.13.5 matches no ipRule (0 rules); 20.39.13.5 is the Azure DevOps service in an Azure datacenter (AzureDevOps, range 20.39.13.0/26, service tags of 2024-05-06), not your agent → allow its published range: add 20.39.13.0/26',
      command: { tool: 'az', text: add('20.39.13.0/26') },
    });
  });
});

describe('firewall verdict by owner: Azure regions', () => {
  const hostedOwner = { kind: 'azure' as const, region: 'canadacentral', serviceTag: 'AzureCloud.canadacentral', range: '20.151.0.0/16', source: 'ServiceTags_Public_20240506.json', asOf: '2024-05-06' };

  it('a hosted agent stated by the finding, without service-tag data → self-hosted agent / private endpoint, uncounted', () => {
    expect(firewall({ clientIp: '20.151.100.7', clientIpClass: 'public-ipv4', clientIpOwner: hostedOwner }, ['52.228.82.0/24'])).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: `defaultAction Deny, bypass AzureServices, 20.151.100.7 matches no ipRule (1 rule); 20.151.100.7 is in Azure Canada Central (AzureCloud.canadacentral, range 20.151.0.0/16, service tags of 2024-05-06): a caller inside Azure, most likely a Microsoft-hosted agent or GitHub-hosted runner, whose address changes from run to run → the region's AzureCloud prefixes (not counted: no service-tag data was given) change weekly and admit every Azure customer there; ${HOSTED_TAIL}`,
      command: { tool: 'az', text: ENDPOINT },
    });
  });

  it('a finding that said `unknown` is looked up again in the service tags given to assess', () => {
    const verdicts = assess(findingOf('firewall', { innerErrorCode: 'ForbiddenByFirewall', clientIp: '20.151.100.7', clientIpClass: 'public-ipv4', clientIpOwner: { kind: 'unknown' } }), modelOf(), { serviceTags: smallIndex() });
    expect(verdicts.find((v) => v.check === 'firewall')).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: `defaultAction Deny, bypass AzureServices, 20.151.100.7 matches no ipRule (2 rules); 20.151.100.7 is in Azure Canada Central (AzureCloud.canadacentral, range 20.151.0.0/16, service tags of 2024-05-06): a caller inside Azure, most likely a Microsoft-hosted agent or GitHub-hosted runner, whose address changes from run to run → AzureCloud.canadacentral has 3 IPv4 prefixes, the Canada geography 3, against 998 IPv4 rules left (of 1000): they would fit, but admit every Azure customer there and change weekly; ${HOSTED_TAIL}`,
      command: { tool: 'az', text: ENDPOINT },
    });
  });

  it('another Azure service\'s address (most specific tag wins) → the address itself', () => {
    expect(firewall({ clientIp: '20.48.197.106' }, [], { serviceTags: smallIndex() })).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence:
        'defaultAction Deny, bypass AzureServices, 20.48.197.106 matches no ipRule (0 rules); 20.48.197.106 is in Azure Canada Central (AzureKeyVault.CanadaCentral, range 20.48.197.104/29, service tags of 2024-05-06): an Azure service that is not a trusted Key Vault service → add this address',
      command: { tool: 'az', text: add('20.48.197.106') },
    });
  });

  it('an address in no list: your own agent or egress, saying which data was consulted', () => {
    const tail = 'likely your self-hosted agent or office egress → add this address';
    expect(firewall({ clientIp: '81.2.69.160' }).evidence).toBe(`defaultAction Deny, bypass AzureServices, 81.2.69.160 matches no ipRule (0 rules); 81.2.69.160 is in no published Azure DevOps range: ${tail}`);
    expect(firewall({ clientIp: '81.2.69.160' }, [], { serviceTags: smallIndex() })).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: `defaultAction Deny, bypass AzureServices, 81.2.69.160 matches no ipRule (0 rules); 81.2.69.160 is in no published Azure DevOps or Azure range: ${tail}`,
      command: { tool: 'az', text: add('81.2.69.160') },
    });
  });

  it('an owner does not change a pass: a rule that admits the address now still says the refusal predates it', () => {
    expect(firewall({ clientIp: '20.151.100.7' }, ['20.151.0.0/16'], { serviceTags: smallIndex() })).toEqual({
      check: 'firewall',
      status: 'pass',
      evidence: 'defaultAction Deny, bypass AzureServices, 20.151.100.7 matches ipRule 20.151.0.0/16: the address is now allowed → the refusal predates the rule, or propagation: retry',
    });
  });
});

// Microsoft's weekly file of 2024-05-06 as @kvdoctor/azure-ranges ships it (every regional AzureCloud tag).
describe('firewall verdict with the ServiceTags_Public_20240506.json snapshot', () => {
  const compiled = compileServiceTags(SNAPSHOT, { asOf: SNAPSHOT.asOf });
  const serviceTags = compiled.ok ? ServiceTagIndex.of(compiled.value) : undefined;

  it('an East US hosted agent: the United States\' AzureCloud prefixes cannot fit in the rule limit', () => {
    expect(firewall({ clientIp: '20.42.77.1' }, ['52.228.82.0/24', '40.82.190.38'], serviceTags ? { serviceTags } : {})).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence: `defaultAction Deny, bypass AzureServices, 20.42.77.1 matches no ipRule (2 rules); 20.42.77.1 is in Azure East US (AzureCloud.eastus, range 20.42.0.0/17, service tags of 2024-05-06): a caller inside Azure, most likely a Microsoft-hosted agent or GitHub-hosted runner, whose address changes from run to run → AzureCloud.eastus has 379 IPv4 prefixes, the United States geography 2743, against 998 IPv4 rules left (of 1000): they cannot fit in the rule limit; ${HOSTED_TAIL}`,
      command: { tool: 'az', text: ENDPOINT },
    });
  });

  it('a Canada Central hosted agent: Canada\'s prefixes would fit, and the answer is still not an allow list', () => {
    expect(firewall({ clientIp: '20.151.100.7' }, [], serviceTags ? { serviceTags } : {}).evidence).toBe(
      `defaultAction Deny, bypass AzureServices, 20.151.100.7 matches no ipRule (0 rules); 20.151.100.7 is in Azure Canada Central (AzureCloud.canadacentral, range 20.151.0.0/16, service tags of 2024-05-06): a caller inside Azure, most likely a Microsoft-hosted agent or GitHub-hosted runner, whose address changes from run to run → AzureCloud.canadacentral has 104 IPv4 prefixes, the Canada geography 176, against 1000 IPv4 rules left (of 1000): they would fit, but admit every Azure customer there and change weekly; ${HOSTED_TAIL}`,
    );
  });

  it('40.82.190.38 stays Azure DevOps Canada: the bundled lists win over the AzureCloud.canadacentral tag that also holds it', () => {
    expect(serviceTags?.lookup('40.82.190.38')?.tag.name).toBe('AzureCloud.canadacentral');
    expect(firewall({ clientIp: '40.82.190.38' }, ['52.228.82.0/24'], serviceTags ? { serviceTags } : {})).toEqual({
      check: 'firewall',
      status: 'fail',
      evidence:
        'defaultAction Deny, bypass AzureServices, 40.82.190.38 matches no ipRule (1 rule); 40.82.190.38 is Azure DevOps Canada (Azure DevOps data-migration IPs: Azure DevOps Services, Canada Central, 40.82.190.38/32, published 2021-04-01): the Azure DevOps service itself, reading the vault to link or edit a variable group, not your agent → allow the published inbound ranges of Azure DevOps Canada and this address: add 40.82.190.38; 52.228.82.0/24 is already allowed',
      command: { tool: 'az', text: add('40.82.190.38') },
    });
  });
});
