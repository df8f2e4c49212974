import type { Fixture } from '../../rule-kit/fixture';

// Texts that look like a soft-delete conflict and are not: other services, emulators, and other
// Key Vault families' refusals.
export const lookAlikeFixtures: readonly Fixture[] = [
  {
    name: 'AWS Secrets Manager secret marked for deletion (another service)',
    source: 'https://github.com/external-secrets/kubernetes-external-secrets/issues/114',
    text: '│ Exception: You can’t perform this operation on the secret because it was marked for deletion.\\n    at Request.extractError (/app/node_modules/aws-sdk/lib/pro │',
    expect: 'no-match',
  },
  {
    name: 'Backup tool whose deleted vault still blocks the name (not Azure Key Vault)',
    source: 'https://github.com/blinkdisk/blinkdisk/issues/184',
    text: 'It says that vault already exists in my account. I deleted it, so How could it still be in my account?',
    expect: 'no-match',
  },
  {
    name: 'az keyvault recover validator bug: resource not found (not a soft-delete refusal)',
    source: 'https://github.com/Azure/azure-cli/issues/7048',
    text: "The `az keyvault recover` command does not work. Even though a keyvault is listed in `az keyvault list-deleted`, the `recover` command fails with `The Resource 'Microsoft.KeyVault/vaults/${keyvaultname}' not found within subscription.`",
    expect: 'no-match',
  },
  {
    name: 'Lowkey Vault emulator refusing a purge with a 500',
    source: 'https://github.com/nagyesta/lowkey-vault/issues/1271',
    text: `Unhandled exception. Azure.RequestFailedException: The selected elements cannot be purged.
Status: 500
ErrorCode: java.lang.IllegalStateException`,
    expect: 'no-match',
  },
  {
    name: 'A plain SecretNotFound belongs to not-found',
    source: 'https://github.com/Azure/azure-sdk-for-net/issues/26027',
    text: `Deleted Secret not found: MySecretName
Status: 404 (Not Found)
ErrorCode: SecretNotFound`,
    expect: 'no-match',
  },
];
