import { defaultCredential, liveCheck, type LiveCheckOptions, type LiveCheckResult, type TokenCredential } from '@kvdoctor/live-check';
import type { Config } from './config';
import type { LiveChecker } from './conversation/types';
import { findingFor, toOutcome } from './live-finding';

export interface LiveCheckerOptions {
  /** Subscriptions a check may read; the vault must also belong to one of `tenants`. */
  readonly subscriptions: readonly string[];
  readonly tenants: readonly string[];
  readonly credential: TokenCredential | undefined;
  readonly timeoutMs: number;
  /** ARM endpoint and extra CA (sovereign clouds, tests); public Azure by default. */
  readonly endpoint?: string;
  readonly ca?: string;
  readonly check?: (options: LiveCheckOptions) => Promise<LiveCheckResult>;
}

/** "Check live config" through @kvdoctor/live-check: read-only, allow-listed, inside a deadline. */
export function liveChecker(options: LiveCheckerOptions): LiveChecker {
  const check = options.check ?? liveCheck;
  return async (request) => {
    const result = await check({
      finding: findingFor(request.family, request.facts, request.details),
      vaultName: request.vault,
      credential: options.credential,
      allowed: { tenants: options.tenants, subscriptions: options.subscriptions },
      // Leave room inside the bot's own deadline for the card to be built and sent.
      timeoutMs: Math.max(100, options.timeoutMs - 500),
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    });
    return toOutcome(request.vault, result);
  };
}

/**
 * The live checker for this deployment, or undefined (button hidden) when no subscription is
 * configured. The identity is Azure's default chain: the managed identity in Azure (set
 * AZURE_CLIENT_ID for a user-assigned one), environment variables or `az login` locally.
 */
export function createLiveChecker(config: Config): LiveChecker | undefined {
  if (config.liveCheckSubscriptions.length === 0) return undefined;
  const tenant = config.auth.mode === 'authenticated' ? config.auth.tenantId : undefined;
  return liveChecker({
    subscriptions: config.liveCheckSubscriptions,
    tenants: config.allowedTenants,
    credential: defaultCredential(tenant),
    timeoutMs: config.limits.liveCheckTimeoutMs,
  });
}
