import { azureOwnerName, type ClientIpOwner, type CommandTool, type Details, type Facts, type Platform, type Report } from '@kvdoctor/diagnose';
import type { Encoding, PartialRead } from '../inputs/result';

const CI_NAMES: Record<Platform['ci'], string | undefined> = {
  'azure-devops': 'Azure DevOps',
  'github-actions': 'GitHub Actions',
  gitlab: 'GitLab CI',
  unknown: undefined,
};

const AGENT_NAMES: Record<Platform['agent'], string | undefined> = {
  'microsoft-hosted': 'Microsoft-hosted agent',
  'github-hosted': 'GitHub-hosted runner',
  'gitlab-hosted': 'GitLab-hosted runner',
  'self-hosted': 'self-hosted agent',
  unknown: undefined,
};

const HOST_NAMES: Record<NonNullable<Platform['host']>, string | undefined> = {
  'aks-csi-driver': 'AKS Secrets Store CSI driver',
  'app-service': 'App Service Key Vault reference',
  functions: 'Azure Functions Key Vault reference',
  'data-factory': 'Data Factory linked service',
  synapse: 'Synapse',
  databricks: 'Databricks secret scope',
  unknown: undefined,
};

function platformLabel(platform: Platform): string | undefined {
  const host = platform.host === undefined ? undefined : HOST_NAMES[platform.host];
  const parts = [CI_NAMES[platform.ci], AGENT_NAMES[platform.agent], host].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  latin1: 'Latin-1 (Windows-1252)',
};

export const TOOL_NAMES: Record<CommandTool, string> = {
  az: 'Azure CLI',
  powershell: 'Azure PowerShell',
  bicep: 'Bicep',
  terraform: 'Terraform',
  'azure-pipelines': 'Azure Pipelines YAML',
  'github-actions': 'GitHub Actions YAML',
  'gitlab-ci': 'GitLab CI YAML',
  bash: 'Bash',
};

/** How a user renews the ranges behind an Azure owner (the download is weekly). */
export const RANGES_REFRESH = 'kvdoctor ranges import ServiceTags_Public_YYYYMMDD.json (https://www.microsoft.com/en-us/download/details.aspx?id=56519)';

function ownerLabel(owner: ClientIpOwner): string | undefined {
  switch (owner.kind) {
    case 'azure-devops':
      return `Azure DevOps ${owner.geography} (${owner.range})`;
    case 'azure':
      return `${azureOwnerName(owner)}, range ${owner.range}`;
    case 'unknown':
      return undefined;
  }
}

/** The facts worth a line, in reading order, with their labels; absent facts are skipped. */
export function factRows(facts: Facts, details: Details): [string, string][] {
  const rows: [string, string | undefined][] = [
    ['Vault', facts.vault === undefined ? undefined : facts.location ? `${facts.vault} (${facts.location})` : facts.vault],
    ['Object', facts.objectName === undefined ? undefined : `${facts.objectType ?? 'object'} ${facts.objectName}`],
    ['Client address', facts.clientIp === undefined ? undefined : facts.clientIpClass ? `${facts.clientIp} (${facts.clientIpClass})` : facts.clientIp],
    ['Address owner', facts.clientIpOwner ? ownerLabel(facts.clientIpOwner) : undefined],
    // Azure's ranges change weekly: the date says how old the answer may be, and how to renew it.
    ['Azure ranges', facts.clientIpOwner?.kind === 'azure' ? `as of ${facts.clientIpOwner.asOf}; refresh: ${RANGES_REFRESH}` : undefined],
    ['Caller app id', facts.appId],
    ['Caller object id', facts.objectId],
    ['Tenant', facts.tenantId],
    ['Action', facts.action],
    ['Error', [facts.httpStatus, facts.errorCode, facts.innerErrorCode].filter((v) => v !== undefined).join(' ') || undefined],
    ['Entra code', facts.aadCode],
    ['Request', facts.requestUrl],
    ['Correlation id', facts.correlationId],
    ['Time', facts.timestamp],
    ['Resource', details.resource],
    ['Role assignment', details.assignment],
    ['Decision', details.decisionReason],
    ['Permission', details.permission],
    ['Trusted-services bypass', details.bypass],
    ['Subnet', details.subnet],
    ['Managed identity', details.managedIdentityResourceId],
    ['Cloud', details.cloud === 'public' ? undefined : details.cloud],
    ['Managed HSM', details.managedHsm === true ? 'yes' : undefined],
    ['Seen in', details.via],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined);
}

/** What the heading of one input says about it: CI, size, how it was decoded, where it stopped, secrets masked. */
export function aboutInput(report: Report, encoding: Encoding, partial: PartialRead | undefined): string[] {
  return [
    platformLabel(report.platform),
    `${report.stats.lines} lines`,
    encoding === 'utf-8' ? undefined : `read as ${ENCODING_NAMES[encoding]}`,
    partial === undefined ? undefined : `read up to byte ${partial.at}, binary after it`,
    report.stats.redactions > 0 ? `${report.stats.redactions} secrets masked` : undefined,
  ].filter((p): p is string => p !== undefined);
}
