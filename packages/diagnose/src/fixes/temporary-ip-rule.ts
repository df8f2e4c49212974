import type { Fix, Platform } from '../report/schema';
import { sh, type Value } from './quote';

const IP_ECHO = 'https://api.ipify.org';

/**
 * The "open the firewall for this run only" pair users have asked for since 2019: add the runner's
 * address before the vault is read and always remove it afterwards, in the CI's own syntax.
 */
export function temporaryIpRuleFix(vault: Value, platform: Platform): Fix {
  const v = sh(vault);
  const ado = [
    '- task: AzureCLI@2',
    `  displayName: Allow agent IP on ${vault.text}`,
    '  inputs:',
    '    azureSubscription: <service-connection>',
    '    scriptType: bash',
    '    scriptLocation: inlineScript',
    '    inlineScript: |',
    `      AGENT_IP=$(curl -s ${IP_ECHO})`,
    '      echo "##vso[task.setvariable variable=AGENT_IP]$AGENT_IP"',
    `      az keyvault network-rule add --name ${v} --ip-address "$AGENT_IP"`,
    '# … the steps that read the vault …',
    '- task: AzureCLI@2',
    `  displayName: Remove agent IP from ${vault.text}`,
    '  condition: always()',
    '  inputs:',
    '    azureSubscription: <service-connection>',
    '    scriptType: bash',
    '    scriptLocation: inlineScript',
    `    inlineScript: az keyvault network-rule remove --name ${v} --ip-address "$(AGENT_IP)/32"`,
  ].join('\n');
  const github = [
    `- name: Allow runner IP on ${vault.text}`,
    '  id: runner-ip',
    '  run: |',
    `    ip=$(curl -s ${IP_ECHO})`,
    '    echo "ip=$ip" >> "$GITHUB_OUTPUT"',
    `    az keyvault network-rule add --name ${v} --ip-address "$ip"`,
    '# … the steps that read the vault …',
    `- name: Remove runner IP from ${vault.text}`,
    '  if: always()',
    `  run: az keyvault network-rule remove --name ${v} --ip-address "\${{ steps.runner-ip.outputs.ip }}/32"`,
  ].join('\n');
  const gitlab = [
    'before_script:',
    `  - az keyvault network-rule add --name ${v} --ip-address "$(curl -s ${IP_ECHO})"`,
    '# after_script runs in a fresh shell, so it asks for the address again',
    'after_script:',
    `  - az keyvault network-rule remove --name ${v} --ip-address "$(curl -s ${IP_ECHO})/32"`,
  ].join('\n');
  const all = [
    { tool: 'azure-pipelines' as const, text: ado },
    { tool: 'github-actions' as const, text: github },
    { tool: 'gitlab-ci' as const, text: gitlab },
  ];
  const tool = { 'azure-devops': 'azure-pipelines', 'github-actions': 'github-actions', gitlab: 'gitlab-ci', unknown: undefined }[platform.ci];
  const preferred = tool === undefined ? all : all.filter((c) => c.tool === tool);
  return {
    title: `Open ${vault.text}'s firewall to the runner only while the job runs`,
    steps: [
      'Add the runner\'s public address before the steps that read the vault, and always remove it at the end, even when the job fails.',
      'The identity that runs these steps needs permission to change the vault\'s network rules (Key Vault Contributor or Contributor on the vault).',
      'Caveats: a rule can take a short while to apply (retry the first read); each concurrent job adds a rule and the vault allows at most 1000 IPv4 rules; an Azure Policy with a Modify or Deny effect on Key Vault network rules can revert or block the change. Microsoft presents this pattern as a demonstration, not a production design: prefer a self-hosted agent with a private endpoint.',
    ],
    commands: preferred,
  };
}
