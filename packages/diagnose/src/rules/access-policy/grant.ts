import type { PolicyGrant, PolicyKind } from '../../fixes/access-policy-grant';
import { type BuiltInRole, KEY_VAULT_ROLES } from '../../fixes/key-vault-roles';

const KINDS: Readonly<Record<string, PolicyKind>> = { secrets: 'secret', keys: 'key', certificates: 'certificate', storage: 'storage' };

/**
 * What to grant for a missing permission ("secrets get"): the permission itself plus Get and List,
 * which every pipeline reader needs (AzureKeyVault@2 lists before it reads). Without a permission,
 * the usual pipeline need: secrets Get, List.
 */
export function grantFor(permission: string | undefined): PolicyGrant {
  const [plural, op] = (permission ?? '').split(' ');
  const kind = plural === undefined ? undefined : KINDS[plural];
  if (kind === undefined) return { kind: 'secret', permissions: ['get', 'list'] };
  const extra = op === undefined || op === 'get' || op === 'list' ? [] : [op];
  return { kind, permissions: ['get', 'list', ...extra] };
}

/** The built-in role that covers the same grant, for a vault moved to Azure RBAC. */
export function roleForGrant(grant: PolicyGrant): BuiltInRole {
  const readsOnly = grant.permissions.every((p) => p === 'get' || p === 'list');
  switch (grant.kind) {
    case 'key': {
      const uses = grant.permissions.every((p) => ['get', 'list', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'sign', 'verify'].includes(p));
      return uses ? KEY_VAULT_ROLES.cryptoUser : KEY_VAULT_ROLES.cryptoOfficer;
    }
    case 'certificate':
      return readsOnly ? KEY_VAULT_ROLES.certificateUser : KEY_VAULT_ROLES.certificatesOfficer;
    default:
      return readsOnly ? KEY_VAULT_ROLES.secretsUser : KEY_VAULT_ROLES.secretsOfficer;
  }
}
