import { z } from 'zod';

// Azure's rule for vault names; anything else can name no vault, so no check can be about it.
const VAULT_NAME = /^[A-Za-z0-9-]{3,24}$/;

/**
 * The `<vault>` argument: `kv1`, `kv1.vault.azure.net` or `https://kv1.vault.azure.net/` → `kv1`.
 * The name is what gets compared with the az JSON and the log, and what fix commands carry.
 */
export const VaultArgSchema = z
  .string()
  .transform((input) => input.trim().replace(/^https?:\/\//i, '').split(/[./:]/)[0] ?? '')
  .refine((name) => VAULT_NAME.test(name), 'not a Key Vault name (3–24 letters, digits and hyphens)');

/** Vault names are case-insensitive in Azure: `KV1` and `kv1` are one vault. */
export function sameVault(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
