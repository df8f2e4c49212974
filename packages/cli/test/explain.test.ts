import { buildCli, kvdoctor } from './helpers/cli';

beforeAll(buildCli, 120_000);

describe('kvdoctor explain', () => {
  it('explains a code without a log, exit 0', () => {
    const r = kvdoctor(['explain', 'ForbiddenByFirewall']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Key Vault firewall refused the client address  firewall');
    expect(r.stdout).toContain('       az keyvault network-rule add --name <vault-name> --ip-address <client-ip>');
  });

  it('is case-insensitive and takes family ids', () => {
    expect(kvdoctor(['explain', 'forbiddenbyfirewall']).stdout).toBe(kvdoctor(['explain', 'firewall']).stdout);
  });

  it('gives json', () => {
    const r = kvdoctor(['explain', '--format', 'json', 'ForbiddenByFirewall']);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['tool', 'version', 'command', 'explanation']);
    expect([doc.tool, doc.command]).toEqual(['kvdoctor', 'explain']);
    expect(Object.keys(doc.explanation)).toEqual(['rule', 'title', 'description', 'causes', 'fixes', 'docs']);
    expect(doc.explanation.rule).toBe('firewall');
  });

  it('gives markdown', () => {
    const r = kvdoctor(['explain', '--format', 'markdown', 'ForbiddenByFirewall']);
    expect(r.stdout.split('\n')[0]).toBe('## Key Vault firewall refused the client address (`firewall`)');
  });

  it('an unknown code exits 2 and lists near matches', () => {
    const r = kvdoctor(['explain', 'ForbiddenByFirewal']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kvdoctor: unknown code "ForbiddenByFirewal": did you mean ForbiddenByFirewall?\n');
  });

  it('an unknown code with no near match lists the known ones', () => {
    const r = kvdoctor(['explain', 'Zzzzzzzzzzzz']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kvdoctor: unknown code "Zzzzzzzzzzzz": known codes: .*\bForbiddenByFirewall\b.*\n$/);
  });

  it('a missing code is a usage error', () => {
    const r = kvdoctor(['explain']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("kvdoctor: missing required argument 'code'");
  });
});
