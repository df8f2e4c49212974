import { checkFromAzJson, type LiveCheckOptions, type LiveCheckResult } from '@kvdoctor/live-check';
import { cardInvoke, TENANT } from '../test/helpers/activities';
import { cardOf, cardProblems, cardText } from '../test/helpers/cards';
import { buttonData } from '../test/helpers/check-button';
import { harness } from '../test/helpers/harness';
import { CHECK_VERB } from './actions';
import { findingFor, NO_CREDENTIALS, toOutcome } from './live-finding';
import { liveChecker } from './live-checker';

/**
 * The button wired to @kvdoctor/live-check. The real liveCheck runs where it needs no network (its
 * allow-list and credential checks refuse before any request); the verdicts come from the
 * package's offline path, `az keyvault show` JSON assessed by the library's real rules.
 */
const where = { serviceUrl: 'https://smba.trafficmanager.net/emea/' };
const SUB = '1c9e4b2a-3d5f-4a6b-8c7d-9e0f1a2b3c4d';
const LOG_TENANT = 'a1a2578a-8fd3-4595-bb18-7d17df8944b0';

/**
 * `az keyvault show` for the seed's vault: Microsoft's "Vaults - Get" REST example as az prints it
 * (https://github.com/Azure/azure-rest-api-specs/blob/f005270b22d59ecc33c96d248543f069c9f75f5e/specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/examples/getVault.json),
 * renamed, with a firewall that denies by default and admits one other range.
 */
const AZ_SHOW = {
  id: `/subscriptions/${SUB}/resourceGroups/pipelines-rg/providers/Microsoft.KeyVault/vaults/hypervmigratio98a5kv`,
  location: 'canadacentral',
  name: 'hypervmigratio98a5kv',
  properties: {
    accessPolicies: [],
    enableRbacAuthorization: true,
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [{ value: '20.37.158.0/23' }], virtualNetworkRules: [] },
    privateEndpointConnections: null,
    provisioningState: 'Succeeded',
    publicNetworkAccess: 'Enabled',
    sku: { family: 'A', name: 'standard' },
    tenantId: LOG_TENANT,
    vaultUri: 'https://hypervmigratio98a5kv.vault.azure.net',
  },
  resourceGroup: 'pipelines-rg',
  tags: {},
  type: 'Microsoft.KeyVault/vaults',
};

/** The package's offline assessment in liveCheck's result shape. */
async function fromAzShow(options: LiveCheckOptions): Promise<LiveCheckResult> {
  const r = checkFromAzJson(options.finding, AZ_SHOW);
  if (!r.ok) return { outcome: { kind: 'not-supported', message: r.error.message }, verdicts: [], checks: [] };
  return { outcome: { kind: 'ok', vaultId: AZ_SHOW.id, incomplete: [{ read: 'role-assignments', failure: { kind: 'forbidden', message: 'AuthorizationFailed', needs: 'Reader on the vault' } }] }, model: r.model, verdicts: r.verdicts };
}

describe('the live checker', () => {
  it('turns the library\'s verdicts into the card posted under the finding card', async () => {
    const checker = liveChecker({ subscriptions: [SUB], tenants: [LOG_TENANT], credential: undefined, timeoutMs: 5000, check: fromAzShow });
    const bot = harness({ liveCheck: checker });
    const replies = await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), where));
    const card = cardOf(replies.find((r) => r.type === 'message'));
    expect(cardProblems(card)).toEqual([]);
    const shown = cardText(card);
    expect(shown).toContain('Live check of hypervmigratio98a5kv: 1 check failing');
    expect(shown).toContain('❌ Fail: **Firewall (IP and virtual-network rules)**');
    expect(shown).toContain('✅ Pass: **Public network access**');
    expect(shown).toContain('az keyvault network-rule add --resource-group pipelines-rg --name hypervmigratio98a5kv --ip-address 40.82.190.38');
    expect(shown).toContain('Could not read the role assignments: AuthorizationFailed');
  });

  it('runs the real liveCheck, which refuses a vault whose tenant (from the log) is not allowed, before any request', async () => {
    const checker = liveChecker({ subscriptions: [SUB], tenants: [TENANT], credential: undefined, timeoutMs: 5000 });
    const bot = harness({ liveCheck: checker });
    const replies = await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), where));
    const card = cardOf(replies.find((r) => r.type === 'message'));
    expect(cardText(card)).toContain(`Live check of hypervmigratio98a5kv: tenant ${LOG_TENANT} (from the log) is not on the allow-list.`);
  });

  it('runs the real liveCheck, which says when the bot has no Azure credential', async () => {
    const checker = liveChecker({ subscriptions: [SUB], tenants: [LOG_TENANT], credential: undefined, timeoutMs: 5000 });
    const outcome = await checker({ vault: 'hypervmigratio98a5kv', family: 'firewall', facts: { vault: 'hypervmigratio98a5kv', tenantId: LOG_TENANT }, details: {}, signal: new AbortController().signal });
    expect(outcome).toEqual({ ok: false, error: { code: 'no-credentials', message: NO_CREDENTIALS } });
  });
});

describe('findingFor', () => {
  it('rebuilds a finding the report contract accepts from the button\'s family, facts and details', () => {
    const f = findingFor('firewall', { vault: 'kv-prod-01', clientIp: '20.1.2.3' }, { bypass: 'None' });
    expect(f.rule).toBe('firewall');
    expect(f.title).toBe('Key Vault firewall refused the client address');
    expect(f.details).toEqual({ bypass: 'None' });
    expect(f.fixes[0]?.commands.map((c) => c.text)).toContain('az keyvault network-rule add --name kv-prod-01 --ip-address 20.1.2.3');
  });

  it('builds a neutral finding for a typed check with no family', () => {
    const f = findingFor(undefined, { vault: 'kv-prod-01' }, {});
    expect({ rule: f.rule, title: f.title, severity: f.severity }).toEqual({ rule: 'live-config', title: 'Live configuration of kv-prod-01', severity: 'info' });
  });
});

describe('toOutcome', () => {
  it('names the role the bot\'s identity lacks', () => {
    expect(toOutcome('kv1', { outcome: { kind: 'forbidden', message: 'AuthorizationFailed on the vault', needs: 'Reader on the vault' }, verdicts: [], checks: [] })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'The bot may not read kv1: AuthorizationFailed on the vault. Its admin must give the bot\'s identity Reader on the vault.' },
    });
  });
});
