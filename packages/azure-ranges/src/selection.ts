/**
 * The service tags the snapshot keeps: those that name who calls a vault, not all ~2,600 of the
 * weekly file (3.5 MB). Regional AzureCloud tags place a Microsoft-hosted agent or GitHub-hosted
 * runner in its region; AzureDevOps is the service itself reading a vault for a variable group;
 * AzureKeyVault is the vaults' own front ends (an agent's outbound rule needs it).
 */
const SHIPPED = [/^AzureCloud\.[^.]+$/, /^AzureDevOps(\.[^.]+)?$/, /^AzureKeyVault(\.[^.]+)?$/];

export const SELECTION = 'AzureCloud.<region>, AzureDevOps, AzureDevOps.<region>, AzureKeyVault, AzureKeyVault.<region>';

export function isShipped(tagName: string): boolean {
  return SHIPPED.some((pattern) => pattern.test(tagName));
}
