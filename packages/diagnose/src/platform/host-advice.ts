import { az } from '../fixes/az';
import { privateLink } from '../fixes/private-link';
import { value, type Value } from '../fixes/quote';
import { trustedServicesFix } from '../fixes/trusted-services';
import type { DocLink, Facts, Fix, Platform } from '../report/schema';

/**
 * What changes when the refused call was made by a hosting service with its own identity and
 * network path (the CSI driver, an App Service reference, a linked service, a secret scope): who
 * the caller is, how to grant it, and what admits it through the vault's network rules. Each
 * statement follows the Microsoft page listed in HOST_DOCS for that host.
 */
export interface HostAdvice {
  /** The cause naming the identity this host calls the vault with. */
  readonly caller: string;
  /**
   * Finds that identity and grants it the read it needs, in either permission model; the caller's
   * app id or object id from the message, when stated, replaces the placeholder.
   */
  grant(vault: Value, scope: Value, caller: Pick<Facts, 'appId' | 'objectId'>): Fix;
  /** Why the vault's network refuses this host, and what admits it; `privateOnly` when public access is disabled. */
  network(vault: Value, privateOnly: boolean): { readonly cause: string; readonly fix: Fix };
  /** Whose DNS resolves the vault's name, where that differs from the job's own (the CSI provider uses the node's). */
  readonly resolver?: string;
}

type KnownHost = Exclude<NonNullable<Platform['host']>, 'unknown'>;

const CSI_IDENTITY: DocLink = {
  title: 'Connect your Azure identity provider to the Key Vault Secrets Store CSI Driver in AKS',
  url: 'https://learn.microsoft.com/en-us/azure/aks/csi-secrets-store-identity-access',
};
const CSI_TROUBLESHOOTING: DocLink = {
  title: 'Troubleshoot the Azure Key Vault Provider for Secrets Store CSI Driver',
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/azure-kubernetes/extensions/troubleshoot-key-vault-csi-secrets-store-csi-driver',
};
const REFERENCES: DocLink = { title: 'Use Key Vault references for App Service and Azure Functions', url: 'https://learn.microsoft.com/en-us/azure/app-service/app-service-key-vault-references' };

/** Each host's Microsoft pages: who calls the vault there, and how it gets through the vault's network. */
const HOST_PAGES: Readonly<Record<KnownHost, readonly DocLink[]>> = {
  'aks-csi-driver': [CSI_IDENTITY, CSI_TROUBLESHOOTING],
  'app-service': [REFERENCES],
  functions: [REFERENCES],
  'data-factory': [
    { title: 'Store credentials in Azure Key Vault (Data Factory and Synapse)', url: 'https://learn.microsoft.com/en-us/azure/data-factory/store-credentials-in-key-vault' },
    { title: 'Azure integration runtime IP addresses', url: 'https://learn.microsoft.com/en-us/azure/data-factory/azure-integration-runtime-ip-addresses' },
  ],
  synapse: [{ title: 'Synapse managed private endpoints', url: 'https://learn.microsoft.com/en-us/azure/synapse-analytics/security/synapse-workspace-managed-private-endpoints' }],
  databricks: [{ title: 'Azure Databricks secret scopes (Azure Key Vault-backed)', url: 'https://learn.microsoft.com/en-us/azure/databricks/security/secrets/secret-scopes' }],
};

/** The hosts' pages, for the docs of every family whose advice changes with the host. */
export const HOST_DOCS: readonly DocLink[] = [...new Map(Object.values(HOST_PAGES).flatMap((pages) => pages.map((d) => [d.url, d] as const))).values()];

/** The CSI driver's pages, for a family whose advice changes only there (aad). */
export const CSI_DOCS: readonly DocLink[] = HOST_PAGES['aks-csi-driver'];
/** The Key Vault references page (App Service and Functions). */
export const REFERENCES_DOCS: readonly DocLink[] = HOST_PAGES['app-service'];

/**
 * A finding lists the pages of the host its log came from, not every host's: a Terraform firewall
 * refusal needs no Databricks page. Without a log (`explain`, the rule docs) every page stays.
 */
