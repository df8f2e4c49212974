import { accessPolicyCommands } from '../../fixes/access-policy-grant';
import { az } from '../../fixes/az';
import { KEY_VAULT_ROLES } from '../../fixes/key-vault-roles';
import { principalOf } from '../../fixes/principal';
import { sh, value } from '../../fixes/quote';
import { roleAssignmentCommands } from '../../fixes/role-assignment';
import { vaultResourceId } from '../../fixes/vault-id';
import type { Fix } from '../../report/schema';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';

export function explainServiceConnection({ facts, details }: ExplainInput): Explanation {
  const vault = value(facts.vault, 'vault-name');
  const vaultId = vaultResourceId(facts, details);
  const principal = principalOf(facts);
  const variableGroup = details.via === 'variable-group';

  const summary = variableGroup
    ? `Azure DevOps could not read Key Vault ${vault.text} for a variable group and blamed the service connection's "Get, List" permissions; it shows this banner for any refusal, including the vault firewall refusing the Azure DevOps service.`
    : `Azure DevOps' Key Vault task asked for "Get, List" permissions on ${vault.text}, but it adds that sentence to every HTTP 403: the refusal itself (firewall, Azure RBAC or access policy) is the message before it.`;

  const causes: string[] = [];
  if (variableGroup) {
    causes.push(
      'The Library reads the vault from the Azure DevOps service itself (from its organisation geography\'s addresses), not from an agent: a vault firewall refuses it unless those ranges are allowed; clicking "Authorize" then fails with TF400898, and the browser\'s network tab shows the real "Failed to query service connection API" response.',
    );
  } else {
    causes.push(
      'The AzureKeyVault task appends "needs to have Get, List secret management permissions" to every 403 from Key Vault, whatever refused it; its ProvisionKeyVaultPermissions.ps1 only sets an access policy (Get, List on secrets), which does nothing on a vault that uses Azure RBAC and nothing against a firewall.',
    );
  }
  causes.push('The vault uses Azure RBAC and the service connection\'s service principal has no Key Vault Secrets User role on it (Contributor and Owner grant no data access).');
  causes.push('The vault uses access policies and no entry gives the service connection\'s service principal Get and List on secrets.');
  causes.push(
    variableGroup
      ? 'The vault firewall does not allow your Azure DevOps organisation\'s geography inbound IP ranges (the agent that later runs the pipeline needs its own access too).'
      : 'The vault firewall or private endpoint does not admit the agent that ran the task (hosted agents change address and are not trusted services).',
  );

  const fixes: Fix[] = [
    {
      title: `See what actually refused the request to ${vault.text}`,
      steps: [
        variableGroup
          ? 'Open the browser developer tools on the variable group page, click Authorize, and read the "errorMessage" of the service-connection query: it carries Key Vault\'s own text.'
          : 'Read the text the task printed before "The specified Azure service connection…": it is Key Vault\'s own message (run kvdoctor on the whole log).',
        'rbac true means only role assignments count; networkAcls and publicNetworkAccess show whether the firewall can refuse the caller.',
      ],
      commands: [{ tool: 'az', text: az.showNetwork(vault) }],
    },
    {
      title: `Azure RBAC vault: grant ${KEY_VAULT_ROLES.secretsUser.name} to the service connection`,
      steps: [
        'Find the service connection\'s app id: Project settings → Service connections → the connection → Manage App registration (or "Manage service connection roles").',
        `Key vault ${vault.text} → Access control (IAM) → Add role assignment → ${KEY_VAULT_ROLES.secretsUser.name} → the service principal → Review + assign; allow up to 10 minutes.`,
      ],
      commands: roleAssignmentCommands(KEY_VAULT_ROLES.secretsUser, principal, vaultId, vault),
    },
    {
      title: 'Access-policy vault: give the service connection Get and List on secrets',
      steps: [`Key vault ${vault.text} → Access policies → Create → Secret permissions Get, List → the service principal → Review + create.`],
      commands: accessPolicyCommands(vault, vaultId, principal, { kind: 'secret', permissions: ['get', 'list'] }),
    },
    {
      title: `Let the caller through ${vault.text}'s network rules`,
      steps: variableGroup
        ? [
            'Azure DevOps → Organization settings → Overview: note the geography, then add its published inbound IPv4 ranges to the vault firewall (for the United States, every US region).',
            'The agent that runs the pipeline needs access too: its public address, a virtual-network rule, or a private endpoint.',
          ]
        : [
            'Allow the agent\'s address (self-hosted) or run the job on an agent inside a virtual network that reaches the vault through a private endpoint; hosted agents are not trusted services.',
          ],
      commands: [{ tool: 'az', text: `az keyvault network-rule list --name ${sh(vault)}` }],
    },
  ];
  return { summary, causes, fixes };
}
