import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, EXAMPLES, kvdoctor } from './helpers/cli';

beforeAll(buildCli, 120_000);

const GOLDEN = join(__dirname, 'golden');
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.log')).sort();

/**
 * The markdown for each bundled example, compared with the committed file. When a family's wording
 * changes on purpose, regenerate with `UPDATE_GOLDEN=1 npx jest packages/cli/test/golden.test.ts`
 * and review the diff.
 */
describe('markdown output of the bundled examples (golden files)', () => {
  it('covers every example', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('%s', (name) => {
    const r = kvdoctor(['diagnose', '--format', 'markdown', `examples/${name}`]);
    const file = join(GOLDEN, name.replace(/\.log$/, '.md'));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, r.stdout);
    expect(r.stdout).toBe(readFileSync(file, 'utf8'));
    // Each example is there to show a finding with its fix.
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('**How to fix**');
  });
});