export function docsForHost(docs: readonly DocLink[], platform: Platform): DocLink[] {
  const own = new Set(platform.host === undefined || platform.host === 'unknown' ? [] : HOST_PAGES[platform.host].map((d) => d.url));
  const hostUrls = new Set(HOST_DOCS.map((d) => d.url));
  return docs.filter((d) => !hostUrls.has(d.url) || own.has(d.url));
}

const P = (name: string): Value => value(undefined, name);

/** Grant commands for one principal, in both permission models (the vault's model decides which applies). */
function grantCommands(vault: Value, scope: Value, principal: Value, flag: '--spn' | '--object-id'): Fix['commands'] {
  return [
    { tool: 'az', text: az.roleAssign('Key Vault Secrets User', principal, scope) },
    { tool: 'az', text: az.setPolicy(vault, flag, principal, 'secret', ['get', 'list']) },
  ];
}

const trustedNote = (service: string): string =>
  `${service} is on Key Vault's trusted-services list: with bypass AzureServices it passes the firewall and a vault with public access disabled; its identity still needs the read permission.`;

function trustedNetwork(service: string, vault: Value, privateOnly: boolean): { cause: string; fix: Fix } {
  return {
    cause: `${service} is a trusted Microsoft service: it passes the vault's network rules${privateOnly ? ', and a vault with public network access disabled,' : ''} only when the vault lets trusted services through (bypass AzureServices).`,
    fix: trustedServicesFix(vault, undefined, trustedNote(service)),
  };
}

const CSI: HostAdvice = {
  resolver:
    "The CSI driver's provider runs on the node's host network and resolves the vault name with the node's DNS: the privatelink.vaultcore.azure.net zone needs a virtual network link to the AKS cluster's virtual network (and peering to the endpoint's network), or the nodes resolve the vault to its public address.",
  caller:
    "The Secrets Store CSI driver's Azure provider calls the vault as the identity its SecretProviderClass names, not as your application: with workload identity, the identity whose client ID is in `clientID` (federated with the pod's service account); with `useVMManagedIdentity: \"true\"`, the node identity whose client ID is in `userAssignedIdentityID` (the add-on's azurekeyvaultsecretsprovider identity or the kubelet identity).",
  grant: (vault, scope, caller) => ({
    title: `Grant the SecretProviderClass identity access to ${vault.text}`,
    steps: [
      'Read the SecretProviderClass: `clientID` (workload identity) or `userAssignedIdentityID` (with `useVMManagedIdentity: "true"`) is the identity that calls the vault; `keyvaultName` must be this vault, `tenantId` the vault\'s tenant, and every `objects` entry an existing objectName with objectType secret, key or cert.',
      'Grant that client ID Key Vault Secrets User for secrets (Key Vault Certificate User for keys and certificates) on an RBAC vault, or an access policy with get on a vault that uses access policies.',
    ],
    commands: [
      { tool: 'bash', text: 'kubectl get secretproviderclass <secretproviderclass-name> --namespace <namespace> --output yaml' },
      { tool: 'az', text: 'az aks show --resource-group <resource-group> --name <cluster-name> --query addonProfiles.azureKeyvaultSecretsProvider.identity.clientId --output tsv' },
      { tool: 'az', text: 'az aks show --resource-group <resource-group> --name <cluster-name> --query identityProfile.kubeletidentity.clientId --output tsv' },
      { tool: 'az', text: az.roleAssign('Key Vault Secrets User', value(caller.appId, 'client-id'), scope) },
      { tool: 'az', text: az.setPolicy(vault, '--spn', value(caller.appId, 'client-id'), 'secret', ['get']) },
    ],
  }),
  network: (vault, privateOnly) => ({
    cause: privateOnly
      ? "The CSI driver's provider runs on the node's host network: the nodes must reach the vault's private endpoint (the privatelink.vaultcore.azure.net zone linked to the AKS virtual network, and peering when the endpoint is in another one); AKS is not a trusted service."
      : "The CSI driver's provider runs on the node's host network: the vault sees the nodes' subnet or the cluster's outbound address, and AKS is not a trusted service, so only a rule for that subnet or address, or a private endpoint, admits it.",
    fix: {
      title: `Let the AKS nodes reach ${vault.text}`,
      steps: privateOnly
        ? ['Link the privatelink.vaultcore.azure.net zone to the AKS virtual network and peer it with the endpoint\'s network; from a node, the vault name must resolve to a private address.']
        : [
            'Enable the Microsoft.KeyVault service endpoint on the node pool subnet and add that subnet to the vault\'s virtual-network rules, or give the vault a private endpoint the nodes can resolve and route to.',
          ],
      commands: [
        { tool: 'az', text: 'az aks show --resource-group <resource-group> --name <cluster-name> --query "agentPoolProfiles[].vnetSubnetId" --output tsv' },
        ...(privateOnly ? [] : [{ tool: 'az' as const, text: az.networkRuleAddSubnet(vault, P('node-subnet-resource-id')) }]),
      ],
    },
  }),
};

