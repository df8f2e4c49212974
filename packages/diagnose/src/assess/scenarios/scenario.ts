import type { Details, Facts } from '../../report/schema';
import { VAULT_ID } from '../fixtures';
import type { VaultAccessModel } from '../model';
import type { Verdict, VerdictCheck } from '../verdict';

/**
 * One documented behaviour of Key Vault or Azure RBAC, held as data: a refusal, the vault's
 * configuration (overrides on the fixtures' seed vault), and the exact verdict that sentence implies.
 */
export interface Scenario {
  readonly name: string;
  /** The Microsoft documentation sentence the case encodes, and where it is. */
  readonly doc: { readonly url: string; readonly says: string };
  readonly finding: { readonly rule: string; readonly facts: Facts; readonly details?: Details };
  readonly model: Partial<VaultAccessModel>;
  readonly expect: Verdict;
  /** Gates that must not be reported at all (not consulted). */
  readonly absent?: readonly VerdictCheck[];
}

export const VAULT_URL = 'https://hypervmigratio98a5kv.vault.azure.net';
export const SUB_ID = '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333';
export const RG_ID = `${SUB_ID}/resourceGroups/rg-x`;
export const TENANT = 'a1a2578a-8fd3-4595-bb18-7d17df8944b0';
export const OLD_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const GROUP = '9b0c3a55-2f1e-4f4d-8f53-5d8a1d6e0a11';
export const VERSION = '4387e9f3d6e14c459867679a90fd0f79';
export const secretId = (name: string): string => `${VAULT_ID}/secrets/${name}`;

const DEF = `${SUB_ID}/providers/Microsoft.Authorization/roleDefinitions`;
const KV = 'Microsoft.KeyVault/vaults';

/** Built-in roles' data actions as Microsoft's built-in roles reference lists them. */
export const ROLE = {
  secretsUser: { roleName: 'Key Vault Secrets User', roleDefinitionId: `${DEF}/4633458b-17de-408a-b874-0445c86b69e6`, dataActions: [`${KV}/secrets/getSecret/action`, `${KV}/secrets/readMetadata/action`] },
  reader: { roleName: 'Key Vault Reader', roleDefinitionId: `${DEF}/21090545-7ca7-4776-b22c-e363652d74d2`, dataActions: [`${KV}/*/read`, `${KV}/secrets/readMetadata/action`] },
  cryptoServiceEncryptionUser: {
    roleName: 'Key Vault Crypto Service Encryption User',
    roleDefinitionId: `${DEF}/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
    dataActions: [`${KV}/keys/read`, `${KV}/keys/wrap/action`, `${KV}/keys/unwrap/action`],
  },
  certificateUser: { roleName: 'Key Vault Certificate User', roleDefinitionId: `${DEF}/db79e9a7-68ee-4b58-9aeb-b90e7c24fcba`, dataActions: [`${KV}/certificates/read`, `${KV}/secrets/getSecret/action`, `${KV}/secrets/readMetadata/action`, `${KV}/keys/read`] },
  getSecretOnly: { roleName: 'ci-secret-getter', roleDefinitionId: `${DEF}/0c6f1d8e-3b4a-4e5f-9a1b-2c3d4e5f6a7b`, dataActions: [`${KV}/secrets/getSecret/action`] },
  secretsButNoValue: { roleName: 'secrets-without-values', roleDefinitionId: `${DEF}/1d7a2e9f-4c5b-4f6a-8b2c-3d4e5f6a7b8c`, dataActions: [`${KV}/secrets/*`], notDataActions: [`${KV}/secrets/getSecret/action`] },
  allButKeys: { roleName: 'vault-admin-no-keys', roleDefinitionId: `${DEF}/2e8b3f0a-5d6c-4a7b-9c3d-4e5f6a7b8c9d`, dataActions: [`${KV}/*`], notDataActions: [`${KV}/keys/*`] },
} as const;
