import { liveCheck } from './check';
import { roleAssignmentBody, roleDefinitions, SUB, vaultBody, vaultId } from './testing/arm-bodies';
import { authorizationFailed } from './testing/arm-server';
import { TEXTS } from './testing/e2e-texts';
import { findingIn } from './testing/finding';
import { type Harness, startHarness } from './testing/harness';

const OID = 'faf80fe8-19dc-4674-bf55-669b818e288d';
const ID = vaultId('kv-yory', 'rg-resources');

const rbacFinding = () => findingIn(TEXTS.rbacRecoveryServices.text, 'rbac');

describe('reads that fail alone', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({
      vaults: { [SUB]: [vaultBody({ name: 'kv-yory', rg: 'rg-resources', enableRbacAuthorization: true, publicNetworkAccess: 'Disabled', privateEndpointConnections: [{ name: 'pe-backup', status: 'Approved' }] })] },
      roleAssignments: [roleAssignmentBody('cryptoServiceEncryptionUser', OID, ID)],
      roleDefinitions: roleDefinitions(),
    });
  });
  afterEach(async () => h.server.close());

  it('role assignments forbidden → the role verdict is unknown, everything else still reported', async () => {
    h.server.override = (r) => (r.path.endsWith('/roleAssignments') ? authorizationFailed('Microsoft.Authorization/roleAssignments/read', ID) : undefined);
    const result = await liveCheck(h.options({ finding: rbacFinding(), vaultName: 'kv-yory' }));
    expect(result.outcome).toEqual({
      kind: 'ok',
      vaultId: ID,
      incomplete: [
        {
          read: 'role-assignments',
          failure: {
            kind: 'forbidden',
            message: `listing role assignments of ${OID} on the vault: forbidden (403 AuthorizationFailed): no permission for Microsoft.Authorization/roleAssignments/read over ${ID}`,
            needs: 'Reader on the vault (Microsoft.Authorization/roleAssignments/read)',
          },
        },
      ],
    });
    expect(result.verdicts.map((v) => [v.check, v.status])).toEqual([
      ['nsp', 'unknown'],
      ['public-network-access', 'unknown'],
      ['private-endpoints', 'pass'],
      ['permission-model', 'pass'],
      ['role-assignment', 'unknown'],
    ]);
  });

  it('a role definition that cannot be read leaves that role unknown, not granted', async () => {
    h.server.override = (r) => (r.path.includes('/roleDefinitions/') ? { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'try later' } } } : undefined);
    const result = await liveCheck(h.options({ finding: rbacFinding(), vaultName: 'kv-yory' }));
    expect(result.outcome).toMatchObject({ kind: 'ok', incomplete: [{ read: 'role-definitions', failure: { kind: 'network-error', code: 'ServiceUnavailable' } }] });
    expect(result.verdicts.find((v) => v.check === 'role-assignment')).toEqual({
      check: 'role-assignment',
      status: 'unknown',
      evidence: `RBAC mode, object ${OID} holds e147488a-f6f5-4113-8e2d-b22465e65bf6 at ${ID}, whose data actions could not be read; Microsoft.KeyVault/vaults/keys/read needs Key Vault Crypto Service Encryption User`,
      command: { tool: 'az', text: `az role assignment create --role 'Key Vault Crypto Service Encryption User' --assignee ${OID} --scope ${ID}` },
    });
  });

  it('with every read answered, the assignment grants keys/read', async () => {
    const result = await liveCheck(h.options({ finding: rbacFinding(), vaultName: 'kv-yory' }));
    expect(result.verdicts.find((v) => v.check === 'role-assignment')?.status).toBe('pass');
  });

  it('deny assignments forbidden → the grant still counts, and the verdict says they were not read', async () => {
    h.server.override = (r) => (r.path.endsWith('/denyAssignments') ? authorizationFailed('Microsoft.Authorization/denyAssignments/read', ID) : undefined);
    const result = await liveCheck(h.options({ finding: rbacFinding(), vaultName: 'kv-yory' }));
    expect(result.outcome).toMatchObject({ kind: 'ok', incomplete: [{ read: 'deny-assignments', failure: { kind: 'forbidden', needs: 'Reader on the vault (Microsoft.Authorization/denyAssignments/read)' } }] });
    expect(result.verdicts.find((v) => v.check === 'role-assignment')).toEqual({
      check: 'role-assignment',
      status: 'pass',
      evidence: `RBAC mode, object ${OID} holds Key Vault Crypto Service Encryption User at ${ID}, which grants Microsoft.KeyVault/vaults/keys/read; deny assignments were not read: the role is now assigned → the refusal predates the assignment, or propagation (up to 10 minutes): retry`,
    });
  });

  it('private endpoint listing forbidden → the connections embedded in the vault still count', async () => {
    h.server.override = (r) => (r.path.endsWith('/privateEndpointConnections') ? authorizationFailed('Microsoft.KeyVault/vaults/privateEndpointConnections/read', ID) : undefined);
    const result = await liveCheck(h.options({ finding: rbacFinding(), vaultName: 'kv-yory' }));
    expect(result.model?.privateEndpointConnections).toEqual([{ name: 'pe-backup', status: 'Approved' }]);
    expect(result.outcome).toMatchObject({ kind: 'ok', incomplete: [{ read: 'private-endpoints', failure: { kind: 'forbidden' } }] });
  });

  it('perimeters forbidden → nsp unknown', async () => {
    h.server.override = (r) => (r.path.endsWith('/networkSecurityPerimeters') ? authorizationFailed('Microsoft.Network/networkSecurityPerimeters/read', `/subscriptions/${SUB}`) : undefined);
    const result = await liveCheck(h.options({ finding: rbacFinding(), vaultName: 'kv-yory', allowed: { tenants: ['a1a2578a-8fd3-4595-bb18-7d17df8944b0'], subscriptions: [SUB] } }));
    expect(result.model?.nsp).toBeUndefined();
    expect(result.verdicts[0]).toEqual({ check: 'nsp', status: 'unknown', evidence: 'network security perimeter associations could not be read' });
  });
});
