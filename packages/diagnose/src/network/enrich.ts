import type { Facts } from '../report/schema';
import { classifyParsed } from './classify';
import { ownerOf } from './owners';
import { parseAddress } from './parse-address';
import type { ServiceTagIndex } from './service-tag-index';

/**
 * Adds `clientIpClass` and, for a public IPv4 address, `clientIpOwner` to facts that carry a
 * client address. The service-tag index is consulted (and so loaded) only for a public IPv4
 * address that no bundled Azure DevOps list holds.
 */
export function enrichNetwork(facts: Facts, serviceTags?: ServiceTagIndex): Facts {
  if (facts.clientIp === undefined) return facts;
  const address = parseAddress(facts.clientIp);
  if (address === undefined) return facts;
  const clientIpClass = classifyParsed(address);
  if (clientIpClass !== 'public-ipv4') return { ...facts, clientIpClass };
  return { ...facts, clientIpClass, clientIpOwner: ownerOf(address, serviceTags) };
}
