/**
 * The subscription and resource group of an ARM id (`/subscriptions/<s>/resourceGroups/<g>/…`),
 * empty where the id has none: every client call is scoped by them.
 */
export function scopeOf(id: string): { readonly subscriptionId: string; readonly resourceGroup: string } {
  const [, , subscriptionId = '', , resourceGroup = ''] = id.split('/');
  return { subscriptionId, resourceGroup };
}
