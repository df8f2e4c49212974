/**
 * Named shared regex fragments. Each is a bounded character-class run or a fixed literal, so no
 * pattern built from them can backtrack catastrophically (checked by the ReDoS property test).
 */

/** A GUID, as Entra ids (app, object, tenant, correlation) are written. */
export const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const GUID_ONLY = new RegExp(`^${GUID}$`);

/** Vault and Managed HSM names: 3–24 of 0-9a-zA-Z-. */
export const VAULT_NAME = '[A-Za-z0-9][A-Za-z0-9-]{1,22}[A-Za-z0-9]';

/** DNS suffixes of Key Vault and Managed HSM data planes per cloud, and the private-link zone. */
export const VAULT_SUFFIXES: readonly { suffix: string; cloud: 'public' | 'china' | 'usgov' | 'germany'; managedHsm: boolean }[] = [
  { suffix: 'vault.azure.net', cloud: 'public', managedHsm: false },
  { suffix: 'privatelink.vaultcore.azure.net', cloud: 'public', managedHsm: false },
  { suffix: 'vault.azure.cn', cloud: 'china', managedHsm: false },
  { suffix: 'vault.usgovcloudapi.net', cloud: 'usgov', managedHsm: false },
  { suffix: 'vault.microsoftazure.de', cloud: 'germany', managedHsm: false },
  { suffix: 'managedhsm.azure.net', cloud: 'public', managedHsm: true },
  { suffix: 'managedhsm.azure.cn', cloud: 'china', managedHsm: true },
  { suffix: 'managedhsm.usgovcloudapi.net', cloud: 'usgov', managedHsm: true },
];

export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `https://<name>.<suffix>` with an optional port and path; group 1 the name, group 2 the suffix. */
export const VAULT_URL = new RegExp(
  `https?://(${VAULT_NAME})\\.(${VAULT_SUFFIXES.map((s) => escapeRegex(s.suffix)).join('|')})(?::\\d{1,5})?(/[^\\s'"<>\`)\\]]{0,2000})?`,
  'i',
);
