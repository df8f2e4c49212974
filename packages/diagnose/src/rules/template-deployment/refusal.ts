/** Which of a template deployment's Key Vault gates the text names. */
export type Refusal = 'deploy-action' | 'first-party' | 'secret-not-found' | 'parameter-read';

// Consoles and SDKs hard-wrap the long ARM sentence, often right before the quoted action.
export const DEPLOY_ACTION = /perform action\s{1,8}'microsoft\.keyvault\/vaults\/deploy\/action'/;

/** The finding's `details.message`: one sentence per gate, read back by `explain`. */
export const TEMPLATE_REFUSAL: Readonly<Record<Refusal, string>> = {
  'deploy-action': 'The deploying principal lacks Microsoft.KeyVault/vaults/deploy/action on the vault.',
  'first-party': 'Key Vault refused Azure Resource Manager itself ("Access denied to first party service").',
  'secret-not-found': 'The secret named by the Key Vault reference was not found.',
  'parameter-read': 'Azure Resource Manager could not read the secret of a Key Vault parameter reference.',
};

const REFUSALS: readonly Refusal[] = ['deploy-action', 'first-party', 'secret-not-found', 'parameter-read'];

export function refusalIn(message: string | undefined): Refusal {
  return REFUSALS.find((r) => TEMPLATE_REFUSAL[r] === message) ?? 'parameter-read';
}
