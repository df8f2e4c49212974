import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZDO_AZ_COMMAND, AZDO_LOG, buildCli, kvdoctor, ROOT } from './helpers/cli';

beforeAll(buildCli, 120_000);

describe('--exit-zero', () => {
  it('shows the findings and exits 0; without it diagnose exits 1', () => {
    const plain = kvdoctor(['diagnose', AZDO_LOG]);
    const zero = kvdoctor(['diagnose', '--exit-zero', AZDO_LOG]);
    expect([plain.status, zero.status]).toEqual([1, 0]);
    expect(zero.stdout).toBe(plain.stdout);
    expect(zero.stdout).toContain(AZDO_AZ_COMMAND);
    expect(zero.stderr).toBe('');
  });

  it('still exits 2 when an input cannot be read', () => {
    const r = kvdoctor(['diagnose', '--exit-zero', AZDO_LOG, 'examples/no-such.log']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('kvdoctor: examples/no-such.log: no such file or folder\n');
  });
});

// The README's first command ends with `pnpm kvdoctor:example`: a first run must succeed after showing its finding.
it("the README's example command shows the example's finding and exits 0", () => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const example = scripts['kvdoctor:example'] ?? '';
  expect(example).toBe('pnpm build && node packages/cli/dist/kvdoctor.cjs diagnose --exit-zero examples/azdo-variable-group-firewall.log');
  // The build already ran (beforeAll); the rest is the bin with its arguments.
  const args = example.replace('pnpm build && node packages/cli/dist/kvdoctor.cjs ', '').split(' ');
  const r = kvdoctor(args);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('Key Vault firewall refused the client address');
  expect(r.stdout).toContain(AZDO_AZ_COMMAND);
});
