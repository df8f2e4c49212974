import { liveCheck } from './check';
import { RG, roleAssignmentBody, roleDefinitions, SUB, vaultBody, vaultId } from './testing/arm-bodies';
import { startHarness } from './testing/harness';
import { scenarioFinding } from './testing/scenario-finding';

// A job's log often holds several refusals of one vault (two identities, a list then a get). The
// live check reads the vault once and each caller's assignments once, with one token, and holds
// each refusal against its own caller's roles.
const NAME = 'kv-many';
const ID = vaultId(NAME);
const ALLOWED = '11111111-2222-4333-8444-555555555555';
const REFUSED = '66666666-7777-4888-8999-aaaaaaaaaaaa';
const refusal = (objectId: string) =>
  scenarioFinding('rbac', { innerErrorCode: 'ForbiddenByRbac', objectId, requestUrl: `https://${NAME}.vault.azure.net/secrets/db-password?api-version=7.4`, vault: NAME }, { subscriptionId: SUB, resourceGroup: RG });

describe('one live check for several refusals of one vault', () => {
  it('reads the vault once and each caller once, and gives each refusal its own verdict', async () => {
    const h = await startHarness({
      vaults: { [SUB]: [vaultBody({ name: NAME, enableRbacAuthorization: true })] },
      roleDefinitions: roleDefinitions(),
      roleAssignments: [roleAssignmentBody('secretsUser', ALLOWED, ID)],
    });
    try {
      const findings = [refusal(ALLOWED), refusal(REFUSED), refusal(ALLOWED)];
      const result = await liveCheck(h.options({ findings, vaultName: NAME }));
      expect(result.outcome).toMatchObject({ kind: 'ok', incomplete: [] });
      const roleVerdicts = result.checks.map((c) => [c.finding.facts.objectId, c.verdicts.find((v) => v.check === 'role-assignment')?.status]);
      expect(roleVerdicts).toEqual([
        [ALLOWED, 'pass'],
        [REFUSED, 'fail'],
        [ALLOWED, 'pass'],
      ]);
      expect(result.verdicts).toEqual(result.checks[0]?.verdicts);
      // One token; the vault read once; role and deny assignments once per distinct caller.
      expect(h.credential.scopes).toEqual([`${h.server.endpoint}/.default`]);
      const paths = h.server.requests.map((r) => r.path.toLowerCase());
      expect(paths.filter((p) => p === ID.toLowerCase())).toHaveLength(1);
      const perCaller = (kind: string) => h.server.requests.filter((r) => r.path.toLowerCase().endsWith(`/providers/microsoft.authorization/${kind}`)).map((r) => r.query.get('$filter'));
      expect(perCaller('roleassignments').sort()).toEqual([`assignedTo('${ALLOWED}')`, `assignedTo('${REFUSED}')`].sort());
      expect(perCaller('denyassignments')).toHaveLength(2);
    } finally {
      await h.server.close();
    }
  });
});