function appService(cli: 'webapp' | 'functionapp', kind: string): HostAdvice {
  return {
    caller: `A Key Vault reference of the ${kind} is resolved with the app's system-assigned managed identity, or with the user-assigned identity whose resource ID is in the app's \`keyVaultReferenceIdentity\`: that identity lacks Get on secrets.`,
    grant: (vault, scope, caller) => ({
      title: `Grant the ${kind}'s managed identity access to ${vault.text}`,
      steps: [
        'Grant the identity that resolves references Key Vault Secrets User on an RBAC vault, or Get on secrets in an access policy; a user-assigned identity is used only when `keyVaultReferenceIdentity` holds its resource ID.',
      ],
      commands: [
        { tool: 'az', text: `az ${cli} identity show --resource-group <resource-group> --name <app-name> --query principalId --output tsv` },
        { tool: 'az', text: `az ${cli} show --resource-group <resource-group> --name <app-name> --query keyVaultReferenceIdentity --output tsv` },
        ...grantCommands(vault, scope, value(caller.objectId, 'principal-id'), '--object-id'),
      ],
    }),
    network: (vault, privateOnly) => ({
      cause: `App Service is not a trusted service for Key Vault references, and the vault should admit the ${kind}'s virtual network rather than its public outbound addresses (the origin of the secret request can differ): without virtual network integration and a ${privateOnly ? 'private endpoint' : 'rule or private endpoint'} for that network, the vault's network rules refuse the app.`,
      fix: {
        title: `Reach ${vault.text} through the app's virtual network`,
        steps: [
          `Integrate the app with a virtual network, then ${privateOnly ? 'give the vault a private endpoint that network resolves and routes to' : 'admit its integration subnet (Microsoft.KeyVault service endpoint) in the vault\'s virtual-network rules, or use a private endpoint'}.`,
          'Linux apps that reach a private endpoint must route all traffic through the virtual network (vnetRouteAllEnabled); Windows containers cannot resolve references over virtual network integration.',
        ],
        commands: [
          { tool: 'az', text: `az ${cli} vnet-integration add --resource-group <resource-group> --name <app-name> --vnet <vnet-name> --subnet <integration-subnet-name>` },
          ...(privateOnly ? [] : [{ tool: 'az' as const, text: az.networkRuleAddSubnet(vault, P('integration-subnet-resource-id')) }]),
          { tool: 'az', text: `az webapp config set --resource-group <resource-group> --name <app-name> --generic-configurations '{"vnetRouteAllEnabled": true}'` },
        ],
      },
    }),
  };
}

/** A data service's own managed identity (a factory's, a workspace's): look its object id up, then grant it. */
function serviceIdentityGrant(owner: string, step: string, lookup: string): HostAdvice['grant'] {
  return (vault, scope, caller) => ({
    title: `Grant the ${owner} managed identity access to ${vault.text}`,
    steps: [step],
    commands: [{ tool: 'az', text: lookup }, ...grantCommands(vault, scope, value(caller.objectId, 'principal-id'), '--object-id')],
  });
}

