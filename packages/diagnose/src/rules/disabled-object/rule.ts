import { objectTypeOf } from '../../facts/object-type';
import type { Facts, ObjectType } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { explainDisabledObject } from './explain';

// The service sentence ("Operation get is not allowed on a disabled secret.", also unwrapKey/sign
// on keys) and the inner codes that carry it when a wrapper dropped the sentence.
const ANCHOR = /Operation (?:[A-Za-z]{1,30} )?is not allowed on a disabled (secret|key|certificate)\b/g;
const SUPPORT = /\b(?:Secret|Key|Certificate)Disabled\b/g;
const KIND = /on a disabled (secret|key|certificate)\b|\b(Secret|Key|Certificate)Disabled\b/;

function kindOf(text: string): ObjectType | undefined {
  const m = KIND.exec(text);
  return objectTypeOf(m?.[1] ?? m?.[2]);
}

export default defineRule({
  meta: {
    id: 'disabled-object',
    title: 'The secret, key or certificate is disabled',
    description:
      'Key Vault refused to return a secret, key or certificate because the object (or the version asked for) is disabled (attributes.enabled = false). Permissions and network are fine; no identity can read a disabled object until it is enabled again.',
    severity: 'error',
    since: '0.1.0',
    rank: 60,
    codes: ['SecretDisabled', 'KeyDisabled', 'CertificateDisabled'],
    // The step's command (Get-AzKeyVaultSecret) says which client printed a bare status.
    stepContext: true,
    docs: [
      { title: 'Azure Key Vault keys, secrets and certificates overview (object attributes)', url: 'https://learn.microsoft.com/en-us/azure/key-vault/general/about-keys-secrets-certificates' },
      { title: 'az keyvault secret set-attributes', url: 'https://learn.microsoft.com/en-us/cli/azure/keyvault/secret#az-keyvault-secret-set-attributes' },
      { title: 'Update-AzKeyVaultSecret', url: 'https://learn.microsoft.com/en-us/powershell/module/az.keyvault/update-azkeyvaultsecret' },
      { title: 'Azure Key Vault task (AzureKeyVault@2)', url: 'https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/azure-key-vault-v2' },
    ],
  },
  markers: ['is not allowed on a disabled', 'SecretDisabled', 'KeyDisabled', 'CertificateDisabled'],
  match: (window) =>
    findOccurrences(window, {
      anchor: ANCHOR,
      support: SUPPORT,
      extract: (block, anchorText) => {
        const facts: Facts = {};
        // The sentence names the kind even when the request URL was masked or not printed.
        const kind = kindOf(anchorText) ?? kindOf(block);
        if (kind) facts.objectType = kind;
        return { facts };
      },
    }),
  explain: explainDisabledObject,
});
