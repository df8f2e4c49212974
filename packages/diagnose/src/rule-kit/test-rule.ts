import { diagnose } from '../diagnose';
import type { Finding } from '../report/schema';
import type { Fixture } from './fixture';
import type { Rule } from './rule';

function assertSound(rule: Rule, fixtures: readonly Fixture[]): void {
  const names = new Set<string>();
  for (const f of fixtures) {
    if (names.has(f.name)) throw new Error(`${rule.meta.id}: duplicate fixture name "${f.name}"`);
    names.add(f.name);
    if (!/^https:\/\/\S+$/.test(f.source)) throw new Error(`${rule.meta.id}: fixture "${f.name}" has no https source`);
  }
  const texts = new Set(fixtures.map((f) => f.text));
  if (texts.size !== fixtures.length) throw new Error(`${rule.meta.id}: two fixtures share the same text`);
  if (!fixtures.some((f) => f.expect === 'match')) throw new Error(`${rule.meta.id}: no must-match fixture`);
  if (!fixtures.some((f) => f.expect === 'no-match')) throw new Error(`${rule.meta.id}: no must-not-match fixture`);
}

function findingsOf(rule: Rule, text: string): Finding[] {
  return diagnose(text).findings.filter((f) => f.rule === rule.meta.id);
}

/**
 * The strict harness every family uses: runs each fixture through the full `diagnose` (so the
 * other families' precedence applies) and asserts exact facts and exact fix commands.
 */
export function testRule(rule: Rule, fixtures: readonly Fixture[]): void {
  describe(`rule ${rule.meta.id}`, () => {
    test('fixtures are sound (unique, cited, both polarities)', () => {
      expect(() => assertSound(rule, fixtures)).not.toThrow();
    });
    for (const fixture of fixtures) {
      test(`${fixture.expect}: ${fixture.name}`, () => {
        const found = findingsOf(rule, fixture.text);
        if (fixture.expect !== 'match') {
          expect(found).toEqual([]);
          return;
        }
        expect(found.length).toBeGreaterThanOrEqual(1);
        const finding = found[0] as Finding;
        if (fixture.count !== undefined) expect(finding.count).toBe(fixture.count);
        for (const [key, want] of Object.entries(fixture.facts ?? {})) {
          expect({ [key]: (finding.facts as Record<string, unknown>)[key] }).toEqual({ [key]: want });
        }
        for (const [key, want] of Object.entries(fixture.details ?? {})) {
          expect({ [key]: (finding.details as Record<string, unknown>)[key] }).toEqual({ [key]: want });
        }
        const commands = finding.fixes.flatMap((f) => f.commands.map((c) => c.text));
        for (const want of fixture.commands ?? []) expect(commands).toContain(want);
        expect(finding.evidence.length).toBeGreaterThan(0);
      });
    }
  });
}
