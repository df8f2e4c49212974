import { type BuiltInRole, KEY_VAULT_ROLES } from '../../fixes/key-vault-roles';

const ACTION_PARTS = /^Microsoft\.KeyVault\/(?:vaults|managedHsms?)\/([A-Za-z]{1,40})\/([A-Za-z]{1,40})/i;
const READS_SECRET = new Set(['getsecret', 'readmetadata']);
// Data-action names: …/keys/wrap/action, …/keys/unwrap/action, …/keys/encrypt/action.
const USES_KEY = new Set(['encrypt', 'decrypt', 'sign', 'verify', 'wrap', 'unwrap']);
const SERVICE_WRAPS = new Set(['read', 'wrap', 'unwrap']);

/** The caller is the Azure Resource Manager proxy (Pulumi, ARM templates): it checks RBAC even on access-policy vaults. */
export function isArmProxy(callerName: string | undefined): boolean {
  return callerName === 'KeyVault/ManagementPlane';
}

/** The caller is an Azure service's managed identity ("name=Microsoft.RecoveryServices/vaults"). */
export function isAzureService(callerName: string | undefined): boolean {
  return callerName !== undefined && callerName.startsWith('Microsoft.');
}

/**
 * The smallest built-in role that allows a data action. Without an action (the GitLab and 2020
 * wordings may omit it) the answer is the pipeline's usual need: reading secrets.
 */
export function roleForAction(action: string | undefined, callerName?: string): BuiltInRole {
  const parts = action === undefined ? null : ACTION_PARTS.exec(action);
  const area = parts?.[1]?.toLowerCase();
  const op = parts?.[2]?.toLowerCase() ?? '';
  // A deployment through ARM reads before it writes: it needs the officer role of the object kind.
  const writer = isArmProxy(callerName);
  switch (area) {
    case 'secrets':
      return READS_SECRET.has(op) && !writer ? KEY_VAULT_ROLES.secretsUser : KEY_VAULT_ROLES.secretsOfficer;
    case 'deletedsecrets':
      return KEY_VAULT_ROLES.secretsOfficer;
    case 'certificates':
      return op === 'read' && !writer ? KEY_VAULT_ROLES.certificateUser : KEY_VAULT_ROLES.certificatesOfficer;
    case 'deletedcertificates':
    case 'certificatecas':
    case 'certificatecontacts':
      return KEY_VAULT_ROLES.certificatesOfficer;
    case 'keys':
      if (writer) return KEY_VAULT_ROLES.cryptoOfficer;
      if (isAzureService(callerName) && SERVICE_WRAPS.has(op)) return KEY_VAULT_ROLES.cryptoServiceEncryptionUser;
      return USES_KEY.has(op) || op === 'read' ? KEY_VAULT_ROLES.cryptoUser : KEY_VAULT_ROLES.cryptoOfficer;
    case 'deletedkeys':
      return KEY_VAULT_ROLES.cryptoOfficer;
    default:
      return KEY_VAULT_ROLES.secretsUser;
  }
}
