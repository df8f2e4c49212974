import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

/** Renew this long before expiry, as the SDK's own bearer policy does. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * One check builds a client per API (Key Vault, authorization, network), and each client's bearer
 * policy would ask the credential on its own: a token per request in flight. All of them want the
 * same ARM audience, so the first request's token (or its pending promise) serves the rest.
 */
export function shareToken(credential: TokenCredential): TokenCredential {
  const cache = new Map<string, { token: Promise<AccessToken | null>; renewAt: number }>();
  return {
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      // A claims challenge (continuous access evaluation) must reach the credential itself.
      if (options?.claims !== undefined) return credential.getToken(scopes, options);
      const key = (Array.isArray(scopes) ? scopes : [scopes]).join(' ');
      const held = cache.get(key);
      if (held !== undefined && Date.now() < held.renewAt) return held.token;
      // Until it settles, the pending request is shared; then it is kept until shortly before expiry.
      const entry = { token: credential.getToken(scopes, options), renewAt: Number.POSITIVE_INFINITY };
      cache.set(key, entry);
      entry.token.then(
        (token) => {
          entry.renewAt = token === null ? 0 : token.expiresOnTimestamp - REFRESH_MARGIN_MS;
        },
        () => {
          entry.renewAt = 0;
        },
      );
      return entry.token;
    },
  };
}
