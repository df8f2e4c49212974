import type { Details, Facts } from '../report/schema';
import { value, type Value } from './quote';

/** The vault's ARM resource id, with placeholders for the parts the log did not state. */
export function vaultResourceId(facts: Facts, details: Details): Value {
  if (details.resource) {
    const m = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.keyvault\/vaults\/[^/]+)/i.exec(details.resource);
    if (m?.[1] && details.subscriptionId && details.resourceGroup && facts.vault) {
      return value(`/subscriptions/${details.subscriptionId}/resourceGroups/${details.resourceGroup}/providers/Microsoft.KeyVault/vaults/${facts.vault}`, 'vault-resource-id');
    }
  }
  const sub = details.subscriptionId ?? '<subscription-id>';
  const rg = details.resourceGroup ?? '<resource-group>';
  const name = facts.vault ?? '<vault-name>';
  const text = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}`;
  return text.includes('<') ? { known: false, text } : { known: true, text };
}
