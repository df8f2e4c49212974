import { isMasked } from '../../facts/masked';
import type { Details, Facts } from '../../report/schema';
import { defineRule } from '../../rule-kit/define-rule';
import { findOccurrences } from '../../rule-kit/occurrences';
import { VAULT_NAME } from '../../rule-kit/patterns';
import { explainTemplateDeployment } from './explain';
import { DEPLOY_ACTION, type Refusal, TEMPLATE_REFUSAL } from './refusal';

// ARM refusing the deploying principal the vault's deploy action (older "permission … on the
// specified KeyVault resource", newer AuthorizationFailed "authorization … over scope"), and ARM's
// own read of a Key Vault parameter reference refused. Key Vault says "Access denied to first party
// service" to other Microsoft applications too (a Visual Studio sign-in), so that sentence alone is
// not read as a deployment's.
// A literal (not built from DEPLOY_ACTION) so the ReDoS test sees it; \s{1,8} takes a console hard wrap.
const ANCHOR = /does not have (?:permission|authorization) to perform action\s{1,8}'microsoft\.keyvault\/vaults\/deploy\/action'|KeyVaultParameterReferenceSecretRetrieveFailed/gi;

const OBJECT_ID = /with object id '([0-9a-fA-F-]{36})'/;
const CLIENT = /The client '([^'\s]{1,200})' with object id/;
// The subscription as printed: users mask it ("xxxxxxxx-…") and the commands then show their mask.
const VAULT_ID = new RegExp(`/subscriptions/([^/\\s']{1,64})/resourceGroups/([A-Za-z0-9._()-]{1,90})/providers/Microsoft\\.KeyVault/vaults/(${VAULT_NAME})`, 'i');
const PARAMETER = /The secret of KeyVault parameter '([^'\s]{1,128})' cannot be retrieved/;
const STATUS = /Http status code: '([A-Za-z]{1,40})'/;

function refusalOf(block: string): Refusal {
  if (new RegExp(DEPLOY_ACTION.source, 'i').test(block)) return 'deploy-action';
  if (/Access denied to first party service/i.test(block)) return 'first-party';
  const status = STATUS.exec(block)?.[1];
  return status === 'NotFound' ? 'secret-not-found' : 'parameter-read';
}

function extract(block: string): { facts: Facts; details: Details } {
  const facts: Facts = {};
  const details: Details = { message: TEMPLATE_REFUSAL[refusalOf(block)] };
  const objectId = OBJECT_ID.exec(block)?.[1];
  if (objectId) facts.objectId = objectId.toLowerCase();
  const client = CLIENT.exec(block)?.[1];
  if (client && !isMasked(client)) details.callerName = client;
  const vault = VAULT_ID.exec(block);
  if (vault?.[1] && vault[2] && vault[3]) {
    if (!isMasked(vault[3])) facts.vault = vault[3];
    details.subscriptionId = vault[1];
    if (!isMasked(vault[2])) details.resourceGroup = vault[2];
  }
  if (refusalOf(block) === 'deploy-action') facts.action = 'Microsoft.KeyVault/vaults/deploy/action';
  const parameter = PARAMETER.exec(block)?.[1];
  if (parameter && !parameter.includes('*')) details.resource = `template parameter ${parameter}`;
  return { facts, details };
}

export default defineRule({
  meta: {
    id: 'template-deployment',
    title: 'An ARM or Bicep deployment could not read its Key Vault reference',
    description:
      'A template deployment that takes a secret from Key Vault (a parameter-file reference or Bicep getSecret) needs two grants: the vault must allow template deployments (enabledForTemplateDeployment), which is what lets Azure Resource Manager read the secret, and the principal that deploys needs Microsoft.KeyVault/vaults/deploy/action on the vault. The secret itself must exist.',
    severity: 'error',
    since: '0.3.0',
    rank: 30,
    codes: ['KeyVaultParameterReferenceSecretRetrieveFailed'],
    supersedes: ['access-policy', 'rbac', 'forbidden-without-reason'],
    docs: [
      { title: 'Use Azure Key Vault to pass secure parameter value during Bicep deployment', url: 'https://learn.microsoft.com/en-us/azure/azure-resource-manager/bicep/key-vault-parameter' },
      { title: 'Use Azure Key Vault to pass secure parameter value during deployment (ARM templates)', url: 'https://learn.microsoft.com/en-us/azure/azure-resource-manager/templates/key-vault-parameter' },
    ],
  },
  markers: ['KeyVaultParameterReferenceSecretRetrieveFailed', 'vaults/deploy/action', 'VAULTS/DEPLOY/ACTION'],
  match: (window) => findOccurrences(window, { anchor: ANCHOR, extract }),
  explain: explainTemplateDeployment,
});
