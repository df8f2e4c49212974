import { z } from 'zod';
import { DEFAULT_LIMITS, type Limits } from './conversation/limits';
import { isLoopbackHost } from './loopback-host';

/**
 * Start-up configuration from environment variables. The Bot Framework names (MicrosoftAppId, …)
 * are the ones botbuilder and Azure Bot Service documentation use, so a deployment guide applies
 * as written. Every problem is reported at once, one line per variable, and no line ever echoes a
 * secret's value.
 */
const APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

export type AuthConfig =
  | { readonly mode: 'anonymous' }
  | {
      readonly mode: 'authenticated';
      readonly appId: string;
      readonly appType: AppType;
      readonly tenantId: string | undefined;
      readonly password: string | undefined;
      readonly certificate: { readonly thumbprint: string; readonly privateKey: string } | undefined;
    };

export interface Config {
  readonly auth: AuthConfig;
  /** Tenants whose users may talk to the bot; empty means any (allowed only without an app id). */
  readonly allowedTenants: readonly string[];
  /** Subscriptions a live check may read; empty turns the "Check live config" button off. */
  readonly liveCheckSubscriptions: readonly string[];
  readonly host: string;
  readonly port: number;
  readonly maxBodyBytes: number;
  /** Processes answering turns on this host (Node cluster); 1 = this process alone. */
  readonly workers: number;
  readonly limits: Limits;
}

export type ConfigOutcome = { ok: true; config: Config } | { ok: false; errors: readonly string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Unset and blank are the same: a copied env.TEMPLATE leaves `NAME=` lines. */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().optional());

/** A whole number within bounds, or the default when unset; a bad value names the variable. */
function wholeNumber(name: string, fallback: number, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : fallback),
    z
      .number({ error: `${name}: must be a whole number` })
      .int(`${name}: must be a whole number`)
      .min(min, `${name}: must be at least ${min}`)
      .max(max, `${name}: must be at most ${max}`),
  );
}

const TextSchema = z.object({
  MicrosoftAppId: optionalText,
  MicrosoftAppType: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  CertificateThumbprint: optionalText,
  CertificatePrivateKey: optionalText,
  KVDOCTOR_ALLOWED_TENANTS: optionalText,
  KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS: optionalText,
  HOST: optionalText,
});

const NumberSchema = z.object({
  PORT: wholeNumber('PORT', 3978, 0, 65535),
  KVDOCTOR_WORKERS: wholeNumber('KVDOCTOR_WORKERS', 1, 1, 64),
  KVDOCTOR_MAX_BODY_BYTES: wholeNumber('KVDOCTOR_MAX_BODY_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
  KVDOCTOR_MAX_PASTE_BYTES: wholeNumber('KVDOCTOR_MAX_PASTE_BYTES', DEFAULT_LIMITS.maxPasteBytes, 1024, 4 * 1024 * 1024),
  KVDOCTOR_MAX_FILE_BYTES: wholeNumber('KVDOCTOR_MAX_FILE_BYTES', DEFAULT_LIMITS.maxFileBytes, 1024, 512 * 1024 * 1024),
  KVDOCTOR_MAX_UNZIPPED_BYTES: wholeNumber('KVDOCTOR_MAX_UNZIPPED_BYTES', DEFAULT_LIMITS.maxUnzippedBytes, 1024, 1024 * 1024 * 1024),
  KVDOCTOR_DOWNLOAD_TIMEOUT_MS: wholeNumber('KVDOCTOR_DOWNLOAD_TIMEOUT_MS', DEFAULT_LIMITS.downloadTimeoutMs, 100, 60_000),
  // A live check answers an invoke, and Teams abandons a turn after ~15 s.
  KVDOCTOR_LIVE_CHECK_TIMEOUT_MS: wholeNumber('KVDOCTOR_LIVE_CHECK_TIMEOUT_MS', DEFAULT_LIMITS.liveCheckTimeoutMs, 100, 14_000),
});
type Env = z.infer<typeof TextSchema>;

/** Every variable read, for env.TEMPLATE's test. */
export const CONFIG_VARIABLES: readonly string[] = [...Object.keys(TextSchema.shape), ...Object.keys(NumberSchema.shape)];

/** A comma- or space-separated list of GUIDs; each bad entry gets its own line. */
function guidList(name: string, raw: string | undefined, errors: string[]): string[] {
  const items = (raw ?? '').split(/[\s,;]+/).filter((s) => s !== '');
  for (const item of items) {
    if (!GUID.test(item)) errors.push(`${name}: "${item.slice(0, 64)}" is not a GUID (expected a comma-separated list of GUIDs)`);
  }
  return items.filter((s) => GUID.test(s)).map((s) => s.toLowerCase());
}

function appType(raw: string | undefined, errors: string[]): AppType | undefined {
  if (raw === undefined) {
    errors.push(`MicrosoftAppType: required when MicrosoftAppId is set; one of ${APP_TYPES.join(', ')} (new bots are SingleTenant or UserAssignedMSI)`);
    return undefined;
  }
  const found = APP_TYPES.find((t) => t === raw);
  if (found === undefined) errors.push(`MicrosoftAppType: "${raw.slice(0, 32)}" is not one of ${APP_TYPES.join(', ')}`);
  return found;
}

function authConfig(env: Env, errors: string[]): AuthConfig {
  const appId = env.MicrosoftAppId;
  if (appId === undefined) {
    for (const name of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'CertificateThumbprint', 'CertificatePrivateKey', 'MicrosoftAppType'] as const) {
      if (env[name] !== undefined) errors.push(`${name}: is set but MicrosoftAppId is not (set both, or neither for local anonymous mode)`);
    }
    return { mode: 'anonymous' };
  }
  if (!GUID.test(appId)) errors.push('MicrosoftAppId: must be the bot\'s Microsoft Entra application (client) id, a GUID');
  const type = appType(env.MicrosoftAppType, errors);
  const tenantId = env.MicrosoftAppTenantId;
  if (tenantId !== undefined && !GUID.test(tenantId)) errors.push('MicrosoftAppTenantId: must be a tenant id (GUID)');
  const { CertificateThumbprint: thumbprint, CertificatePrivateKey: privateKey, MicrosoftAppPassword: password } = env;
  if ((thumbprint === undefined) !== (privateKey === undefined)) {
    errors.push(`${thumbprint === undefined ? 'CertificateThumbprint' : 'CertificatePrivateKey'}: required with ${thumbprint === undefined ? 'CertificatePrivateKey' : 'CertificateThumbprint'} (a certificate needs both)`);
  }
  const certificate = thumbprint !== undefined && privateKey !== undefined ? { thumbprint, privateKey } : undefined;
  if (type === 'UserAssignedMSI') {
    if (password !== undefined) errors.push('MicrosoftAppPassword: must not be set for UserAssignedMSI (the managed identity has no secret)');
    if (certificate !== undefined) errors.push('CertificateThumbprint: must not be set for UserAssignedMSI');
  } else if (type !== undefined && password === undefined && certificate === undefined) {
    errors.push(`MicrosoftAppPassword: required for ${type} (or set CertificateThumbprint and CertificatePrivateKey)`);
  }
  if ((type === 'SingleTenant' || type === 'UserAssignedMSI') && tenantId === undefined) {
    errors.push(`MicrosoftAppTenantId: required for ${type}`);
  }
  return { mode: 'authenticated', appId, appType: type ?? 'SingleTenant', tenantId, password, certificate };
}

