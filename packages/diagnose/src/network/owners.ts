import type { ClientIpOwner } from '../report/schema';
import { findAzureDevOpsRange } from './azure-devops-ranges';
import { classifyParsed } from './classify';
import { type Address, parseAddress } from './parse-address';
import type { ServiceTagIndex } from './service-tag-index';

/**
 * Who owns a public client address, most telling first: the Azure DevOps service itself (bundled
 * lists, by geography), then an Azure datacenter (the imported weekly service tags: region and
 * most specific tag), else unknown — most likely the user's own agent or office egress.
 *
 * Only a public IPv4 address is looked up: the service-tag index is never loaded for a log whose
 * addresses are private, IPv6 or absent.
 */
export function ownerOf(address: Address | string, serviceTags?: ServiceTagIndex): ClientIpOwner {
  const parsed = typeof address === 'string' ? parseAddress(address) : address;
  if (parsed === undefined || parsed.version !== 4 || classifyParsed(parsed) !== 'public-ipv4') return { kind: 'unknown' };
  const devops = findAzureDevOpsRange(parsed.value);
  if (devops !== undefined) {
    return {
      kind: 'azure-devops',
      geography: devops.geography,
      range: devops.range,
      list: `${devops.list.title}: ${devops.service}, ${devops.region}`,
      source: devops.list.source,
      asOf: devops.list.asOf,
    };
  }
  const hit = serviceTags?.lookup(parsed.value);
  if (hit !== undefined) {
    return { kind: 'azure', region: hit.region, serviceTag: hit.tag.name, range: hit.range, source: hit.source, asOf: hit.asOf };
  }
  return { kind: 'unknown' };
}
