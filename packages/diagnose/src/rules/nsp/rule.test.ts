import { diagnose } from '../../diagnose';
import { commandTexts, findingOf, testRule } from '../../rule-kit/test-rule';
import { rules } from '../index';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

const body = fixtures[0]?.text ?? '';

describe('nsp: one finding, both readings', () => {
  test('the NSP body (innererror ForbiddenByFirewall) is reported as nsp only: the firewall finding is superseded', () => {
    const report = diagnose(body);
    expect(report.findings.map((f) => f.rule)).toEqual(['nsp']);
  });

  test('without the NSP family the same body is a firewall finding (so the supersession is what drops it)', () => {
    const withoutNsp = rules.filter((r) => r.meta.id !== 'nsp');
    expect(diagnose(body, { rules: withoutNsp }).findings.map((f) => f.rule)).toEqual(['firewall']);
  });

  test('causes give the firewall reading first and the enforced-perimeter reading second', () => {
    const finding = findingOf(rule, body);
    expect(finding.causes[0]).toMatch(/^Most often this is the vault's own firewall with "Allow trusted Microsoft services to bypass this firewall" unticked/);
    expect(finding.causes[1]).toMatch(/^If the vault is associated with a network security perimeter in Enforced mode \(publicNetworkAccess SecuredByPerimeter\)/);
    expect(finding.summary).toBe(
      'Key Vault someakv refused the client address at its network gate ("not allowed by NSP rules"): the address matches no firewall rule of the vault, or no inbound access rule of an enforced network security perimeter, and trusted-service bypass is off (bypass None).',
    );
  });

  test('a stated client address goes into the vault IP rule and the perimeter access rule', () => {
    const log = 'Request was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None\r\nClient address: 52.1.2.3\r\nVault: kv-nsp;location=westeurope';
    const finding = findingOf(rule, log);
    expect(finding.facts.clientIp).toBe('52.1.2.3');
    const commands = commandTexts(finding);
    expect(commands).toContain('az keyvault network-rule add --name kv-nsp --ip-address 52.1.2.3');
    expect(commands).toContain(
      "az network perimeter profile access-rule create --name <rule-name> --profile-name <profile-name> --perimeter-name <perimeter-name> --resource-group <perimeter-resource-group> --address-prefixes '[52.1.2.3/32]'",
    );
    expect(commands).toContain(
      'New-AzNetworkSecurityPerimeterAccessRule -Name <rule-name> -ProfileName <profile-name> -ResourceGroupName <perimeter-resource-group> -SecurityPerimeterName <perimeter-name> -AddressPrefix 52.1.2.3/32 -Direction Inbound',
    );
  });

  test('a private client address gets no IP-rule fix', () => {
    const log = 'Request was not allowed by NSP rules and the client address is not authorized and caller was ignored because bypass is set to None\r\nClient address: 10.20.30.40\r\nVault: kv-nsp;location=westeurope';
    const finding = findingOf(rule, log);
    const commands = commandTexts(finding);
    expect(commands.some((c) => c.startsWith('az keyvault network-rule add'))).toBe(false);
  });

  test('ForbiddenByNsp (Enforced mode) leads with the perimeter: no vault IP rule, trusted-service or temporary-rule fix', () => {
    const enforced = fixtures.find((f) => f.facts?.errorCode === 'ForbiddenByNsp')?.text ?? '';
    const finding = findingOf(rule, enforced);
    expect(finding.summary).toMatch(/^Key Vault <vault-name> is in a network security perimeter in Enforced mode, and the perimeter refused the request/);
    expect(finding.causes[0]).toMatch(/^In Enforced mode the perimeter profile's inbound access rules/);
    expect(finding.fixes.map((f) => f.title)).toEqual([
      'Find the perimeter and profile that govern <vault-name>',
      'If the association is Enforced: add an inbound access rule to the perimeter profile',
      'Or switch the association to Learning mode while you diagnose',
    ]);
  });
});
