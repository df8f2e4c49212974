import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { objectCommands, objectKind } from '../../fixes/object-commands';
import { sh, value } from '../../fixes/quote';

export function explainDisabledObject({ facts, details }: ExplainInput): Explanation {
  const kind = objectKind(facts.objectType);
  const vault = value(facts.vault, 'vault-name');
  const name = value(facts.objectName, `${kind}-name`);
  const what = facts.objectName ? `${kind} ${facts.objectName}` : `the ${kind}`;
  const where = facts.vault ? `Key Vault ${facts.vault}` : 'The key vault';

  const summary = `${where} refused to return ${what}: it is disabled (enabled = false on the object or on the version asked for), so no caller can read it until it is enabled again.`;

  const taskNote =
    "AzureKeyVault@2 with SecretsFilter '*' silently skips disabled and expired secrets (its log says \"Number of enabled and unexpired secrets found\"), so such a job fails later on an undefined $(variable); naming the secret in SecretsFilter fails with this error instead, and the task's \"needs Get, List permissions\" suffix is misleading here.";
  const base = [
    `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} was disabled on purpose (rotation, a suspected leak, retiring it) or by an automation; Key Vault returns nothing for a disabled version to anyone, so permissions and network are not the problem.`,
    'Only the version the reference resolves to is disabled: the current version when the reference has no version, or the version pinned in the secret URI; an older or newer enabled version may exist.',
    `A tool that lists the vault and then reads every item (ansible azure_rm_keyvaultsecret_info, Get-AzKeyVaultSecret -IncludeVersions before Az.KeyVault 3.4.3, inventory scripts) stops at the first disabled ${kind} even when you did not ask for it.`,
  ];
  // The task's own behaviour explains a task log best; elsewhere it is a side note for pipeline users.
  const causes = details.via === 'azure-key-vault-task' ? [taskNote, ...base] : [...base, taskNote];

  const fixes: Fix[] = [
    {
      title: `Enable ${what} in ${facts.vault ?? 'the vault'}`,
      steps: [
        'Ask the owner why it was disabled before enabling it: disabling is often an incident-response or rotation step.',
        'To enable a single version, add --version <version> (az) or -Version <version> (PowerShell).',
      ],
      commands: [
        { tool: 'az', text: objectCommands.enable(kind, vault, name) },
        { tool: 'powershell', text: objectCommands.enablePs(kind, vault, name) },
      ],
    },
    {
      title: 'Reference an enabled version instead',
      steps: [
        `List the versions with their enabled flag and point the reference (a ${kind} URI with a version, a Terraform data source, an App Service @Microsoft.KeyVault reference) at an enabled one, or store a new current value.`,
      ],
      commands: [{ tool: 'az', text: objectCommands.listVersions(kind, vault, name) }],
    },
    {
      title: `Skip disabled ${kind}s when listing`,
      steps: [`Filter listings on attributes.enabled before reading values, and update tools that read every ${kind} (Az.KeyVault 3.4.3 or later skips disabled versions).`],
      commands: [{ tool: 'az', text: `az keyvault ${kind} list --vault-name ${sh(vault)} --query "[?attributes.enabled].name" -o tsv` }],
    },
  ];
  return { summary, causes, fixes };
}
