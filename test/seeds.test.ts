import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, type Finding } from '@kvdoctor/diagnose';
import { AZURE_DEVOPS_BLOG_FACTS, AZURE_DEVOPS_BLOG_IP_RULE } from './fixtures/seeds/azure-devops-blog';

// The four documents the product grew from, copied verbatim with their sources (fixtures/seeds/README.md):
// every error text they quote must be diagnosed with the right family, its facts, and a fix naming the real values.
const seeds = join(__dirname, 'fixtures', 'seeds');
const read = (name: string): string => readFileSync(join(seeds, name), 'utf8');
const commands = (f: Finding | undefined): string[] => (f?.fixes ?? []).flatMap((x) => x.commands.map((c) => c.text));
const byRule = (text: string): Map<string, Finding> => new Map(diagnose(text).findings.map((f) => [f.rule, f]));

describe('the seed documents', () => {
  test('Azure DevOps blog: variable-group linking refused by the firewall, Azure DevOps Canada', () => {
    const found = byRule(read('blog-azure-devops-firewalled-keyvault.txt'));
    expect([...found.keys()]).toEqual(['firewall']);
    const f = found.get('firewall');
    expect(f?.facts).toMatchObject({
      ...AZURE_DEVOPS_BLOG_FACTS,
      appId: '2c5a35cb-ef1f-4659-98a2-dca8761c0def',
      objectId: 'f54370a6-bc53-4e02-8d73-63de4c317b54',
      tenantId: 'a1a2578a-8fd3-4595-bb18-7d17df8944b0',
    });
    expect(f?.facts.clientIpOwner).toMatchObject({ kind: 'azure-devops', geography: 'Canada' });
    expect(f?.details.via).toBe('variable-group');
    expect(commands(f)).toContain(AZURE_DEVOPS_BLOG_IP_RULE);
    expect(commands(f)).toContain('Add-AzKeyVaultNetworkRule -VaultName hypervmigratio98a5kv -IpAddressRange 40.82.190.38');
  });

  test('GitLab doc: AADSTS50027 and ForbiddenByRbac, each with its own facts', () => {
    const found = byRule(read('docs-gitlab-ci-azure-keyvault.txt'));
    expect([...found.keys()].sort()).toEqual(['aad', 'rbac']);
    expect(found.get('aad')?.facts).toMatchObject({ aadCode: 'AADSTS50027', httpStatus: 400 });
    expect(found.get('rbac')?.facts).toMatchObject({ httpStatus: 403, errorCode: 'Forbidden' });
    expect(found.get('rbac')?.facts.aadCode).toBeUndefined();
    expect(commands(found.get('rbac')).some((c) => c.startsWith("az role assignment create --role 'Key Vault Secrets User' --assignee "))).toBe(true);
    expect(found.get('aad')?.causes.join(' ')).toContain('GitLab Runner');
  });

  test('Pipelines private key vault doc: its troubleshooting section quotes four refusals', () => {
    const found = byRule(read('docs-pipelines-private-keyvault.txt'));
    expect([...found.keys()].sort()).toEqual(['firewall', 'nsp', 'public-network-disabled', 'service-connection-permissions']);
    expect(commands(found.get('firewall'))).toContain('az keyvault network-rule add --name <vault-name> --ip-address <client-ip>');
  });

  test('VNet service endpoints blog: it quotes no refusal, and none is claimed', () => {
    expect(diagnose(read('blog-keyvault-vnet-service-endpoints.txt')).findings).toEqual([]);
  });
});
