import { assess } from './assess';
import { findingOf, modelOf, OID } from './fixtures';
import { VerdictSchema } from './verdict';

const PERIMETER = '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityPerimeters/nsp-ci';
const nspRefusal = findingOf('nsp', { innerErrorCode: 'ForbiddenByFirewall', clientIp: '40.82.190.38', objectId: OID }, { bypass: 'None' });

describe('assess', () => {
  it('gives one verdict per consulted gate, in Key Vault order, each within the contract', () => {
    const verdicts = assess(nspRefusal, modelOf());
    expect(verdicts.map((v) => [v.check, v.status])).toEqual([
      ['nsp', 'pass'],
      ['public-network-access', 'pass'],
      ['firewall', 'fail'],
      ['private-endpoints', 'pass'],
      ['permission-model', 'pass'],
      ['access-policy', 'fail'],
    ]);
    for (const v of verdicts) expect(VerdictSchema.safeParse(v).success).toBe(true);
  });

  it('drops the firewall while public access is Disabled and the access-policy check in RBAC mode', () => {
    const verdicts = assess(nspRefusal, modelOf({ publicNetworkAccess: 'Disabled', enableRbacAuthorization: true }));
    expect(verdicts.map((v) => v.check)).toEqual(['nsp', 'public-network-access', 'private-endpoints', 'permission-model', 'role-assignment']);
  });

  it('lets an Enforced perimeter decide instead of public access and the firewall, naming its rule command', () => {
    const verdicts = assess(nspRefusal, modelOf({ nsp: { associated: true, mode: 'Enforced', perimeter: PERIMETER, profile: 'defaultProfile' } }));
    expect(verdicts.map((v) => v.check)).toEqual(['nsp', 'private-endpoints', 'permission-model', 'access-policy']);
    expect(verdicts[0]).toEqual({
      check: 'nsp',
      status: 'unknown',
      evidence:
        "associated with perimeter nsp-ci (profile defaultProfile) in Enforced mode: the perimeter's inbound access rules decide for 40.82.190.38 (publicNetworkAccess and the firewall do not; private endpoint traffic is exempt); its access rules were not read",
      command: {
        tool: 'az',
        text: 'az extension add --upgrade --name nsp && az network perimeter profile access-rule create --resource-group rg-net --perimeter-name nsp-ci --profile-name defaultProfile --name allow-40-82-190-38 --direction Inbound --address-prefixes \'[40.82.190.38/32]\'',
      },
    });
  });

  it('keeps the firewall in a Learning perimeter and says so', () => {
    const verdicts = assess(nspRefusal, modelOf({ nsp: { associated: true, mode: 'Learning', perimeter: PERIMETER } }));
    expect(verdicts[0]).toEqual({ check: 'nsp', status: 'pass', evidence: 'associated with perimeter nsp-ci in Learning mode: publicNetworkAccess and the firewall still decide' });
    expect(verdicts.map((v) => v.check)).toContain('firewall');
  });

  it('reports the perimeter as unknown when associations were unreadable', () => {
    expect(assess(nspRefusal, modelOf({ nsp: undefined }))[0]).toEqual({ check: 'nsp', status: 'unknown', evidence: 'network security perimeter associations could not be read' });
  });

  it('leaves a SecuredByPerimeter vault to the perimeter', () => {
    const verdicts = assess(nspRefusal, modelOf({ publicNetworkAccess: 'SecuredByPerimeter' }));
    expect(verdicts[1]).toEqual({
      check: 'public-network-access',
      status: 'unknown',
      evidence: "publicNetworkAccess SecuredByPerimeter: the network security perimeter's inbound access rules decide; the firewall and trusted-service bypass do not (see nsp)",
    });
    expect(verdicts.map((v) => v.check)).not.toContain('firewall');
  });
});
