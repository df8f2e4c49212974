import { diagnose } from '../diagnose';
import type { Finding, Fix } from '../report/schema';
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
 * The text of the fixture named `name`, or else of the one fixture whose name starts with it.
 * Throws when none (or several) match, so a renamed fixture fails its test instead of testing ''.
 */
export function fixtureText(fixtures: readonly Fixture[], name: string): string {
  const exact = fixtures.find((f) => f.name === name);
  if (exact) return exact.text;
  const [only, ...more] = fixtures.filter((f) => f.name.startsWith(name));
  if (only === undefined || more.length > 0) throw new Error(`no single fixture named "${name}"`);
  return only.text;
}

/** `rule`'s first finding for `text` (other families may report the same text too); throws when it has none. */
export function findingOf(rule: Rule, text: string): Finding {
  const [finding] = findingsOf(rule, text);
  if (finding === undefined) throw new Error(`no ${rule.meta.id} finding in the text`);
  return finding;
}

/** Every command text of every fix, in order: what a user would copy. */
export function commandTexts(explained: { readonly fixes: readonly Fix[] }): string[] {
  return explained.fixes.flatMap((f) => f.commands.map((c) => c.text));
}

function valueAt(record: object, key: string): unknown {
  return Object.entries(record).find(([k]) => k === key)?.[1];
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
        const [finding] = found;
        if (finding === undefined) throw new Error(`${rule.meta.id}: no finding for must-match fixture "${fixture.name}"`);
        if (fixture.count !== undefined) expect(finding.count).toBe(fixture.count);
        for (const [key, want] of Object.entries(fixture.facts ?? {})) {
          expect({ [key]: valueAt(finding.facts, key) }).toEqual({ [key]: want });
        }
        for (const [key, want] of Object.entries(fixture.details ?? {})) {
          expect({ [key]: valueAt(finding.details, key) }).toEqual({ [key]: want });
        }
        const commands = commandTexts(finding);
        for (const want of fixture.commands ?? []) expect(commands).toContain(want);
        expect(finding.evidence.length).toBeGreaterThan(0);
      });
    }
  });
}
