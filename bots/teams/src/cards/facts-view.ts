import { azureOwnerName, type ClientIpClass, type ClientIpOwner, type CommandTool, type Details, type Facts, type Finding } from '@kvdoctor/diagnose';

/** Fact rows for a card, in the order an engineer reads them: who, where, what, when. */
const CLASS_LABEL: Record<ClientIpClass, string> = {
  'public-ipv4': 'public IPv4',
  'private-ipv4': 'private IPv4: came through a virtual network',
  cgnat: 'carrier-grade NAT range',
  loopback: 'loopback',
  'link-local': 'link-local',
  'reserved-ipv4': 'reserved IPv4',
  'public-ipv6': 'public IPv6: IP rules take IPv4 only',
  'private-ipv6': 'private IPv6',
};

function ownerLabel(owner: ClientIpOwner | undefined): string | undefined {
  if (owner === undefined || owner.kind === 'unknown') return undefined;
  if (owner.kind === 'azure-devops') return `Azure DevOps, ${owner.geography} geography (${owner.range})`;
  return `${azureOwnerName(owner)}, range ${owner.range}, service tags of ${owner.asOf}`;
}

export function clientIpText(facts: Facts): string | undefined {
  if (facts.clientIp === undefined) return undefined;
  const notes = [facts.clientIpClass === undefined ? undefined : CLASS_LABEL[facts.clientIpClass], ownerLabel(facts.clientIpOwner)].filter(
    (n): n is string => n !== undefined,
  );
  return notes.length === 0 ? facts.clientIp : `${facts.clientIp} (${notes.join('; ')})`;
}

export function callerText(facts: Facts, details: Details): string | undefined {
  const parts = [
    details.callerName,
    facts.appId === undefined ? undefined : `app ${facts.appId}`,
    facts.objectId === undefined ? undefined : `object ${facts.objectId}`,
    facts.tenantId === undefined ? undefined : `tenant ${facts.tenantId}`,
  ].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : parts.join(', ');
}

function errorText(facts: Facts): string | undefined {
  const parts = [facts.httpStatus?.toString(), facts.errorCode, facts.innerErrorCode].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : parts.join(' · ');
}

const VIA_LABEL: Record<NonNullable<Details['via']>, string> = {
  'variable-group': 'Azure DevOps variable group (read by the Azure DevOps service)',
  'azure-key-vault-task': 'AzureKeyVault pipeline task',
  terraform: 'Terraform',
  'az-cli': 'Azure CLI',
  powershell: 'Azure PowerShell',
  sdk: 'Azure SDK',
  'gitlab-secrets': 'GitLab CI secrets',
  portal: 'Azure portal',
};

export function linesText(finding: Finding, source: string | undefined): string {
  const lines = [...new Set(finding.evidence.map((e) => e.line))].sort((a, b) => a - b).join(', ');
  const times = finding.count > 1 ? ` (seen ${finding.count} times)` : '';
  return `${source === undefined ? '' : `${source}: `}${lines}${times}`;
}

function vaultText(facts: Facts): string | undefined {
  return facts.vault === undefined ? undefined : facts.location === undefined ? facts.vault : `${facts.vault} (${facts.location})`;
}

/** The caller in a few words for the collapsed card: its name, else its app id. */
function shortCaller(facts: Facts, details: Details): string | undefined {
  return details.callerName ?? (facts.appId === undefined ? undefined : `app ${facts.appId}`);
}

/**
 * The facts that decide the fix, for the collapsed card (at most five): where, who, what. An
 * action or AADSTS code says more than an HTTP status, so the status shows only without them.
 */
export function keyFactRows(finding: Finding): (readonly [string, string | undefined])[] {
  const { facts, details } = finding;
  const what: readonly [string, string | undefined] =
    facts.action !== undefined ? ['Action', facts.action] : facts.aadCode !== undefined ? ['AADSTS', facts.aadCode] : ['Error', errorText(facts)];
  return [['Vault', vaultText(facts)], ['Client IP', clientIpText(facts)], ['Caller', shortCaller(facts, details)], what];
}

/** Rows for a FactSet; absent facts are left out by the builder. */
export function factRows(finding: Finding, source: string | undefined): (readonly [string, string | undefined])[] {
  const { facts, details } = finding;
  return [
    ['Client IP', clientIpText(facts)],
    ['Vault', vaultText(facts)],
    ['Caller', callerText(facts, details)],
    ['Action', facts.action],
    ['Error', errorText(facts)],
    ['AADSTS', facts.aadCode],
    ['Object', facts.objectName === undefined ? undefined : `${facts.objectType ?? 'object'} ${facts.objectName}`],
    ['Through', details.via === undefined ? undefined : VIA_LABEL[details.via]],
    ['Lines', linesText(finding, source)],
  ];
}

const TOOL_LABEL: Record<CommandTool, string> = {
  az: 'Azure CLI',
  powershell: 'PowerShell',
  bicep: 'Bicep',
  terraform: 'Terraform',
  'azure-pipelines': 'Azure Pipelines YAML',
  'github-actions': 'GitHub Actions YAML',
  'gitlab-ci': 'GitLab CI YAML',
  bash: 'bash',
};

export function toolLabel(tool: CommandTool): string {
  return TOOL_LABEL[tool];
}
