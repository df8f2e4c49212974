import { VAULT_NAME, VAULT_SUFFIXES, VAULT_URL } from '../rule-kit/patterns';
import { isMasked } from './masked';

export interface VaultFacts {
  vault?: string;
  location?: string;
  cloud?: 'public' | 'china' | 'usgov' | 'germany';
  managedHsm?: boolean;
}

// "Vault: hypervmigratio98a5kv;location=canadacentral" (firewall, RBAC, NSP messages) and the
// access-policy form "on key vault 'diskvault001;location=southindia'".
const VAULT_LINE = new RegExp(`\\bVault: (${VAULT_NAME});location=([a-z0-9]{2,40})`, 'i');
const POLICY_VAULT = new RegExp(`on key vault '(${VAULT_NAME});location=([a-z0-9]{2,40})'`, 'i');
// Terraform azurerm: (Key Vault "name") or (Key Vault "https://name.vault.azure.net/").
const TERRAFORM_VAULT = new RegExp(`Key Vault "(${VAULT_NAME})"`, 'i');
// Packer's azure-arm builder prints the vault it made for the build: "-> Key Vault Name        : 'pkrkv…'".
const PACKER_VAULT = new RegExp(`Key Vault Name {1,16}: '(${VAULT_NAME})'`);
// The portal's Key Vault reference status (App Service, Functions), copied as label and value on
// their own lines ("Vault name" / "bjhp-keyvault-prod", which the record reader joins with a space
// as a wrapped sentence) or on one ("Vault name: kv-x"). The value is the whole rest of its line.
const PORTAL_VAULT = new RegExp(`(?:^|\n)Vault name:?[ \t]{0,4}\n?[ \t]{0,4}(${VAULT_NAME})[ \t]{0,4}(?:\n|$)`);
// RBAC "Resource: '/subscriptions/…/providers/microsoft.keyvault/vaults/<name>…'" (lower-cased).
const RESOURCE_VAULT = new RegExp(`/providers/microsoft\\.keyvault/(?:vaults|managedhsms)/(${VAULT_NAME})`, 'i');

// The command that made the request names the vault in a flag: az's --vault-name, PowerShell's
// -VaultName (a message the command printed carries that command's line when it echoes it).
const VAULT_FLAG = new RegExp(`(?:--vault-name|-VaultName)[= ]["']?(${VAULT_NAME})["']?(?:\\s|$)`);

/** Vault name and location; the message's own spelling wins over a lower-cased host name. */
export function extractVault(text: string): VaultFacts {
  const line = VAULT_LINE.exec(text) ?? POLICY_VAULT.exec(text);
  const url = VAULT_URL.exec(text);
  const out: VaultFacts = {};
  if (line?.[1]) {
    if (!isMasked(line[1])) out.vault = line[1];
    if (line[2] && !isMasked(line[2])) out.location = line[2].toLowerCase();
  } else if (url?.[1]) {
    if (!isMasked(url[1])) out.vault = url[1];
  } else {
    const named = TERRAFORM_VAULT.exec(text)?.[1] ?? PACKER_VAULT.exec(text)?.[1] ?? PORTAL_VAULT.exec(text)?.[1] ?? RESOURCE_VAULT.exec(text)?.[1] ?? VAULT_FLAG.exec(text)?.[1];
    if (named && !isMasked(named)) out.vault = named;
  }
  if (url?.[2]) {
    const suffix = VAULT_SUFFIXES.find((s) => s.suffix === url[2]?.toLowerCase());
    if (suffix) {
      out.cloud = suffix.cloud;
      out.managedHsm = suffix.managedHsm;
    }
  }
  return out;
}
