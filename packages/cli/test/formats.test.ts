import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_AZ_COMMAND, AZDO_LOG, buildCli, CLEAN_LOG, kvdoctor, tempDir } from './helpers/cli';

const packageVersion: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;

beforeAll(buildCli, 120_000);

describe('kvdoctor diagnose formats', () => {
  it('text (the default) names the input, the finding, its facts and the fix command on a line of its own', () => {
    const r = kvdoctor(['diagnose', AZDO_LOG]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${AZDO_LOG}  Azure DevOps · 4 lines`);
    expect(lines).toContain('✖ Key Vault firewall refused the client address  firewall · high confidence');
    expect(lines).toContain('    Vault                    hypervmigratio98a5kv (canadacentral)');
    expect(lines).toContain('    Client address           40.82.190.38 (public-ipv4)');
    expect(lines).toContain('     Azure CLI:');
    expect(lines).toContain(`       ${AZDO_AZ_COMMAND}`);
    // Piped output carries no colour codes.
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('text says so when there is nothing to report, and exits 0', () => {
    const r = kvdoctor(['diagnose', '-'], { input: CLEAN_LOG });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('<stdin>  Azure DevOps · 2 lines\n\n✔ No Key Vault error found.\n');
  });

  it('json is one array of {input, encoding, report} with the library report unchanged', () => {
    const r = kvdoctor(['diagnose', '--format', 'json', AZDO_LOG]);
    expect(r.status).toBe(1);
    const envelope = JSON.parse(r.stdout);
    expect(Object.keys(envelope)).toEqual(['tool', 'version', 'command', 'inputs']);
    expect([envelope.tool, envelope.version, envelope.command]).toEqual(['kvdoctor', packageVersion, 'diagnose']);
    const doc = envelope.inputs;
    expect(Array.isArray(doc)).toBe(true);
    expect(doc).toHaveLength(1);
    expect(Object.keys(doc[0])).toEqual(['input', 'encoding', 'report']);
    expect(doc[0].input).toBe(AZDO_LOG);
    expect(doc[0].encoding).toBe('utf-8');
    expect(doc[0].report.version).toBe('1.2.0');
    expect(doc[0].report.platform).toEqual({ ci: 'azure-devops', agent: 'unknown', host: 'unknown' });
    expect(doc[0].report.findings.map((f: { rule: string }) => f.rule)).toEqual(['firewall']);
    expect(doc[0].report.findings[0].facts.clientIp).toBe('40.82.190.38');
    expect(doc[0].report.findings[0].fixes[0].commands[0]).toEqual({ tool: 'az', text: AZDO_AZ_COMMAND });
  });

  it('json items for unreadable inputs are {input, error: {code, message}}', () => {
    const r = kvdoctor(['diagnose', '--format', 'json', 'no/such/file.log']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).inputs).toEqual([{ input: 'no/such/file.log', error: { code: 'not-found', message: 'no such file or folder' } }]);
    expect(r.stderr).toBe('kvdoctor: no/such/file.log: no such file or folder\n');
  });

  it('csv has a fixed header and one row per finding', () => {
    const r = kvdoctor(['diagnose', '--format', 'csv', AZDO_LOG, '-'], { input: CLEAN_LOG });
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'input,rule,title,severity,confidence,count,first_line,ci,vault,location,client_ip,client_ip_class,app_id,object_id,tenant_id,http_status,error_code,inner_error_code,aad_code,object_type,object_name,summary,fix,command',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith(
      `${AZDO_LOG},firewall,Key Vault firewall refused the client address,error,high,1,3,azure-devops,hypervmigratio98a5kv,canadacentral,40.82.190.38,public-ipv4,2c5a35cb-ef1f-4659-98a2-dca8761c0def,f54370a6-bc53-4e02-8d73-63de4c317b54,a1a2578a-8fd3-4595-bb18-7d17df8944b0,403,Forbidden,ForbiddenByFirewall,,,,`,
    )).toBe(true);
    expect(lines[1]?.endsWith(`,${AZDO_AZ_COMMAND}`)).toBe(true);
  });

  it('markdown has a heading per input, a facts table and fenced commands', () => {
    const r = kvdoctor(['diagnose', '--format', 'markdown', AZDO_LOG]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual(['# kvdoctor report', '', `## \`${AZDO_LOG}\``, '', '_Azure DevOps · 4 lines_']);
    expect(lines).toContain('| Vault | `hypervmigratio98a5kv (canadacentral)` |');
    expect(r.stdout).toContain(`   \`\`\`bash\n   ${AZDO_AZ_COMMAND}\n   \`\`\``);
  });

  it('--out writes the document to the file and nothing to stdout', () => {
    const { dir, remove } = tempDir();
    try {
      const out = join(dir, 'report.json');
      const r = kvdoctor(['diagnose', '--format', 'json', '--out', out, AZDO_LOG]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(JSON.parse(readFileSync(out, 'utf8')).inputs[0].input).toBe(AZDO_LOG);
    } finally {
      remove();
    }
  });

  it('writes no file unless asked', () => {
    const { dir, remove } = tempDir();
    try {
      kvdoctor(['diagnose', join(process.cwd(), AZDO_LOG)], { cwd: dir });
      expect(existsSync(join(dir, 'report.json'))).toBe(false);
      expect(require('node:fs').readdirSync(dir)).toEqual([]);
    } finally {
      remove();
    }
  });

  it('masks secrets in echoed evidence', () => {
    // The token sits inside the refusal's own message (the step's banner lines are not evidence).
    const log = readFileSync(AZDO_LOG, 'utf8').replace(
      'Client address: 40.82.190.38',
      'Client address: 40.82.190.38\\r\\nAuthorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0LmF6dXJlLm5ldCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
    );
    const r = kvdoctor(['diagnose', '-'], { input: log });
    expect(r.stdout).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(r.stdout).toContain('[REDACTED:');
  });
});
