import type { Deadline } from '../deadline';
import type { Read } from '../outcome';
import { type ArmVault, ArmVaultSchema, issues } from '../vault-json';
import { attempt } from './attempt';
import { type ArmSettings, keyVaultClient } from './client';
import { lastSegment, scopeOf } from './resource-id';

/** An SDK vault checked against the shape the model is built from. */
function checkVault(raw: unknown): Read<ArmVault> {
  const parsed = ArmVaultSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, failure: { kind: 'not-supported', message: `ARM returned a vault this version cannot read (${issues(parsed.error)})` } };
}

export async function readVault(s: ArmSettings, subscriptionId: string, resourceGroup: string, name: string, deadline: Deadline): Promise<Read<ArmVault>> {
  const read = await attempt(
    { what: `reading vault ${name} in resource group ${resourceGroup}`, needs: `Reader on the vault (Microsoft.KeyVault/vaults/read)` },
    deadline,
    () => keyVaultClient(s, subscriptionId).vaults.get(resourceGroup, name, { abortSignal: deadline.signal }),
  );
  return read.ok ? checkVault(read.value) : read;
}

export interface EndpointConnection {
  readonly name: string;
  readonly status: string;
}

/** The vault's private endpoint connections with their names (the vault body gives only ids). */
export async function readEndpointConnections(s: ArmSettings, vault: ArmVault, deadline: Deadline): Promise<Read<EndpointConnection[]>> {
  const { subscriptionId, resourceGroup } = scopeOf(vault.id);
  return attempt(
    {
      what: `listing private endpoint connections of ${vault.name}`,
      needs: 'Reader on the vault (Microsoft.KeyVault/vaults/privateEndpointConnections/read)',
    },
    deadline,
    async () => {
      const out: EndpointConnection[] = [];
      const pages = keyVaultClient(s, subscriptionId).privateEndpointConnections.listByResource(resourceGroup, vault.name, { abortSignal: deadline.signal });
      for await (const c of pages) {
        out.push({ name: c.name ?? (c.id === undefined ? 'unnamed' : lastSegment(c.id)), status: c.privateLinkServiceConnectionState?.status ?? 'Unknown' });
      }
      return out;
    },
  );
}
