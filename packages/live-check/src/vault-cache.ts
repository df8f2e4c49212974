/**
 * Vault name → resource id, so a second check of the same vault skips the subscription search.
 * Vault names are globally unique per cloud, so the key is the ARM endpoint plus the name.
 */
export class VaultIdCache {
  private readonly ids = new Map<string, string>();

  private static key(endpoint: string, name: string): string {
    return `${endpoint.toLowerCase()}|${name.toLowerCase()}`;
  }

  get(endpoint: string, name: string): string | undefined {
    return this.ids.get(VaultIdCache.key(endpoint, name));
  }

  set(endpoint: string, name: string, id: string): void {
    this.ids.set(VaultIdCache.key(endpoint, name), id);
  }

  delete(endpoint: string, name: string): void {
    this.ids.delete(VaultIdCache.key(endpoint, name));
  }
}

/** Shared by checks that pass no cache of their own (the CLI and the bot each run one process). */
export const defaultVaultIdCache = new VaultIdCache();