export function loadConfig(source: Readonly<Record<string, string | undefined>>): ConfigOutcome {
  const errors: string[] = [];
  // Texts cannot fail (blank is unset); numbers are parsed apart so one bad number hides nothing.
  const texts = TextSchema.safeParse(source);
  const numbers = NumberSchema.safeParse(source);
  if (!numbers.success) {
    // The messages above start with the variable's name and never hold its value.
    errors.push(...numbers.error.issues.map((i) => i.message));
  }
  if (!texts.success) {
    errors.push(...texts.error.issues.map((i) => `${i.path.join('.')}: must be text`));
    return { ok: false, errors };
  }
  const env = texts.data;
  const auth = authConfig(env, errors);
  const allowedTenants = guidList('KVDOCTOR_ALLOWED_TENANTS', env.KVDOCTOR_ALLOWED_TENANTS, errors);
  if (auth.mode === 'authenticated' && allowedTenants.length === 0 && env.KVDOCTOR_ALLOWED_TENANTS === undefined) {
    errors.push('KVDOCTOR_ALLOWED_TENANTS: required when MicrosoftAppId is set (the tenant ids whose users may use the bot)');
  }
  const liveCheckSubscriptions = guidList('KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS', env.KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS, errors);
  // A live check reads only vaults of allowed tenants: without any, every click would fail.
  const tenantsAlreadyReported = errors.some((e) => e.startsWith('KVDOCTOR_ALLOWED_TENANTS:'));
  if (liveCheckSubscriptions.length > 0 && allowedTenants.length === 0 && !tenantsAlreadyReported) {
    errors.push('KVDOCTOR_ALLOWED_TENANTS: required when KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS is set (a live check reads only vaults of allowed tenants)');
  }
  const host = env.HOST ?? '127.0.0.1';
  // Anonymous mode checks no token, posts replies to whatever serviceUrl a caller names and fetches
  // the attachment links it is sent: reachable from other machines, it is an open relay for
  // requests (SSRF). A missing or misspelt MicrosoftAppId must not quietly make one.
  if (auth.mode === 'anonymous' && !isLoopbackHost(host)) {
    errors.push(`HOST: "${host.slice(0, 64)}" is not a loopback address, and without MicrosoftAppId the bot checks no token: anonymous mode listens on 127.0.0.1, ::1 or localhost only (set MicrosoftAppId to serve other machines)`);
  }
  if (errors.length > 0 || !numbers.success) return { ok: false, errors };
  const n = numbers.data;
  return {
    ok: true,
    config: {
      auth,
      allowedTenants,
      liveCheckSubscriptions,
      host,
      port: n.PORT,
      maxBodyBytes: n.KVDOCTOR_MAX_BODY_BYTES,
      workers: n.KVDOCTOR_WORKERS,
      limits: {
        ...DEFAULT_LIMITS,
        maxPasteBytes: n.KVDOCTOR_MAX_PASTE_BYTES,
        maxFileBytes: n.KVDOCTOR_MAX_FILE_BYTES,
        maxUnzippedBytes: n.KVDOCTOR_MAX_UNZIPPED_BYTES,
        downloadTimeoutMs: n.KVDOCTOR_DOWNLOAD_TIMEOUT_MS,
        liveCheckTimeoutMs: n.KVDOCTOR_LIVE_CHECK_TIMEOUT_MS,
      },
    },
  };
}
