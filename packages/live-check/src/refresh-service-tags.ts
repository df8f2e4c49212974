import { type CompiledServiceTags, compileServiceTags } from '@kvdoctor/diagnose';
import { z } from 'zod';
import { armSettings, PUBLIC_ARM_ENDPOINT, trimEnd, type TokenCredential } from './arm/client';
import { readServiceTags } from './arm/read-service-tags';
import { startDeadline } from './deadline';
import { GuidSchema } from './guid';
import type { Failure } from './outcome';
import { isHttpsEndpoint, NO_CREDENTIAL } from './preflight';

export interface RefreshServiceTagsOptions {
  readonly credential: TokenCredential | undefined;
  /** The subscription whose cloud's tags are read; it must be on the allow-list. */
  readonly subscriptionId: string;
  /** Any region of that cloud (`canadacentral`): it picks the version, not a filter. */
  readonly location: string;
  /** The same allow-list as `liveCheck` takes; only its subscriptions matter here (service tags belong to no tenant). */
  readonly allowed: { readonly tenants?: readonly string[]; readonly subscriptions: readonly string[] };
  /** ARM endpoint; defaults to the public cloud's. */
  readonly endpoint?: string;
  /** Extra trusted CA certificates (PEM). */
  readonly ca?: string;
  /** Deadline for the one request (the public cloud's answer is about 4 MB); default 60 s. */
  readonly timeoutMs?: number;
  /** Retries (ARM 429/5xx); default 0, so the result comes within the deadline. */
  readonly maxRetries?: number;
}

/** The compiled index (`ServiceTagIndex.of(serviceTags)`, or `serialiseServiceTags` it to a cache file), or why not. */
export type RefreshServiceTagsResult = { readonly kind: 'ok'; readonly serviceTags: CompiledServiceTags } | Failure;

const DEFAULT_TIMEOUT_MS = 60_000;
const Location = /^[a-z0-9]{2,40}$/i;

/** Refused before a request (and before any token): a subscription off the allow-list first, whatever else is wrong. */
function refusal(o: RefreshServiceTagsOptions, endpoint: string): Failure | undefined {
  const subs = z.array(GuidSchema).safeParse(o.allowed.subscriptions);
  if (!subs.success) return { kind: 'not-allowed', message: 'the allow-list must name subscriptions by their GUIDs' };
  if (!GuidSchema.safeParse(o.subscriptionId).success || !subs.data.some((s) => s.toLowerCase() === o.subscriptionId.toLowerCase())) {
    return { kind: 'not-allowed', message: `subscription ${JSON.stringify(o.subscriptionId.slice(0, 40))} is not on the allow-list` };
  }
  if (!Location.test(o.location)) return { kind: 'not-supported', message: `${JSON.stringify(o.location.slice(0, 40))} is not an Azure region name such as canadacentral` };
  if (!isHttpsEndpoint(endpoint)) return { kind: 'not-supported', message: 'the ARM endpoint must be an https URL' };
  return undefined;
}

/**
 * Reads Azure's current service tags through ARM (the same data as the weekly
 * ServiceTags_Public.json, for the subscription's cloud) and compiles them into the index the
 * diagnosis uses to say which region and service tag a client address belongs to. `asOf` is the
 * day of the read (UTC): ARM's answer carries no date, only `changeNumber`.
 */
export async function refreshServiceTags(options: RefreshServiceTagsOptions): Promise<RefreshServiceTagsResult> {
  const endpoint = trimEnd(options.endpoint ?? PUBLIC_ARM_ENDPOINT);
  const refused = refusal(options, endpoint);
  if (refused !== undefined) return refused;
  const { credential } = options;
  if (credential === undefined) return NO_CREDENTIAL;
  const settings = armSettings(credential, endpoint, options);
  const location = options.location.toLowerCase();
  const deadline = startDeadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const read = await readServiceTags(settings, options.subscriptionId, location, deadline);
    if (!read.ok) return read.failure;
    const compiled = compileServiceTags(read.value, {
      asOf: new Date().toISOString().slice(0, 10),
      source: `Azure Resource Manager service tags (${endpoint}, location ${location}, changeNumber ${read.value.changeNumber})`,
    });
    if (!compiled.ok) return { kind: 'not-supported', message: `ARM returned service tags this version cannot compile: ${compiled.error.message}` };
    return { kind: 'ok', serviceTags: compiled.value };
  } finally {
    deadline.dispose();
  }
}