const DATA_FACTORY: HostAdvice = {
  caller:
    "Data Factory (and a Synapse pipeline, which runs the same engine) reads linked-service secrets as the factory's or workspace's managed identity (the 'Managed Identity Object ID' on the Azure Key Vault linked service page), not as the person who created the linked service: it needs Get and List on secrets.",
  grant: serviceIdentityGrant(
    "factory's",
    "Grant the factory's (or Synapse workspace's) managed identity Get and List on secrets in an access policy, or Key Vault Secrets User on an RBAC vault.",
    'az datafactory show --resource-group <resource-group> --name <factory-name> --query identity.principalId --output tsv',
  ),
  network: (vault, privateOnly) => {
    const trusted = trustedNetwork('Azure Data Factory', vault, privateOnly);
    return {
      // The self-hosted runtime's place is from the Data Factory team's answer quoted in
      // MicrosoftDocs/azure-docs#119969: since 2023 its managed identity tokens no longer pass the bypass.
      cause: `${trusted.cause} Data Factory is trusted only for fetching linked-service credentials, and only from its Azure integration runtime: a self-hosted integration runtime is not a trusted service, and a Web activity or other direct call to the vault's REST API is an ordinary client of the vault.`,
      fix: {
        ...trusted.fix,
        steps: [
          ...trusted.fix.steps,
          "For a Web activity or any other direct call on the Azure integration runtime: run it in a managed virtual network with a managed private endpoint to the vault, or add the Azure integration runtime's IP addresses (service tag DataFactory.<region>) to the vault's IP rules.",
          "On a self-hosted integration runtime: admit the machine's outbound public address in the vault's IP rules, or give its network a private endpoint to the vault.",
        ],
      },
    };
  },
};

const SYNAPSE: HostAdvice = {
  caller:
    "A Synapse linked service reads the vault as the workspace's managed identity, not as the signed-in user: it needs Get and List on secrets.",
  grant: serviceIdentityGrant(
    "workspace's",
    "Grant the Synapse workspace's managed identity Get and List on secrets in an access policy, or Key Vault Secrets User on an RBAC vault.",
    'az synapse workspace show --resource-group <resource-group> --name <workspace-name> --query identity.principalId --output tsv',
  ),
  network: (vault) => ({
    cause:
      "Synapse is a trusted service for Key Vault only for customer-managed-key encryption, not for reading linked-service secrets: from a workspace with a managed virtual network, the vault is reached through a managed private endpoint.",
    fix: {
      title: `Reach ${vault.text} through a Synapse managed private endpoint`,
      steps: [
        'Managed private endpoints exist only in workspaces with a managed virtual network: in Synapse Studio → Manage → Managed private endpoints, create one for the vault.',
        'It starts Pending: the vault\'s owner approves the connection on the vault before traffic flows.',
      ],
      commands: [{ tool: 'az', text: privateLink.connections(vault) }],
    },
  }),
};

const DATABRICKS: HostAdvice = {
  caller:
    'An Azure Key Vault-backed secret scope reads the vault as the AzureDatabricks first-party application, not as the notebook user or a cluster identity: creating the scope grants that application Get and List through access policies (even on a vault that uses Azure RBAC), and creating it needs Contributor or Owner on the vault.',
  grant: (vault, scope, caller) => ({
    title: `Grant the AzureDatabricks application access to ${vault.text}`,
    steps: [
      'Recreate the scope as a user with Contributor or Owner on the vault, or grant the AzureDatabricks application Get and List on secrets yourself; on a vault that uses Azure RBAC, assign it Key Vault Secrets User.',
    ],
    commands: [
      { tool: 'az', text: 'az ad sp list --display-name AzureDatabricks --query "[0].id" --output tsv' },
      ...grantCommands(vault, scope, value(caller.objectId, 'azuredatabricks-object-id'), '--object-id'),
    ],
  }),
  network: (vault, privateOnly) => trustedNetwork('Azure Databricks', vault, privateOnly),
};

const ADVICE: Readonly<Record<KnownHost, HostAdvice>> = {
  'aks-csi-driver': CSI,
  'app-service': appService('webapp', 'App Service app'),
  functions: appService('functionapp', 'function app'),
  'data-factory': DATA_FACTORY,
  synapse: SYNAPSE,
  databricks: DATABRICKS,
};

/** The advice for the host the log came from, or undefined when no host was detected. */
export function hostAdvice(platform: Platform): HostAdvice | undefined {
  return platform.host === undefined || platform.host === 'unknown' ? undefined : ADVICE[platform.host];
}
