import type { VaultAccessModel } from '@kvdoctor/diagnose';
import type { Deadline } from '../deadline';
import type { Failure, Read } from '../outcome';
import { attempt } from './attempt';
import { type ArmSettings, networkClient } from './client';
import { lastSegment, scopeOf } from './resource-id';

type Nsp = NonNullable<VaultAccessModel['nsp']>;
type AccessRule = NonNullable<Nsp['accessRules']>[number];

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
        if (perimeter.id === undefined || perimeter.name === undefined) continue;
        const { resourceGroup } = scopeOf(perimeter.id);
        if (resourceGroup === '') continue;
        for await (const a of client.networkSecurityPerimeterAssociations.list(resourceGroup, perimeter.name, { abortSignal: deadline.signal })) {
          if (a.privateLinkResource?.id?.toLowerCase() !== want) continue;
          const profile = a.profile?.id === undefined ? undefined : lastSegment(a.profile.id);
          return { associated: true, perimeter: perimeter.id, ...(isMode(a.accessMode) ? { mode: a.accessMode } : {}), ...(profile ? { profile } : {}) };
        }
      }
      return undefined;
    },
  );
}

/**
 * The inbound access rules of the vault's profile, which decide in Enforced mode (and under
 * SecuredByPerimeter). Outbound rules (FQDNs, …) never admit a caller.
 */
function readAccessRules(s: ArmSettings, perimeterId: string, profile: string, deadline: Deadline): Promise<Read<AccessRule[]>> {
  const { subscriptionId, resourceGroup } = scopeOf(perimeterId);
  const name = lastSegment(perimeterId);
  return attempt(
    {
      what: `listing access rules of profile ${profile} of perimeter ${name}`,
      needs: `Reader on perimeter ${name} (Microsoft.Network/networkSecurityPerimeters/profiles/accessRules/read)`,
    },
    deadline,
    async () => {
      const out: AccessRule[] = [];
      for await (const r of networkClient(s, subscriptionId).networkSecurityPerimeterAccessRules.list(resourceGroup, name, profile, { abortSignal: deadline.signal })) {
        // ARM's default direction is Inbound.
        if ((r.direction ?? 'Inbound') !== 'Inbound') continue;
        out.push({
          name: r.name ?? 'unnamed rule',
          addressPrefixes: r.addressPrefixes ?? [],
          subscriptions: (r.subscriptions ?? []).flatMap((x) => (x.id ? [lastSegment(x.id)] : [])),
          serviceTags: r.serviceTags ?? [],
          perimeters: (r.networkSecurityPerimeters ?? []).flatMap((x) => (x.id ? [x.id] : [])),
        });
      }
      return out;
    },
  );
}

export interface NspRead {
  readonly nsp: Nsp;
  /** The association was read but its profile's access rules were not. */
  readonly rulesFailure?: Failure;
}

/** Whether the vault is in a perimeter, searching the allowed subscriptions (and saying which), with its profile's inbound rules; unknown if any failed. */
export async function readNsp(s: ArmSettings, subscriptions: readonly string[], vaultId: string, deadline: Deadline): Promise<Read<NspRead>> {
  const results = await Promise.all(subscriptions.map((sub) => searchSubscription(s, sub, vaultId, deadline)));
  const found = results.find((r) => r.ok && r.value !== undefined);
  if (found?.ok && found.value !== undefined) {
    const nsp = found.value;
    if (nsp.perimeter === undefined || nsp.profile === undefined) return { ok: true, value: { nsp } };
    const rules = await readAccessRules(s, nsp.perimeter, nsp.profile, deadline);
    return { ok: true, value: rules.ok ? { nsp: { ...nsp, accessRules: rules.value } } : { nsp, rulesFailure: rules.failure } };
  }
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  // None found says nothing of perimeters in subscriptions outside the allow-list, which are never read.
  return { ok: true, value: { nsp: { associated: false, searchedSubscriptions: [...subscriptions] } } };
}
