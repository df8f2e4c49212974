/*
 * Resource ids are split by hand: no Azure SDK package here (@azure/arm-keyvault, arm-authorization,
 * arm-network, core-client, core-rest-pipeline) exports a resource-id parser.
 */

/**
 * The subscription and resource group of an ARM id (`/subscriptions/<s>/resourceGroups/<g>/…`),
 * empty where the id has none: every client call is scoped by them.
 */
export function scopeOf(id: string): { readonly subscriptionId: string; readonly resourceGroup: string } {
  const [, , subscriptionId = '', , resourceGroup = ''] = id.split('/');
  return { subscriptionId, resourceGroup };
}

/** The last segment of an ARM id: the resource's name (or a role definition's GUID). */
export function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
