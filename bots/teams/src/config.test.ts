import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from './config';
import { DEFAULT_LIMITS } from './conversation/limits';

const APP = '3f0a9c2e-7b1d-4e5f-8a6b-9c0d1e2f3a4b';
const TENANT = '9d2f6b4e-0c57-4a51-8a53-5f2b1a6c7e10';
const SUB = '1c9e4b2a-3d5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('loadConfig', () => {
  it('runs in local anonymous mode with nothing set, on 127.0.0.1:3978', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: { auth: { mode: 'anonymous' }, allowedTenants: [], liveCheckSubscriptions: [], host: '127.0.0.1', port: 3978, maxBodyBytes: 262144, workers: 1, limits: DEFAULT_LIMITS },
    });
  });

  it('treats blank values (a copied env.TEMPLATE) as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '  ', PORT: '' })).toMatchObject({ ok: true, config: { auth: { mode: 'anonymous' }, port: 3978 } });
  });

  it('refuses anonymous mode on a host other machines can reach (a missing or misspelt MicrosoftAppId)', () => {
    const line = (host: string) =>
      `HOST: "${host}" is not a loopback address, and without MicrosoftAppId the bot checks no token: anonymous mode listens on 127.0.0.1, ::1 or localhost only (set MicrosoftAppId to serve other machines)`;
    for (const host of ['0.0.0.0', '::', '10.0.0.4', 'bot.contoso.com', '::ffff:0.0.0.0', '128.0.0.1']) {
      expect(loadConfig({ HOST: host })).toEqual({ ok: false, errors: [line(host)] });
    }
    expect(loadConfig({ MicrosoftAppID: APP, HOST: '0.0.0.0' })).toEqual({ ok: false, errors: [line('0.0.0.0')] });
  });

  it('runs anonymous mode on any loopback host', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST']) {
      expect(loadConfig({ HOST: host })).toMatchObject({ ok: true, config: { auth: { mode: 'anonymous' }, host } });
    }
  });

  it('reads a SingleTenant registration with a password, the allow-lists and the caps', () => {
    const out = loadConfig({
      MicrosoftAppId: APP,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppPassword: 'abc8Q~not-a-real-secret',
      MicrosoftAppTenantId: TENANT,
      KVDOCTOR_ALLOWED_TENANTS: `${TENANT.toUpperCase()}, ${SUB}`,
      KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS: SUB,
      HOST: '0.0.0.0',
      PORT: '8080',
      KVDOCTOR_WORKERS: '2',
      KVDOCTOR_MAX_PASTE_BYTES: '32768',
      KVDOCTOR_LIVE_CHECK_TIMEOUT_MS: '5000',
    });
    expect(out).toEqual({
      ok: true,
      config: {
        auth: { mode: 'authenticated', appId: APP, appType: 'SingleTenant', tenantId: TENANT, password: 'abc8Q~not-a-real-secret', certificate: undefined },
        allowedTenants: [TENANT, SUB],
        liveCheckSubscriptions: [SUB],
        host: '0.0.0.0',
        port: 8080,
        maxBodyBytes: 262144,
        workers: 2,
        limits: { ...DEFAULT_LIMITS, maxPasteBytes: 32768, liveCheckTimeoutMs: 5000 },
      },
    });
  });

  it('reads a UserAssignedMSI registration (no secret at all)', () => {
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT, KVDOCTOR_ALLOWED_TENANTS: TENANT })).toMatchObject({
      ok: true,
      config: { auth: { mode: 'authenticated', appType: 'UserAssignedMSI', password: undefined, certificate: undefined } },
    });
  });

  it('reads a certificate instead of a password', () => {
    const out = loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, CertificateThumbprint: 'AB12', CertificatePrivateKey: '-----BEGIN PRIVATE KEY-----x', KVDOCTOR_ALLOWED_TENANTS: TENANT });
    expect(out).toMatchObject({ ok: true, config: { auth: { certificate: { thumbprint: 'AB12', privateKey: '-----BEGIN PRIVATE KEY-----x' } } } });
  });

  it('names every missing or malformed variable, one line each, and never echoes a secret', () => {
    const out = loadConfig({
      MicrosoftAppId: 'my-bot',
      MicrosoftAppType: 'Multi',
      MicrosoftAppPassword: 'SuperSecretValue123',
      MicrosoftAppTenantId: 'contoso.onmicrosoft.com',
      KVDOCTOR_ALLOWED_TENANTS: `${TENANT},nope`,
      KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS: 'sub-1',
      PORT: 'eighty',
      KVDOCTOR_MAX_PASTE_BYTES: '10',
      KVDOCTOR_LIVE_CHECK_TIMEOUT_MS: '60000',
    });
    expect(out).toEqual({
      ok: false,
      errors: [
        'PORT: must be a whole number',
        'KVDOCTOR_MAX_PASTE_BYTES: must be at least 1024',
        'KVDOCTOR_LIVE_CHECK_TIMEOUT_MS: must be at most 14000',
        "MicrosoftAppId: must be the bot's Microsoft Entra application (client) id, a GUID",
        'MicrosoftAppType: "Multi" is not one of SingleTenant, MultiTenant, UserAssignedMSI',
        'MicrosoftAppTenantId: must be a tenant id (GUID)',
        'KVDOCTOR_ALLOWED_TENANTS: "nope" is not a GUID (expected a comma-separated list of GUIDs)',
        'KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS: "sub-1" is not a GUID (expected a comma-separated list of GUIDs)',
      ],
    });
    expect(JSON.stringify(out)).not.toContain('SuperSecretValue123');
  });

  it('requires what each app type needs', () => {
    expect(loadConfig({ MicrosoftAppId: APP })).toEqual({
      ok: false,
      errors: [
        'MicrosoftAppType: required when MicrosoftAppId is set; one of SingleTenant, MultiTenant, UserAssignedMSI (new bots are SingleTenant or UserAssignedMSI)',
        'KVDOCTOR_ALLOWED_TENANTS: required when MicrosoftAppId is set (the tenant ids whose users may use the bot)',
      ],
    });
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'SingleTenant', KVDOCTOR_ALLOWED_TENANTS: TENANT })).toEqual({
      ok: false,
      errors: ['MicrosoftAppPassword: required for SingleTenant (or set CertificateThumbprint and CertificatePrivateKey)', 'MicrosoftAppTenantId: required for SingleTenant'],
    });
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'x', KVDOCTOR_ALLOWED_TENANTS: TENANT })).toEqual({
      ok: false,
      errors: ['MicrosoftAppPassword: must not be set for UserAssignedMSI (the managed identity has no secret)'],
    });
    expect(loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'MultiTenant', CertificateThumbprint: 'AB12', KVDOCTOR_ALLOWED_TENANTS: TENANT })).toEqual({
      ok: false,
      errors: ['CertificatePrivateKey: required with CertificateThumbprint (a certificate needs both)', 'MicrosoftAppPassword: required for MultiTenant (or set CertificateThumbprint and CertificatePrivateKey)'],
    });
  });

  it('refuses live-check subscriptions without allowed tenants: every click would fail', () => {
    expect(loadConfig({ KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS: '5c7e2a10-3b4d-4f6e-8a9b-0c1d2e3f4a5b' })).toEqual({
      ok: false,
      errors: ['KVDOCTOR_ALLOWED_TENANTS: required when KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS is set (a live check reads only vaults of allowed tenants)'],
    });
  });

  it('refuses credentials without an app id (a likely typo in the variable name)', () => {
    expect(loadConfig({ MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' })).toEqual({
      ok: false,
      errors: [
        'MicrosoftAppPassword: is set but MicrosoftAppId is not (set both, or neither for local anonymous mode)',
        'MicrosoftAppType: is set but MicrosoftAppId is not (set both, or neither for local anonymous mode)',
      ],
    });
  });
});

describe('env.TEMPLATE', () => {
  const template = readFileSync(join(__dirname, '..', 'env.TEMPLATE'), 'utf8').split('\n');

  it('lists every variable the bot reads, each blank and under a comment', () => {
    const listed = template.filter((l) => /^[A-Za-z_]+=/.test(l)).map((l) => l.slice(0, l.indexOf('=')));
    expect([...listed].sort()).toEqual([...CONFIG_VARIABLES].sort());
    for (const name of CONFIG_VARIABLES) {
      const at = template.indexOf(`${name}=`);
      expect(template[at - 1]).toMatch(/^# /);
    }
  });

  it('gives a working local configuration as it stands', () => {
    const env = Object.fromEntries(template.filter((l) => /^[A-Za-z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(loadConfig(env)).toMatchObject({ ok: true, config: { auth: { mode: 'anonymous' }, host: '127.0.0.1', port: 3978 } });
  });
});
