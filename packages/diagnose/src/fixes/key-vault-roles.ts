/**
 * Built-in Azure roles for the Key Vault data plane, with their fixed role-definition ids (the
 * same in every tenant). Owner, Contributor and Key Vault Contributor are control-plane roles and
 * grant no data action, which is why they are absent here.
 */
export interface BuiltInRole {
  readonly name: string;
  readonly id: string;
}

export const KEY_VAULT_ROLES = {
  secretsUser: { name: 'Key Vault Secrets User', id: '4633458b-17de-408a-b874-0445c86b69e6' },
  secretsOfficer: { name: 'Key Vault Secrets Officer', id: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7' },
  certificateUser: { name: 'Key Vault Certificate User', id: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba' },
  certificatesOfficer: { name: 'Key Vault Certificates Officer', id: 'a4417e6f-fecd-4de8-b567-7b0420556985' },
  cryptoUser: { name: 'Key Vault Crypto User', id: '12338af0-0e69-4776-bea7-57ae8d297424' },
  cryptoServiceEncryptionUser: { name: 'Key Vault Crypto Service Encryption User', id: 'e147488a-f6f5-4113-8e2d-b22465e65bf6' },
  cryptoOfficer: { name: 'Key Vault Crypto Officer', id: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603' },
  reader: { name: 'Key Vault Reader', id: '21090545-7ca7-4776-b22c-e363652d74d2' },
} as const satisfies Record<string, BuiltInRole>;
