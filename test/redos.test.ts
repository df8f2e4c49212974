import { checkSync } from 'recheck';
import { join } from 'node:path';
import { VENDOR_PREFIX } from '../packages/diagnose/src/redact/vendor-tokens';
import { VAULT_URL } from '../packages/diagnose/src/rule-kit/patterns';
import { sourceRegexes } from './source-regexes';

// Static ReDoS analysis of every regex the library ships (literals parsed from the source, plus
// the ones built at run time). The automaton checker decides most patterns exactly in
// milliseconds; patterns it cannot model (lookarounds) go to the fuzzer with a time budget.
const repoRoot = join(__dirname, '..');
const literals = sourceRegexes(join(repoRoot, 'packages', 'diagnose', 'src'), repoRoot);
const built = [
  { file: 'rule-kit/patterns.ts (VAULT_URL)', pattern: VAULT_URL.source, flags: VAULT_URL.flags },
  { file: 'redact/vendor-tokens.ts (VENDOR_PREFIX)', pattern: VENDOR_PREFIX.source, flags: VENDOR_PREFIX.flags },
];

function verdict(pattern: string, flags: string): string {
  const exact = checkSync(pattern, flags, { checker: 'automaton', timeout: 5000 });
  if (exact.status !== 'unknown') return exact.status;
  return checkSync(pattern, flags, { checker: 'fuzz', timeout: 3000, randomSeed: 42 }).status;
}

describe('no regex in @kvdoctor/diagnose can backtrack catastrophically', () => {
  test('the collector finds the library\'s regexes', () => {
    expect(literals.length).toBeGreaterThan(40);
  });

  test('the checker does flag a known catastrophic pattern (so a pass means something)', () => {
    expect(verdict('^(a+)+$', '')).toBe('vulnerable');
  });

  test.each([...literals, ...built].map((r) => [`${r.file}: /${r.pattern.slice(0, 60)}/`, r] as const))('%s', (_, r) => {
    expect(verdict(r.pattern, r.flags)).not.toBe('vulnerable');
  });
});
