import { isDeepStrictEqual } from 'node:util';
import { assess } from '@kvdoctor/diagnose';
import { findingOf, modelOf } from '../../diagnose/src/assess/fixtures';
import { NETWORK_SCENARIOS } from '../../diagnose/src/assess/scenarios/network.scenarios';
import { OPERATION_SCENARIOS } from '../../diagnose/src/assess/scenarios/operation.scenarios';
import { RBAC_SCENARIOS } from '../../diagnose/src/assess/scenarios/rbac.scenarios';
import { liveCheck } from './check';
import { startHarness } from './testing/harness';
import { armStateOf, asRead, inexpressible } from './testing/scenario-arm';

// Every pure scenario (one documented behaviour each) is served by the local HTTPS fake ARM as ARM's
// own bodies, and liveCheck must reach the very verdict the pure assess gives: same vault, same
// roles at every scope, conditions, NotDataActions, groups, denies, perimeters and modes.
const ABSENT = 'the verdict holds only when no perimeter exists anywhere in the tenant, which the live check (allow-listed subscriptions only) never concludes';
const ALL = [...OPERATION_SCENARIOS, ...RBAC_SCENARIOS, ...NETWORK_SCENARIOS].map((s) => {
  const finding = findingOf(s.finding.rule, s.finding.facts, s.finding.details);
  const model = asRead(modelOf(s.model));
  const same = assess(finding, model).find((v) => v.check === s.expect.check);
  const why = inexpressible(model, finding.facts.objectId?.toLowerCase()) ?? (isDeepStrictEqual(same, s.expect) ? undefined : ABSENT);
  return { s, model, finding, why };
});
const LIVE = ALL.filter((c) => c.why === undefined);

describe('pure scenarios through liveCheck against the fake ARM', () => {
  it('runs at least 60 both ways; the rest are named with the reason ARM cannot hold them', () => {
    expect(LIVE.length).toBeGreaterThanOrEqual(60);
    expect(ALL.filter((c) => c.why !== undefined).map((c) => [c.s.name, c.why])).toEqual([
      ['SecuredByPerimeter and known to be in no perimeter: locked down, public callers refused', ABSENT],
      ['the firewall admits the caller and no perimeter exists: retry', ABSENT],
      ['the rewritten rule (40.82.190.0/23) admits the address', ABSENT],
    ]);
  });

  it.each(LIVE.map((c) => [c.s.name, c] as const))('%s', async (_name, { s, model, finding }) => {
    const state = armStateOf(model, finding.facts.objectId?.toLowerCase());
    const h = await startHarness(state.data);
    h.server.override = state.override;
    try {
      const result = await liveCheck(h.options({ finding, vaultName: model.name, allowed: { tenants: [model.tenantId], subscriptions: [...state.subscriptions] } }));
      expect(result.outcome.kind).toBe('ok');
      expect(result.outcome.kind === 'ok' ? result.outcome.incomplete.map((i) => i.read) : []).toEqual(state.incomplete);
      const verdict = result.verdicts.find((v) => v.check === s.expect.check);
      expect(verdict).toEqual(s.expect);
      // The same verdict the pure assess gives, gate for gate.
      expect(result.verdicts).toEqual(assess(finding, model));
      for (const check of s.absent ?? []) expect(result.verdicts.map((v) => v.check)).not.toContain(check);
      // One token; only this vault's body; nothing asked of a subscription off the allow-list.
      expect(h.credential.scopes).toEqual([`${h.server.endpoint}/.default`]);
      expect(h.server.requests.filter((r) => r.path.toLowerCase().includes('/vaults/') && !r.path.toLowerCase().startsWith(model.id.toLowerCase()))).toEqual([]);
      const allowed = state.subscriptions.map((x) => x.toLowerCase());
      expect(h.server.requests.filter((r) => !allowed.includes(r.path.split('/')[2]?.toLowerCase() ?? ''))).toEqual([]);
    } finally {
      await h.server.close();
    }
  });
});
