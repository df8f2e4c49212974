import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { NetworkManagementClient } from '@azure/arm-network';
import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { shareToken } from './shared-token';

export type { TokenCredential } from '@azure/core-auth';

export const PUBLIC_ARM_ENDPOINT = 'https://management.azure.com';

/** Without trailing slashes (a loop: /\/+$/ is quadratic on a long run of slashes). */
export function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

/** How every client of one check reaches ARM: same endpoint, credential, trust roots and retries. */
export interface ArmSettings {
  readonly credential: TokenCredential;
  /** `https://management.azure.com`, a sovereign cloud's, or a local test server's. */
  readonly endpoint: string;
  /** Extra trusted CA certificates (PEM), for a TLS-intercepting proxy or a test server. */
  readonly ca?: string;
  /** Retries per request; the overall deadline still bounds the total. */
  readonly maxRetries: number;
}

/** Settings from a caller's options: no retries unless asked, so the deadline bounds the result; one token for every client. */
export function armSettings(credential: TokenCredential, endpoint: string, options: { readonly maxRetries?: number; readonly ca?: string }): ArmSettings {
  return { credential: shareToken(credential), endpoint, maxRetries: options.maxRetries ?? 0, ...(options.ca === undefined ? {} : { ca: options.ca }) };
}

function common(s: ArmSettings) {
  return {
    endpoint: s.endpoint,
    retryOptions: { maxRetries: s.maxRetries },
    ...(s.ca === undefined ? {} : { tlsOptions: { ca: s.ca } }),
  };
}

/** The token audience is the endpoint itself, so a sovereign cloud gets its own tokens. */
function scope(s: ArmSettings): string {
  return `${trimEnd(s.endpoint)}/.default`;
}

export function keyVaultClient(s: ArmSettings, subscriptionId: string): KeyVaultManagementClient {
  return new KeyVaultManagementClient(s.credential, subscriptionId, { ...common(s), credentials: { scopes: [scope(s)] } });
}

export function authorizationClient(s: ArmSettings, subscriptionId: string): AuthorizationManagementClient {
  return new AuthorizationManagementClient(s.credential, subscriptionId, { ...common(s), credentialScopes: [scope(s)] });
}

export function networkClient(s: ArmSettings, subscriptionId: string): NetworkManagementClient {
  return new NetworkManagementClient(s.credential, subscriptionId, { ...common(s), credentialScopes: [scope(s)] });
}

/**
 * The usual credential chain (environment, workload identity, managed identity, Azure CLI, …), so
 * shells never import @azure/identity themselves. Nothing is requested until the first read.
 */
export function defaultCredential(tenantId?: string): TokenCredential {
  return new DefaultAzureCredential(tenantId === undefined ? {} : { tenantId });
}
