import { diagnose } from '../../diagnose';
import { testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('firewall: platform-aware advice', () => {
  const seed = fixtures[0]?.text ?? '';

  test('the variable-group form blames the Azure DevOps service, not the agent', () => {
    const [finding] = diagnose(seed).findings;
    expect(finding?.rule).toBe('firewall');
    expect(finding?.causes[0]).toMatch(/^The Azure DevOps service itself read the vault to link or edit a variable group/);
    expect(finding?.summary).toBe(
      "The firewall of Key Vault hypervmigratio98a5kv refused client address 40.82.190.38: it matches none of the vault's IP or virtual-network rules, and the caller is not a trusted Microsoft service.",
    );
  });

  test('the Bicep and Terraform fixes write the address as /32', () => {
    const [finding] = diagnose(seed).findings;
    const commands = finding?.fixes.flatMap((f) => f.commands) ?? [];
    expect(commands.find((c) => c.tool === 'bicep')?.text).toContain("{ value: '40.82.190.38/32' }");
    expect(commands.find((c) => c.tool === 'terraform')?.text).toContain('ip_rules       = ["40.82.190.38/32"]');
  });

  test('a hosted Azure DevOps agent gets the add-then-always-remove pipeline pair', () => {
    const log = [
      "Agent name: 'Azure Pipelines 3'",
      '##[error]Client address is not authorized and caller is not a trusted service.',
      'Client address: 20.55.1.2',
      'Vault: kv-app;location=eastus',
    ].join('\n');
    const report = diagnose(log);
    expect(report.platform).toEqual({ ci: 'azure-devops', agent: 'microsoft-hosted' });
    const pipeline = report.findings[0]?.fixes.flatMap((f) => f.commands).find((c) => c.tool === 'azure-pipelines');
    expect(pipeline?.text).toContain('  condition: always()');
    expect(pipeline?.text).toContain('az keyvault network-rule remove --name kv-app --ip-address "$(AGENT_IP)/32"');
  });

  test('a private client address never gets an IP-rule fix', () => {
    const log = 'Client address is not authorized and caller is not a trusted service.\r\nClient address: 10.1.2.3\r\nVault: kv-private;location=westeurope';
    const [finding] = diagnose(log).findings;
    expect(finding?.facts.clientIpClass).toBe('private-ipv4');
    const commands = finding?.fixes.flatMap((f) => f.commands.map((c) => c.text)) ?? [];
    expect(commands.some((c) => c.includes('--ip-address 10.1.2.3'))).toBe(false);
    expect(commands).toContain('az keyvault network-rule add --name kv-private --subnet <subnet-resource-id>');
  });

  test('the same refusal repeated 40 times is one finding with count 40', () => {
    const line = '2024-03-01T10:00:00.0000000Z ##[error]Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 52.1.2.3\\r\\nVault: kv-rep;location=eastus';
    const log = Array.from({ length: 40 }, () => line).join('\n');
    const report = diagnose(log);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.count).toBe(40);
    expect(report.findings[0]?.evidence[0]).toEqual({ line: 1, text: 'Client address is not authorized and caller is not a trusted service.' });
  });
});
