/** Only tenants on the allow-list may use the bot; others get a polite refusal and nothing else. */
export function tenantAllowed(tenantId: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  return tenantId !== undefined && allowed.includes(tenantId.toLowerCase());
}

export function refusal(tenantId: string | undefined): string {
  const which = tenantId === undefined ? 'this conversation (it names no tenant)' : `your organisation (tenant ${tenantId})`;
  return `Sorry, kvdoctor is not enabled for ${which}. Ask the team that runs this bot to add your tenant to its allow-list.`;
}
