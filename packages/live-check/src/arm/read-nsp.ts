import type { VaultAccessModel } from '@kvdoctor/diagnose';
import type { Deadline } from '../deadline';
import type { Read } from '../outcome';
import { attempt } from './attempt';
import { type ArmSettings, networkClient } from './client';

type Nsp = NonNullable<VaultAccessModel['nsp']>;

const MODES: readonly string[] = ['Learning', 'Enforced', 'Audit'];

function isMode(mode: string | undefined): mode is NonNullable<Nsp['mode']> {
  return mode !== undefined && MODES.includes(mode);
}

/**
 * Key Vault's management API has no perimeter property, so associations are read from the
 * perimeter side (@azure/arm-network): every perimeter in one subscription, then its associations.
 */
function searchSubscription(s: ArmSettings, subscriptionId: string, vaultId: string, deadline: Deadline): Promise<Read<Nsp | undefined>> {
  const want = vaultId.toLowerCase();
  return attempt(
    {
      what: `listing network security perimeters in subscription ${subscriptionId}`,
      needs: `Reader on subscription ${subscriptionId} (Microsoft.Network/networkSecurityPerimeters/read and …/resourceAssociations/read)`,
    },
    deadline,
    async () => {
      const client = networkClient(s, subscriptionId);
      for await (const perimeter of client.networkSecurityPerimeters.listBySubscription({ abortSignal: deadline.signal })) {
        const parts = perimeter.id?.split('/') ?? [];
        const resourceGroup = parts[4];
        if (perimeter.id === undefined || resourceGroup === undefined || perimeter.name === undefined) continue;
        for await (const a of client.networkSecurityPerimeterAssociations.list(resourceGroup, perimeter.name, { abortSignal: deadline.signal })) {
          if (a.privateLinkResource?.id?.toLowerCase() !== want) continue;
          const profile = a.profile?.id?.split('/').pop();
          return { associated: true, perimeter: perimeter.id, ...(isMode(a.accessMode) ? { mode: a.accessMode } : {}), ...(profile ? { profile } : {}) };
        }
      }
      return undefined;
    },
  );
}

/** Whether the vault is in a perimeter, searching the allowed subscriptions (and saying which); unknown if any failed. */
export async function readNsp(s: ArmSettings, subscriptions: readonly string[], vaultId: string, deadline: Deadline): Promise<Read<Nsp>> {
  const results = await Promise.all(subscriptions.map((sub) => searchSubscription(s, sub, vaultId, deadline)));
  for (const r of results) if (r.ok && r.value !== undefined) return { ok: true, value: r.value };
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  // None found says nothing of perimeters in subscriptions outside the allow-list, which are never read.
  return { ok: true, value: { associated: false, searchedSubscriptions: [...subscriptions] } };
}
