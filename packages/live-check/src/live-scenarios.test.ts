import { liveCheck } from './check';
import { SUB, vaultBody } from './testing/arm-bodies';
import { startHarness } from './testing/harness';
import { DOC, firewallRefusal, ID, LIVE_SCENARIOS, NAME, THIRD_SUB } from './testing/live-scenarios';

describe('live scenarios against a local ARM server (each encodes one documentation sentence)', () => {
  it('names each case once and cites a Microsoft Learn sentence for it', () => {
    expect(new Set(LIVE_SCENARIOS.map((s) => s.name)).size).toBe(LIVE_SCENARIOS.length);
    for (const s of LIVE_SCENARIOS) expect(s.doc.url).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
  });

  it.each(LIVE_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const h = await startHarness(s.data);
    try {
      const result = await liveCheck(h.options({ finding: s.finding, vaultName: NAME }));
      expect(result.outcome).toMatchObject({ kind: 'ok', incomplete: [] });
      expect(result.verdicts.find((v) => v.check === s.expect.check)).toEqual(s.expect);
      for (const check of s.absent ?? []) expect(result.verdicts.map((v) => v.check)).not.toContain(check);
      // One token for every client; the vault read directly (no listing that would carry other vaults'
      // bodies); nothing asked of a subscription outside the allow-list.
      expect(h.credential.scopes).toEqual([`${h.server.endpoint}/.default`]);
      expect(h.server.requests.filter((r) => r.path.toLowerCase().endsWith('/providers/microsoft.keyvault/vaults'))).toEqual([]);
      expect(h.server.requests.filter((r) => r.path.toLowerCase().includes('/vaults/') && !r.path.toLowerCase().startsWith(ID.toLowerCase()))).toEqual([]);
      expect(h.server.requests.filter((r) => r.path.toLowerCase().includes(THIRD_SUB))).toEqual([]);
    } finally {
      await h.server.close();
    }
  });

  it('reads an unset enableSoftDelete as on', async () => {
    const body = vaultBody({ name: NAME });
    const h = await startHarness({ vaults: { [SUB]: [{ ...body, properties: { ...(body['properties'] as object), enableSoftDelete: null } }] } });
    try {
      const result = await liveCheck(h.options({ finding: firewallRefusal(), vaultName: NAME }));
      expect(DOC.softDelete.says).toContain('soft-delete is on by default');
      expect(result.model?.enableSoftDelete).toBe(true);
    } finally {
      await h.server.close();
    }
  });
});
