import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import { cloudNames, vaultHost } from '../../fixes/private-link';
import { value } from '../../fixes/quote';
import { callByNameFix, checkAddressFix, zoneGroupFix } from './fixes';

export function explainPrivateLinkHost({ facts, details }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const host = vaultHost(vault, details.cloud);
  const { zone } = cloudNames(details.cloud);
  return {
    summary: `Key Vault refused the connection for ${host.text} (403 "This TCP connection does not allow access"): it arrived on an address that does not serve that vault, such as another vault's private endpoint, or the vault was called by IP address or another name.`,
    causes: [
      `${host.text} resolves to the wrong private address: a stale A record in ${zone} (the endpoint was re-created with a new address), a record copied from another vault, or custom DNS answering with another endpoint's address.`,
      `${host.text} resolves to the vault's public address from this client (the private zone ${zone} is not linked to its network, or custom DNS does not forward to Azure DNS), so the connection arrives on the public endpoint, which the vault's network rules do not admit.`,
      `The client called the vault by IP address or a custom DNS name (a hosts-file entry, your own CNAME, an application gateway): the Host header and TLS name are then not ${host.text}, and Key Vault requires them to be the vault's own name.`,
      'A proxy or gateway between the client and the private endpoint rewrote the Host header.',
    ],
    fixes: [callByNameFix(vault, host), checkAddressFix(vault, host, zone), zoneGroupFix(vault, zone)],
  };
}
