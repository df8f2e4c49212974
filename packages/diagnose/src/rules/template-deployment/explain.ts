import { az } from '../../fixes/az';
import { powershell } from '../../fixes/powershell';
import { sh, value, type Value } from '../../fixes/quote';
import { vaultResourceId } from '../../fixes/vault-id';
import type { Fix } from '../../report/schema';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import { type Refusal, refusalIn } from './refusal';

/** The least-privilege role Microsoft's template docs define: the deploy action and nothing else. */
const DEPLOY_ROLE = 'Key Vault resource manager template deployment operator';

function enableTemplateDeployment(vault: Value): Fix {
  return {
    title: `Allow template deployments to read ${vault.text}`,
    steps: [
      'Set enabledForTemplateDeployment on the vault to true: it is what lets Azure Resource Manager read a secret that a parameter file or Bicep getSecret references.',
      'It is a control-plane property: it works whatever the vault\'s network rules, and it grants nothing to any user or pipeline identity.',
    ],
    commands: [
      { tool: 'az', text: `az keyvault update --name ${sh(vault)} --enabled-for-template-deployment true` },
      { tool: 'powershell', text: `Set-AzKeyVaultAccessPolicy -VaultName ${vault.text} -EnabledForTemplateDeployment` },
      { tool: 'bicep', text: 'properties: {\n  enabledForTemplateDeployment: true\n}' },
      { tool: 'terraform', text: 'resource "azurerm_key_vault" "this" {\n  # …\n  enabled_for_template_deployment = true\n}' },
    ],
  };
}

function grantDeployAction(principal: Value, scope: Value, subscription: Value): Fix {
  const definition = JSON.stringify({
    Name: DEPLOY_ROLE,
    IsCustom: true,
    Description: 'Lets you deploy a resource manager template with the access to the secrets in the Key Vault.',
    Actions: ['Microsoft.KeyVault/vaults/deploy/action'],
    NotActions: [],
    DataActions: [],
    NotDataActions: [],
    AssignableScopes: [`/subscriptions/${subscription.text}`],
  });
  return {
    title: `Give the deploying identity Microsoft.KeyVault/vaults/deploy/action on the vault`,
    steps: [
      'The principal that starts the deployment (the pipeline\'s service connection, not Azure Resource Manager) must hold this action at the vault or above. Owner and Contributor include it; the custom role below holds only it.',
      'Create the role once per subscription, then assign it at the vault\'s scope; a new assignment can take a few minutes to apply.',
    ],
    commands: [
      { tool: 'az', text: `az role definition create --role-definition '${definition}'` },
      { tool: 'az', text: az.roleAssign(DEPLOY_ROLE, principal, scope) },
      { tool: 'powershell', text: powershell.roleAssign(DEPLOY_ROLE, '-ObjectId', principal, scope) },
    ],
  };
}

function checkSecret(vault: Value): Fix {
  return {
    title: `Check that the referenced secret exists in ${vault.text} and is enabled`,
    steps: [
      'A parameter reference names the vault by resource id and the secret by name (and optionally a version): a typo, a secret in another vault, or a disabled or expired secret all fail the deployment.',
    ],
    commands: [{ tool: 'az', text: `az keyvault secret list --vault-name ${sh(vault)} --query "[].{name: name, enabled: attributes.enabled, expires: attributes.expires}" --output table` }],
  };
}

const SUMMARY: Readonly<Record<Refusal, (vault: string, who: string) => string>> = {
  'deploy-action': (vault, who) => `${who} may not use Key Vault ${vault} in a deployment: it lacks Microsoft.KeyVault/vaults/deploy/action on the vault.`,
  'first-party': (vault) => `Key Vault ${vault} refused Azure Resource Manager reading a secret for this deployment: the vault does not allow template deployments (enabledForTemplateDeployment is off).`,
  'secret-not-found': (vault) => `The deployment's Key Vault reference names a secret that Key Vault ${vault} does not have.`,
  'parameter-read': (vault) => `Azure Resource Manager could not read the secret of a Key Vault parameter reference from Key Vault ${vault}.`,
};

export function explainTemplateDeployment({ facts, details }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const principal = value(facts.objectId, 'deploying-principal-object-id');
  const subscription = value(details.subscriptionId, 'subscription-id');
  const scope = vaultResourceId(facts, details);
  const refusal = refusalIn(details.message);
  const who = facts.objectId === undefined ? 'The deploying identity' : `The deploying identity (object id ${facts.objectId}${details.callerName === undefined ? '' : `, ${details.callerName}`})`;

  const causes: string[] = [];
  const fixes: Fix[] = [];
  if (refusal === 'deploy-action') {
    causes.push(
      `${who} has no role granting Microsoft.KeyVault/vaults/deploy/action on ${vault.text}: Azure Resource Manager checks it before it reads any secret for the deployment, so a vault's owner decides who may pass its secrets into templates.`,
      'A data-plane grant (an access policy with Get, or Key Vault Secrets User) does not include this control-plane action.',
      'The vault sits in another subscription than the deployment and the identity\'s roles cover only the deployment\'s subscription or resource group.',
    );
    fixes.push(grantDeployAction(principal, scope, subscription), enableTemplateDeployment(vault));
  } else if (refusal === 'secret-not-found') {
    causes.push(
      'The secret name (or version) in the parameter file or getSecret call does not exist in the vault, or names a secret that was deleted.',
      'The reference points at another vault than the one holding the secret (a resource id copied from another environment).',
    );
    fixes.push(checkSecret(vault));
  } else {
    causes.push(`${vault.text} has enabledForTemplateDeployment off: Key Vault then refuses Azure Resource Manager, a first-party service, whatever the deploying identity may do.`);
    if (refusal === 'parameter-read') {
      causes.push(
        'The secret named by the reference is missing, disabled or in another vault.',
        `${who} lacks Microsoft.KeyVault/vaults/deploy/action on the vault (ARM then refuses before reading).`,
      );
    }
    fixes.push(enableTemplateDeployment(vault), checkSecret(vault));
    if (refusal === 'parameter-read') fixes.push(grantDeployAction(principal, scope, subscription));
  }
  return { summary: SUMMARY[refusal](vault.text, who), causes, fixes };
}
