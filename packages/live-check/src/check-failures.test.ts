import { SignedOutCredential, StaticTokenCredential } from './arm/testing/test-credential';
import { liveCheck } from './check';
import { OTHER_SUB, SUB, vaultBody, vaultId } from './testing/arm-bodies';
import { authorizationFailed, closedPort, throttled, throttledMs } from './testing/arm-server';
import { findingIn } from './testing/finding';
import { type Harness, startHarness } from './testing/harness';

const SEED =
  'Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 40.82.190.38\\r\\nCaller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/\\r\\nVault: hypervmigratio98a5kv;location=canadacentral';

const VAULT = vaultBody({ name: 'hypervmigratio98a5kv', networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [] } });
const LIST_PATH = `/subscriptions/${SUB}/resources`;

describe('liveCheck failures', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ vaults: { [SUB]: [VAULT] } });
  });
  afterEach(async () => h.server.close());

  it('403 AuthorizationFailed → forbidden, naming the role the reading identity needs', async () => {
    h.server.override = (r) => (r.path.endsWith('/resources') ? authorizationFailed('Microsoft.Resources/subscriptions/resources/read', `/subscriptions/${r.path.split('/')[2] ?? ''}`) : undefined);
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }));
    expect(result).toEqual({
      outcome: {
        kind: 'forbidden',
        // The SDK's pager drops ARM's message, so only the code survives a listing.
        message: `listing vaults in subscription ${SUB}: forbidden (403 AuthorizationFailed)`,
        needs: `Reader on subscription ${SUB} (Microsoft.Resources/subscriptions/resources/read), or Reader on the vault`,
      },
      verdicts: [],
      checks: [],
    });
  });

  it('403 on reading the vault itself names the denied action and scope from ARM', async () => {
    const id = vaultId('hypervmigratio98a5kv');
    h.server.override = (r) => (r.path === id ? authorizationFailed('Microsoft.KeyVault/vaults/read', id) : undefined);
    const finding = { ...findingIn(SEED, 'firewall'), details: { ...findingIn(SEED, 'firewall').details, subscriptionId: SUB, resourceGroup: 'rg-migrate-cc' } };
    const result = await liveCheck(h.options({ finding, vaultName: 'hypervmigratio98a5kv' }));
    expect(result.outcome).toEqual({
      kind: 'forbidden',
      message: `reading vault hypervmigratio98a5kv in resource group rg-migrate-cc: forbidden (403 AuthorizationFailed): no permission for Microsoft.KeyVault/vaults/read over ${id}`,
      needs: 'Reader on the vault (Microsoft.KeyVault/vaults/read)',
    });
    expect(h.server.requests.map((r) => r.path)).toEqual([id]);
  });

  it('404 everywhere → not-found, saying where it looked', async () => {
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'kv-nowhere' }));
    expect(result.outcome).toEqual({ kind: 'not-found', message: 'no vault named kv-nowhere in the 2 allowed subscriptions searched; a soft-deleted vault is not listed (az keyvault list-deleted)' });
  });

  it('a hinted vault id that 404s falls back to the search', async () => {
    const finding = { ...findingIn(SEED, 'firewall'), details: { ...findingIn(SEED, 'firewall').details, subscriptionId: SUB, resourceGroup: 'rg-moved-away' } };
    const result = await liveCheck(h.options({ finding, vaultName: 'hypervmigratio98a5kv' }));
    expect(result.outcome).toMatchObject({ kind: 'ok', vaultId: vaultId('hypervmigratio98a5kv') });
    expect(h.server.requests[0]?.path).toBe(vaultId('hypervmigratio98a5kv', 'rg-moved-away'));
  });

  it('429 with Retry-After → throttled with the wait', async () => {
    h.server.override = (r) => (r.path === LIST_PATH ? throttled(17) : undefined);
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }));
    expect(result.outcome).toEqual({
      kind: 'throttled',
      message: `listing vaults in subscription ${SUB}: ARM is throttling this identity (429 SubscriptionRequestsThrottled); retry after 17 s`,
      retryAfterSeconds: 17,
    });
  });

  describe("throttling: the SDK's own retry policy waits and retries, counted at the server", () => {
    const id = vaultId('hypervmigratio98a5kv');
    const hinted = () => ({ ...findingIn(SEED, 'firewall'), details: { ...findingIn(SEED, 'firewall').details, subscriptionId: SUB, resourceGroup: 'rg-migrate-cc' } });
    /** 429 for the first `times` requests to `path`, then the normal answer. */
    const throttleFirst = (path: string, times: number, reply: ReturnType<typeof throttledMs>) => {
      let left = times;
      h.server.override = (r) => (r.path === path && left-- > 0 ? reply : undefined);
    };
    const count = (path: string) => h.server.requests.filter((r) => r.path === path).length;

    it('retry-after-ms on the vault read: retried once, then read', async () => {
      throttleFirst(id, 1, throttledMs('retry-after-ms', 20));
      const result = await liveCheck(h.options({ finding: hinted(), vaultName: 'hypervmigratio98a5kv', maxRetries: 2 }));
      expect(result.outcome).toEqual({ kind: 'ok', vaultId: id, incomplete: [] });
      expect(count(id)).toBe(2);
    });

    it('x-ms-retry-after-ms on the endpoint listing: retried twice, then read', async () => {
      throttleFirst(`${id}/privateEndpointConnections`, 2, throttledMs('x-ms-retry-after-ms', 20));
      const result = await liveCheck(h.options({ finding: hinted(), vaultName: 'hypervmigratio98a5kv', maxRetries: 3 }));
      expect(result.outcome).toEqual({ kind: 'ok', vaultId: id, incomplete: [] });
      expect(count(`${id}/privateEndpointConnections`)).toBe(3);
    });

    it('retries used up: throttled, with the wait ARM asked for in whole seconds', async () => {
      throttleFirst(id, 10, throttledMs('x-ms-retry-after-ms', 1_500));
      const started = Date.now();
      const result = await liveCheck(h.options({ finding: hinted(), vaultName: 'hypervmigratio98a5kv', maxRetries: 1, timeoutMs: 10_000 }));
      // The one retry waited the 1.5 s the header asked for (the SDK's default backoff starts at 0.8 s).
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_450);
      expect(result.outcome).toEqual({
        kind: 'throttled',
        message: 'reading vault hypervmigratio98a5kv in resource group rg-migrate-cc: ARM is throttling this identity (429 SubscriptionRequestsThrottled); retry after 2 s',
        retryAfterSeconds: 2,
      });
      expect(count(id)).toBe(2);
    });

    it('no retries by default: one request, so the deadline bounds the answer', async () => {
      throttleFirst(id, 10, throttledMs('retry-after-ms', 20));
      const result = await liveCheck(h.options({ finding: hinted(), vaultName: 'hypervmigratio98a5kv' }));
      expect(result.outcome).toMatchObject({ kind: 'throttled', retryAfterSeconds: 1 });
      expect(count(id)).toBe(1);
    });
  });

  it('a slow server → timeout at the one overall deadline', async () => {
    h.server.override = () => ({ status: 200, body: { value: [] }, delayMs: 3_000 });
    const started = Date.now();
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', timeoutMs: 300 }));
    expect(result.outcome).toEqual({ kind: 'timeout', message: `listing vaults in subscription ${SUB}: no answer within the 300 ms deadline`, afterMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('checks that could run still report when a later read times out', async () => {
    h.server.override = (r) => (r.path.includes('Microsoft.Network') ? { status: 200, body: { value: [] }, delayMs: 3_000 } : undefined);
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', timeoutMs: 800 }));
    expect(result.outcome).toEqual({
      kind: 'ok',
      vaultId: vaultId('hypervmigratio98a5kv'),
      incomplete: [{ read: 'nsp', failure: { kind: 'timeout', message: `listing network security perimeters in subscription ${SUB}: no answer within the 800 ms deadline`, afterMs: 800 } }],
    });
    expect(result.verdicts.map((v) => [v.check, v.status])).toEqual([
      ['nsp', 'unknown'],
      ['public-network-access', 'pass'],
      ['firewall', 'fail'],
      ['private-endpoints', 'pass'],
      ['permission-model', 'pass'],
      ['access-policy', 'fail'],
    ]);
  });

  it('connection refused → network-error', async () => {
    const endpoint = await closedPort();
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', endpoint, allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }));
    expect(result.outcome).toEqual({ kind: 'network-error', message: `listing vaults in subscription ${SUB}: could not reach ARM (ECONNREFUSED)`, code: 'ECONNREFUSED' });
  });

  it('a certificate the client does not trust → network-error, never a silent bypass', async () => {
    const result = await liveCheck({ ...h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }), ca: undefined });
    expect(result.outcome).toEqual({
      kind: 'network-error',
      message: `listing vaults in subscription ${SUB}: could not reach ARM (DEPTH_ZERO_SELF_SIGNED_CERT)`,
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(h.server.requests).toHaveLength(0);
  });

  it('a credential that has nothing to offer → no-credentials', async () => {
    const credential = new SignedOutCredential();
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', credential, allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }));
    expect(result.outcome).toEqual({
      kind: 'no-credentials',
      message: `listing vaults in subscription ${SUB}: no usable Azure credential (CredentialUnavailableError: AzureCliCredential: Please run az login to set up an account)`,
    });
    expect(h.server.requests).toHaveLength(0);
  });

  it('no credential at all → no-credentials before any request', async () => {
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', credential: undefined }));
    expect(result.outcome.kind).toBe('no-credentials');
    expect(h.server.requests).toHaveLength(0);
  });

  it('a subscription off the allow-list never receives a request', async () => {
    const finding = { ...findingIn(SEED, 'firewall'), details: { ...findingIn(SEED, 'firewall').details, subscriptionId: '99999999-9999-4999-8999-999999999999', resourceGroup: 'rg-x' } };
    const result = await liveCheck(h.options({ finding, vaultName: 'hypervmigratio98a5kv' }));
    expect(result).toEqual({ outcome: { kind: 'not-allowed', message: 'subscription 99999999-9999-4999-8999-999999999999 (from the log) is not on the allow-list' }, verdicts: [], checks: [] });
    expect(h.server.requests).toHaveLength(0);
  });

  it('a tenant off the allow-list never receives a request', async () => {
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', allowed: { tenants: ['72f988bf-86f1-41af-91ab-2d7cd011db47'], subscriptions: [SUB] } }));
    expect(result.outcome).toEqual({ kind: 'not-allowed', message: 'tenant a1a2578a-8fd3-4595-bb18-7d17df8944b0 (from the log) is not on the allow-list' });
    expect(h.server.requests).toHaveLength(0);
  });

  it('an empty allow-list refuses everything before any request', async () => {
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [] } }));
    expect(result.outcome.kind).toBe('not-allowed');
    expect(h.server.requests).toHaveLength(0);
  });

  it('only allow-listed subscriptions are searched', async () => {
    await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }));
    expect(h.server.requests.some((r) => r.path.includes(OTHER_SUB))).toBe(false);
  });

  it('a Managed HSM name → not-supported, no request', async () => {
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'contoso-hsm.managedhsm.azure.net' }));
    expect(result.outcome).toEqual({ kind: 'not-supported', message: 'Managed HSM is not supported yet: the live check reads Key Vault vaults only' });
    expect(h.server.requests).toHaveLength(0);
  });

  it('a vault found in an allowed subscription but another tenant is withheld', async () => {
    const result = await liveCheck(h.options({ finding: { ...findingIn(SEED, 'firewall'), facts: { ...findingIn(SEED, 'firewall').facts, tenantId: undefined } }, vaultName: 'hypervmigratio98a5kv', allowed: { tenants: ['72f988bf-86f1-41af-91ab-2d7cd011db47'], subscriptions: [SUB] } }));
    expect(result).toEqual({
      outcome: { kind: 'not-allowed', message: 'vault hypervmigratio98a5kv belongs to tenant a1a2578a-8fd3-4595-bb18-7d17df8944b0, which is not on the allow-list' },
      verdicts: [],
      checks: [],
    });
  });

  it('ARM rejecting the token (401) → no-credentials', async () => {
    h.server.override = () => ({ status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } } });
    const result = await liveCheck(h.options({ finding: findingIn(SEED, 'firewall'), vaultName: 'hypervmigratio98a5kv', credential: new StaticTokenCredential('expired'), allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }));
    expect(result.outcome).toEqual({ kind: 'no-credentials', message: `listing vaults in subscription ${SUB}: ARM rejected the token (401 InvalidAuthenticationToken)` });
  });
});
