/**
 * A small answer of ARM's service-tags API. The envelope follows the REST example in
 * Azure/azure-rest-api-specs (Microsoft.Network 2024-05-01 examples/ServiceTagsList.json: string
 * `changeNumber`s, `id` per tag, a `nextLink`); the tags and their prefixes are a few of those
 * Microsoft published for these tags (https://www.microsoft.com/en-us/download/details.aspx?id=56519),
 * trimmed to a handful each.
 */
export function serviceTagsBody(sub: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = (name: string, changeNumber: string, region: string, regionId: number, systemService: string, addressPrefixes: string[]) => ({
    name,
    id: name,
    properties: { changeNumber, region, regionId, platform: 'Azure', systemService, addressPrefixes, networkFeatures: ['API', 'NSG', 'UDR', 'FW'] },
  });
  return {
    name: 'Public',
    id: `/subscriptions/${sub}/providers/Microsoft.Network/serviceTags/Public`,
    type: 'Microsoft.Network/serviceTags',
    changeNumber: '305',
    cloud: 'Public',
    values: [
      tag('AzureCloud.canadacentral', '58', 'canadacentral', 11, '', ['4.172.0.0/15', '13.71.160.0/19', '20.48.192.0/20', '20.151.0.0/16', '40.82.160.0/19', '52.228.0.0/17', '2603:1030:f00::/47']),
      tag('AzureCloud.westus', '84', 'westus', 37, '', ['13.64.0.0/16', '13.83.0.0/16', '13.91.0.0/16']),
      tag('AzureDevOps', '6', '', 0, 'AzureDevOps', ['20.37.158.0/23', '20.37.194.0/24', '20.39.13.0/26', '40.74.28.0/23', '52.228.82.0/24', '191.235.226.0/24']),
      tag('AzureDevOps.CanadaCentral', '1', 'canadacentral', 11, 'AzureDevOps', ['52.228.82.0/24']),
      tag('AzureKeyVault.CanadaCentral', '5', 'canadacentral', 11, 'AzureKeyVault', ['13.71.170.40/30', '20.48.197.104/29', '2603:1030:f05::340/125']),
    ],
    ...extra,
  };
}
