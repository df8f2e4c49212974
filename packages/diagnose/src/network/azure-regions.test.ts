import { azureOwnerName, azureOwnerPlace, azureRegionName, isKnownAzureRegion } from './azure-regions';

const eastUs = { kind: 'azure', region: 'eastus', serviceTag: 'AzureCloud.eastus', range: '52.168.0.0/16', source: 'https://www.microsoft.com/en-us/download/details.aspx?id=56519', asOf: '2024-05-06' } as const;

test('region codes, the service-tag file\'s abbreviations included, read as Azure names them', () => {
  expect(azureRegionName('eastus')).toBe('East US');
  expect(azureRegionName('EastUS2')).toBe('East US 2');
  expect(azureRegionName('centralfrance')).toBe('France Central');
  expect(azureRegionName('germanywc')).toBe('Germany West Central');
  expect(azureRegionName('norwaye')).toBe('Norway East');
  expect(azureRegionName('newregion')).toBe('newregion');
  expect([isKnownAzureRegion('switzerlandn'), isKnownAzureRegion('newregion')]).toEqual([true, false]);
});

test('an Azure owner by name, and with the data behind it', () => {
  expect(azureOwnerName(eastUs)).toBe('Azure East US (AzureCloud.eastus)');
  expect(azureOwnerName({ ...eastUs, region: '', serviceTag: 'AzureKeyVault' })).toBe('Azure (AzureKeyVault)');
  expect(azureOwnerPlace(eastUs)).toBe('Azure East US (AzureCloud.eastus, range 52.168.0.0/16, service tags of 2024-05-06)');
  expect(azureOwnerPlace({ ...eastUs, region: '', serviceTag: 'AzureKeyVault' })).toBe('an Azure datacenter (AzureKeyVault, range 52.168.0.0/16, service tags of 2024-05-06)');
});
