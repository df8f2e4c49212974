import type { Details, Fix } from '../../report/schema';
import { entra } from './commands';
import { forCi, type FixContext } from './fix-context';

// The Key Vault resource (audience) of each cloud; a token for any other name is refused.
const VAULT_RESOURCE: Readonly<Record<NonNullable<Details['cloud']>, string>> = {
  public: 'https://vault.azure.net',
  usgov: 'https://vault.usgovcloudapi.net',
  china: 'https://vault.azure.cn',
  germany: 'https://vault.microsoftazure.de',
};

const AZ_CLOUD: Readonly<Record<NonNullable<Details['cloud']>, string>> = {
  public: 'AzureCloud',
  usgov: 'AzureUSGovernment',
  china: 'AzureChinaCloud',
  germany: 'AzureGermanCloud',
};

export function tenantNotFoundFixes(ctx: FixContext): Fix[] {
  const authority = ctx.hints.authority;
  return [
    {
      title: 'Use the tenant id of the app, in the app\'s cloud',
      steps: [
        'Where you can sign in, print the tenant id and compare it with the one the pipeline uses (GitHub AZURE_TENANT_ID / `tenant-id`, the service connection\'s Tenant Id, GitLab AZURE_TENANT_ID).',
        authority !== undefined
          ? `The login went to ${authority}: if the tenant lives in another cloud, select that cloud before logging in (azure/login: \`environment:\`).`
          : 'A tenant of Azure Government or Azure operated by 21Vianet is found only through its own cloud: select it before logging in (azure/login: `environment:`).',
      ],
      commands: [
        { tool: 'az', text: entra.tenantOfSubscription() },
        { tool: 'az', text: 'az cloud show --query name --output tsv' },
      ],
    },
  ];
}

export function conditionalAccessFixes(ctx: FixContext): Fix[] {
  const id = ctx.facts.correlationId;
  return [
    {
      title: 'Find the Conditional Access policy that blocked the sign-in',
      steps: [
        `Microsoft Entra admin center → Sign-in logs → Service principal sign-ins (or User sign-ins)${id !== undefined ? `, filter by correlation ID ${id}` : ''}: the Conditional Access tab names the policy.`,
        'A location policy must list the runner\'s egress addresses; hosted runners change address, so exclude the workload identity from the policy or run the job on a self-hosted runner with a fixed address.',
      ],
      commands: [],
    },
  ];
}

export function mfaFixes(ctx: FixContext): Fix[] {
  return [
    {
      title: 'Log the pipeline in as a workload identity, not a user',
      steps: [
        'A job cannot complete multifactor authentication: use a service principal or managed identity, ideally with workload identity federation.',
        ...(forCi(ctx, 'github-actions') ? ['GitHub: azure/login with `client-id`, `tenant-id`, `subscription-id` and `permissions: id-token: write`.'] : []),
        ...(forCi(ctx, 'azure-devops') ? ['Azure DevOps: an Azure Resource Manager service connection using workload identity federation.'] : []),
      ],
      commands: [],
    },
  ];
}

export function userFixes(ctx: FixContext): Fix[] {
  const directory = ctx.hints.directory;
  return [
    {
      title: ctx.code === 'AADSTS50126' ? 'Stop logging the pipeline in with a user password' : 'Sign in to the tenant the account belongs to',
      steps: [
        ctx.code === 'AADSTS50126'
          ? 'For a service principal, log in with `az login --service-principal --username <app-id> --tenant <tenant-id>` and its secret, certificate or federated token; user passwords fail for federated (ADFS) and MFA accounts.'
          : `The account is not in ${directory !== undefined ? `the directory '${directory}'` : 'that directory'}: use the account's own tenant id, or have an administrator invite it as a guest.`,
        'Pipelines should use a service principal or managed identity rather than a person\'s account.',
      ],
      commands: [{ tool: 'az', text: entra.tenantOfSubscription() }],
    },
  ];
}

export function resourceFixes(ctx: FixContext): Fix[] {
  const resource = ctx.details.resource ?? '';
  const cloud = ctx.details.cloud ?? 'public';
  const right = VAULT_RESOURCE[cloud];
  if (resource.includes('privatelink.vaultcore')) {
    const vault = ctx.facts.vault ?? '<vault-name>';
    // Not a DNS fix: the name resolved, and only the resource the token was asked for was wrong.
    return [{
      title: `Request the token for ${right}, not for the private-link name`,
      steps: [
        `Clients derive the token resource from the vault URL: call the vault by its public name (https://${vault}.vault.azure.net in Azure's public cloud), not by its privatelink name, or set the resource to ${right} (scope ${right}/.default) where the tool takes one.`,
        "Nothing in DNS needs to change for this error: with the privatelink.vaultcore.azure.net zone linked to the network, the public name already resolves to the private endpoint's address.",
      ],
      commands: [{ tool: 'az', text: entra.vaultToken(right) }],
    }];
  }
  const fixes: Fix[] = [];
  if (resource.includes('microsoftazure.us')) {
    fixes.push({
      title: 'Upgrade the azurerm provider to 3.3.0 or later',
      steps: ['azurerm 3.0-3.2 asked US Government for https://vault.microsoftazure.us; 3.3.0 asks for https://vault.usgovcloudapi.net.'],
      commands: [{ tool: 'terraform', text: ['terraform {', '  required_providers {', '    azurerm = {', '      source  = "hashicorp/azurerm"', '      version = ">= 3.3.0"', '    }', '  }', '}'].join('\n') }],
    });
  }
  fixes.push({
    title: `Request the Key Vault resource of the ${AZ_CLOUD[cloud]} cloud`,
    steps: [`The Key Vault resource is ${right} (scope ${right}/.default); pass it, not a vault URL, where a tool asks for a resource or scope, and log in to the cloud the vault is in.`],
    commands: [
      { tool: 'az', text: entra.cloudSet(AZ_CLOUD[cloud]) },
      { tool: 'az', text: entra.vaultToken(right) },
    ],
  });
  return fixes;
}
